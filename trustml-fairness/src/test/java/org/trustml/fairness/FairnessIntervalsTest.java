package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trustml.fairness.FairnessMetric.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricInterval;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.io.Json;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;

/** Intervals in the report: hand and published numbers, what is undefined and why, JSON, gates. */
class FairnessIntervalsTest {
    /**
     * Newcombe (1998), "Interval estimation for the difference between independent proportions", Statistics in
     * Medicine 17, Table II example (a): 56/70 − 48/80, whose hybrid score interval (method 10) is printed as
     * 0.0524 to 0.3339. Here the unprivileged group (sex=0, 70 rows) has 56 favorable predictions and the
     * privileged (sex=1, 80 rows) 48, so the statistical parity difference is 0.8 − 0.6 = 0.2. Labels equal the
     * predictions.
     */
    static Table newcombeExample() {
        int n = 150;
        long[] sex = new long[n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            sex[i] = i < 70 ? 0 : 1;
            y[i] = i < 56 || i >= 70 && i < 70 + 48 ? 1 : 0;
        }
        return Table.of(LongColumn.of("sex", sex), LongColumn.of("y", y), LongColumn.of("yhat", y));
    }

    static Fairness fairness(Table t) {
        return Fairness.of(t).label("y").prediction("yhat").privileged(Group.where("sex", 1));
    }

    @Test
    void theAnalyticIntervalOfAParityDifferenceIsNewcombesPublishedOne() {
        FairnessReport r = fairness(newcombeExample()).intervals(IntervalOptions.analytic(0.95)).report();
        MetricInterval spd = r.interval("classification", STATISTICAL_PARITY_DIFFERENCE, FairnessSlice.BETWEEN)
                .orElseThrow();
        assertThat(r.classification(STATISTICAL_PARITY_DIFFERENCE).orElseThrow().between()).isCloseTo(0.2, within(1e-15));
        assertThat(spd.method()).isEqualTo("newcombe");
        assertThat(spd.lower()).isCloseTo(0.0524, within(5e-5));
        assertThat(spd.upper()).isCloseTo(0.3339, within(5e-5));
        // the same rows' base rates: the dataset section's parity difference has the same interval
        assertThat(r.interval("dataset", STATISTICAL_PARITY_DIFFERENCE, FairnessSlice.BETWEEN)).contains(spd);
        // Katz's log interval of 0.8/0.6 by hand: se = √(1/56 − 1/70 + 1/48 − 1/80), exp(ln(4/3) ± 1.959964·se)
        double se = Math.sqrt(1.0 / 56 - 1.0 / 70 + 1.0 / 48 - 1.0 / 80);
        MetricInterval di = r.interval("classification", DISPARATE_IMPACT, FairnessSlice.BETWEEN).orElseThrow();
        assertThat(di.lower()).isCloseTo(Math.exp(Math.log(4.0 / 3) - 1.959963984540054 * se), within(1e-12));
        assertThat(di.upper()).isCloseTo(Math.exp(Math.log(4.0 / 3) + 1.959963984540054 * se), within(1e-12));
    }

    @Test
    void whatHasNoIntervalSaysWhyAndNeverReadsAsZero() {
        // the unprivileged group predicts nothing favorable: PPV there is 0/0
        Table t = Table.of(LongColumn.of("sex", 1, 1, 1, 1, 0, 0, 0, 0), LongColumn.of("y", 1, 0, 1, 0, 1, 0, 1, 0),
                LongColumn.of("yhat", 1, 1, 0, 0, 0, 0, 0, 0), DoubleColumn.of("x", 1, 2, 3, 4, 5, 6, 7, 8));
        FairnessReport r = fairness(t).features("x").neighbors(2).intervals(IntervalOptions.percentile(0.9, 50, 1)).report();
        MetricInterval ppv = r.interval("classification", POSITIVE_PREDICTIVE_VALUE, FairnessSlice.UNPRIVILEGED)
                .orElseThrow();
        assertThat(ppv.isDefined()).isFalse();
        assertThat(ppv.undefinedReason().orElseThrow()).isEqualTo("the value is undefined: TP + FP = 0 in the "
                + "unprivileged rows (0 denominator)");
        // the privileged PPV is 1/2 here but 0/0 in any resample that draws neither predicted positive
        MetricInterval priv = r.interval("classification", POSITIVE_PREDICTIVE_VALUE, FairnessSlice.PRIVILEGED)
                .orElseThrow();
        assertThat(priv.undefinedReason().orElseThrow()).matches("undefined or infinite in \\d+ of 50 resamples \\(first: "
                + "TP \\+ FP = 0 in the privileged rows \\(0 denominator\\)\\)");
        assertThat(r.interval("dataset", CONSISTENCY, FairnessSlice.BETWEEN).orElseThrow().undefinedReason().orElseThrow())
                .contains("not a function of the sufficient statistics");
        // as MetricValues: NaN bounds with the reason, in JSON too
        MetricValue m = r.metric("positive_predictive_value", org.trustml.core.evaluation.Slice.of("group", "unprivileged"))
                .orElseThrow();
        assertThat(m.interval().orElseThrow().undefinedReason()).isPresent();
        JsonNode json = Json.toTree(r).get("intervals").get("values").get("classification.positive_predictive_value.unprivileged");
        assertThat(json.get("lower").asText()).isEqualTo("NaN");
        assertThat(json.get("undefinedReason").asText()).startsWith("the value is undefined");
    }

