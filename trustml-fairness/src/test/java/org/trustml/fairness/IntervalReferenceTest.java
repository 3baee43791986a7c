package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.MetricInterval;
import org.trustml.core.io.Json;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.fairness.internal.BootstrapMath;

/**
 * Intervals against scipy 1.17.1 ({@code src/test/python/make_interval_reference.py} wrote
 * {@code interval_reference.json}): the same resamples give scipy's percentile and BCa intervals and its jackknife
 * acceleration; trustml's own resamples give intervals within the Monte Carlo bands of scipy's 20,000-resample
 * bootstrap; the analytic intervals equal scipy's Wilson and Katz intervals and Newcombe's from them; the subgroup
 * search's p-values equal {@code chi2_contingency(correction=False)}'s and its adjusted ones
 * {@code false_discovery_control}'s.
 */
class IntervalReferenceTest {
    static JsonNode ref;
    static FairnessStatistics stats;
    static FairnessSpec spec;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = IntervalReferenceTest.class.getResourceAsStream("interval_reference.json")) {
            ref = Json.reader().readTree(in);
        }
        Fairness f = fairness(true);
        stats = f.statistics();
        spec = f.spec();
    }

    /** The reference's resamples as trustml's cell counts: stratum (sex, race), code 2y + p. */
    static List<long[]> identicalDraws(FairnessStatistics s) {
        JsonNode counts = ref.get("bootstrap").get("identical").get("cell_counts");
        List<long[]> draws = new ArrayList<>();
        for (JsonNode resample : counts) {
            long[] rows = new long[s.cellCount()];
            for (int c = 0; c < rows.length; c++) {
                rows[c] = resample.get(stratum(s, c)).get(code(s, c)).asLong();
            }
            draws.add(rows);
        }
        return draws;
    }

    /** The reference's stratum (sex, race) of cell {@code c}. */
    private static int stratum(FairnessStatistics s, int c) {
        List<String> key = s.key(s.cellKeyOf(c));
        JsonNode strata = ref.get("strata");
        for (int j = 0; j < strata.size(); j++) {
            if (strata.get(j).get("sex").asText().equals(key.get(0)) && strata.get(j).get("race").asText().equals(key.get(1))) {
                return j;
            }
        }
        throw new AssertionError("no stratum for " + key);
    }

    private static int code(FairnessStatistics s, int c) {
        return 2 * Integer.parseInt(s.cellTrueValue(c)) + Integer.parseInt(s.cellPredictedValue(c));
    }

    @Test
    void theSameResamplesGiveScipysPercentileAndBcaIntervalsAndAcceleration() {
        // with age the keys are (sex, race, age), 12 strata; scipy's strata are (sex, race): the statistics without age
        Fairness f = fairness(false);
        FairnessStatistics s = f.statistics().canonical();
        FairnessSpec sp = f.spec();
        Map<String, Double> point = ReportAssembler.flatValues(s, sp, new HashMap<>());
        List<long[]> draws = identicalDraws(s);
        Map<String, MetricInterval> pct = BootstrapIntervals.fromDraws(s, sp, IntervalOptions.percentile(0.95, 2, 0),
                draws.size(), draws::get);
        Map<String, MetricInterval> bca = BootstrapIntervals.fromDraws(s, sp, IntervalOptions.bca(0.95, 2, 0),
                draws.size(), draws::get);
        List<String> keys = new ArrayList<>(new java.util.TreeMap<>(point).keySet());
        double[][] jack = BootstrapIntervals.jackknife(s, sp, keys);
        BootstrapIntervals.Strata strata = new BootstrapIntervals.Strata(s);
        JsonNode metrics = ref.get("bootstrap").get("identical").get("metrics");
        for (Iterator<String> it = metrics.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode m = metrics.get(key);
            assertThat(point.get(key)).as(key).isCloseTo(m.get("point").asDouble(), within(1e-12));
            assertBounds(pct.get(key), m.get("percentile"), key + " percentile");
            double a = BootstrapMath.acceleration(jack[keys.indexOf(key)], strata.sizes, strata.stratum, strata.count);
            if (m.get("acceleration").isNumber()) {
                assertThat(a).as(key + " acceleration").isCloseTo(m.get("acceleration").asDouble(), within(1e-12));
                assertBounds(bca.get(key), m.get("bca"), key + " bca");
            } else {
                // every privileged positive is predicted positive: TPR is 1 in every resample and every jackknife
                // sample; scipy's acceleration is 0/0 and its BCa interval NaN, trustml takes a = 0 and gives [1, 1]
                assertThat(a).isZero();
                assertThat(bca.get(key).lower()).isEqualTo(1.0);
                assertThat(bca.get(key).upper()).isEqualTo(1.0);
            }
        }
    }

    /** The reference's rows, protected columns (sex, race) and, with {@code withAge}, age. */
    private static Fairness fairness(boolean withAge) {
        JsonNode rows = ref.get("rows");
        int n = rows.size();
        String[] sex = new String[n];
        String[] race = new String[n];
        String[] age = new String[n];
        long[] y = new long[n];
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            JsonNode r = rows.get(i);
            sex[i] = r.get("sex").asText();
            race[i] = r.get("race").asText();
            age[i] = r.get("age").asText();
            y[i] = r.get("y").asLong();
            p[i] = r.get("p").asLong();
        }
        Table t = Table.of(StringColumn.of("sex", sex), StringColumn.of("race", race), LongColumn.of("y", y),
                LongColumn.of("p", p));
        Fairness f = Fairness.of(withAge ? t.withColumn(StringColumn.of("age", age)) : t).label("y").prediction("p")
                .privileged(Group.where("sex", "1"));
        return withAge ? f.protectedColumns("sex", "race", "age") : f.protectedColumns("sex", "race");
    }

    private static void assertBounds(MetricInterval ci, JsonNode expected, String what) {
        assertThat(ci.isDefined()).as(what + " " + ci.describe()).isTrue();
        assertThat(ci.lower()).as(what + " lower").isCloseTo(expected.get(0).asDouble(), within(1e-12));
        assertThat(ci.upper()).as(what + " upper").isCloseTo(expected.get(1).asDouble(), within(1e-12));
    }

    @Test
    void trustmlsOwnResamplesLandInScipysMonteCarloBands() {
        Fairness f = fairness(false);
        JsonNode metrics = ref.get("bootstrap").get("reference").get("metrics");
        int b = ref.get("bootstrap").get("reference").get("java_resamples").asInt();
        FairnessIntervals pct = FairnessIntervals.of(f.statistics(), f.spec(), IntervalOptions.percentile(0.95, b, 11));
        FairnessIntervals bca = FairnessIntervals.of(f.statistics(), f.spec(), IntervalOptions.bca(0.95, b, 11));
        for (Iterator<String> it = metrics.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode m = metrics.get(key);
            assertInBand(pct.values().get(key), m.get("percentile_band"), key + " percentile");
            assertInBand(bca.values().get(key), m.get("bca_band"), key + " bca");
        }
    }

    private static void assertInBand(MetricInterval ci, JsonNode band, String what) {
        assertThat(ci.lower()).as(what + " lower").isBetween(band.get(0).get(0).asDouble(), band.get(0).get(1).asDouble());
        assertThat(ci.upper()).as(what + " upper").isBetween(band.get(1).get(0).asDouble(), band.get(1).get(1).asDouble());
    }

    @Test
    void analyticIntervalsAreScipysWilsonAndKatzAndNewcombesFromThem() {
        FairnessIntervals ci = FairnessIntervals.of(stats, spec, IntervalOptions.analytic(0.95));
        JsonNode analytic = ref.get("analytic");
        for (Iterator<String> it = analytic.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            assertBounds(ci.values().get(key), analytic.get(key), key);
        }
        assertThat(ci.values().get("classification.disparate_impact").method()).isEqualTo("katz-log");
        assertThat(ci.values().get("classification.equal_opportunity_difference").method()).isEqualTo("newcombe");
        assertThat(ci.values().get("classification.selection_rate.unprivileged").method()).isEqualTo("wilson");
    }

    @Test
    void theSearchsTestsAreScipysChiSquareAndBenjaminiHochberg() {
        IntersectionalSearch search = IntersectionalSearch.of(stats, spec, IntersectionalSearch.Options.depth(2).minSupport(1));
        JsonNode expected = ref.get("search").get("subgroups");
        assertThat(search.tested()).isEqualTo(expected.size());
        Map<String, IntersectionalSearch.Subgroup> byName = new HashMap<>();
        search.subgroups().forEach(s -> byName.put(s.group(), s));
        for (JsonNode e : expected) {
            IntersectionalSearch.Subgroup s = byName.get(e.get("group").asText());
            assertThat(s).as(e.get("group").asText()).isNotNull();
            assertThat(s.rows()).isEqualTo(e.get("rows").asLong());
            assertThat(s.rate()).isCloseTo(e.get("rate").asDouble(), within(1e-15));
            assertThat(s.restRate()).isCloseTo(e.get("rest_rate").asDouble(), within(1e-15));
            assertThat(s.z() * s.z()).isCloseTo(e.get("chi2").asDouble(), within(1e-12));
            assertThat(s.pValue()).isCloseTo(e.get("p_value").asDouble(), within(1e-12));
            assertThat(s.adjustedPValue()).isCloseTo(e.get("adjusted_p_value").asDouble(), within(1e-12));
            assertThat(s.significant()).isFalse();  // none survives the correction in these rows
        }
        assertThat(search.worst()).isEmpty();
    }
}