    @Test
    void analyticIntervalsNeedUnitWeightsAndAClosedForm() {
        Table t = newcombeExample();
        double[] w = new double[t.rowCount()];
        Arrays.fill(w, 2.0);
        FairnessReport weighted = fairness(t.withColumn(DoubleColumn.of("w", w))).weights("w")
                .intervals(IntervalOptions.analytic(0.95)).report();
        assertThat(weighted.interval("classification", STATISTICAL_PARITY_DIFFERENCE, FairnessSlice.BETWEEN).orElseThrow()
                .undefinedReason().orElseThrow()).contains("need unit weights");
        FairnessReport plain = fairness(t).intervals(IntervalOptions.analytic(0.95)).report();
        assertThat(plain.interval("classification", THEIL_INDEX, FairnessSlice.BETWEEN).orElseThrow().undefinedReason()
                .orElseThrow()).isEqualTo("no closed-form interval for theil_index; use the bootstrap (--ci-method "
                + "percentile or bca)");
        assertThat(plain.intervals().orElseThrow().resampling()).isEqualTo("none: closed forms on the counts");
    }

    @Test
    void aConstantWeightChangesNoRatesInterval() {
        // every weight 2: each resampled cell sum is 2 × its count, exactly, so rates and their intervals are the same
        Table t = newcombeExample();
        double[] w = new double[t.rowCount()];
        Arrays.fill(w, 2.0);
        IntervalOptions o = IntervalOptions.bca(0.95, 200, 5);
        FairnessReport plain = fairness(t).intervals(o).report();
        FairnessReport weighted = fairness(t.withColumn(DoubleColumn.of("w", w))).weights("w").intervals(o).report();
        for (FairnessMetric m : List.of(DISPARATE_IMPACT, STATISTICAL_PARITY_DIFFERENCE, ACCURACY_DIFFERENCE)) {
            assertThat(weighted.interval("classification", m, FairnessSlice.BETWEEN))
                    .isEqualTo(plain.interval("classification", m, FairnessSlice.BETWEEN));
        }
        assertThat(weighted.intervals().orElseThrow().resampling()).contains("mean weight");
        assertThat(plain.intervals().orElseThrow().resampling()).contains("unit weights");
    }

    @Test
    void theJsonKeepsVersionOneFieldsAndAddsTheIntervals() {
        FairnessReport without = fairness(newcombeExample()).report();
        FairnessReport with = fairness(newcombeExample()).intervals(IntervalOptions.bca(0.95, 100, 3)).report();
        JsonNode a = Json.toTree(without);
        JsonNode b = Json.toTree(with);
        assertThat(a.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(a.has("intervals")).isFalse();
        assertThat(a.has("intersectionalSearch")).isFalse();
        for (String field : List.of("rows", "dataset", "classification", "undefined", "differentialFairness",
                "intersectional", "perClass", "spec")) {
            assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
        }
        JsonNode iv = b.get("intervals");
        assertThat(iv.get("options").get("method").asText()).isEqualTo("bca");
        assertThat(iv.get("options").get("resamples").asInt()).isEqualTo(100);
        JsonNode di = iv.get("values").get("classification.disparate_impact");
        assertThat(di.get("level").asDouble()).isEqualTo(0.95);
        assertThat(di.get("lower").asDouble()).isLessThan(4.0 / 3).isGreaterThan(0.9);
        assertThat(iv.get("values").has("classification.true_positive_rate.privileged")).isTrue();
    }

    @Test
    void aGateCanRequireTheWholeIntervalOfAFairnessMetric() {
        // disparate impact 4/3; its 95% interval reaches about 1.08 to 1.65 (Katz, by hand above)
        FairnessReport r = fairness(newcombeExample()).intervals(IntervalOptions.analytic(0.95)).report();
        assertThat(Gate.on(DISPARATE_IMPACT).between(0.8, 1.4).check(r).passed()).isTrue();
        GateResult whole = Gate.on(DISPARATE_IMPACT).between(0.8, 1.4).wholeInterval().check(r);
        assertThat(whole.passed()).isFalse();
        assertThat(whole.message()).startsWith("disparate_impact on overall = 1.33333 outside [0.8, 1.4]: its interval "
                + "[1.07").endsWith("(95% katz-log) is not wholly within");
        assertThat(Gate.on(DISPARATE_IMPACT).between(1.0, 2.0).wholeInterval(0.95).check(r).passed()).isTrue();
        // without intervals the same gate fails, naming what is missing
        assertThat(Gate.on(DISPARATE_IMPACT).between(1.0, 2.0).wholeInterval().check(fairness(newcombeExample()).report())
                .message()).contains("has no confidence interval");
    }

    @Test
    void theEvaluatorAddsIntervalsAndTheSearch() {
        FairnessReport r = FairnessGatesTest.report();
        assertThat(r.intervals()).isEmpty();
        FairnessEvaluator e = FairnessEvaluator.of("covid", Group.where("sex", "M"), "sex")
                .withIntervals(IntervalOptions.percentile(0.9, 100, 1))
                .withIntersectionalSearch(IntersectionalSearch.Options.depth(1).minSupport(1));
        FairnessReport withCi = e.report(FairnessGatesTest.predictions());
        assertThat(withCi.intervals().orElseThrow().options()).isEqualTo(IntervalOptions.percentile(0.9, 100, 1));
        assertThat(withCi.intersectionalSearch().orElseThrow().tested()).isEqualTo(2);
        assertThat(withCi.dataset()).isEqualTo(r.dataset());
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> IntervalOptions.bca(1.0, 1000, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("level").hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> IntervalOptions.percentile(0.95, 1, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("resamples").hasMessageContaining("from 2 to 100000");
        assertThatThrownBy(() -> new IntervalOptions(IntervalMethod.ANALYTIC, 0.95, 100, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("do not resample");
        assertThatThrownBy(() -> new IntersectionalSearch.Options(0, 30, 0.05, 0.95, Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("depth");
        assertThatThrownBy(() -> IntersectionalSearch.Options.depth(1).rate(THEIL_INDEX))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a rate the search compares");
    }
}
