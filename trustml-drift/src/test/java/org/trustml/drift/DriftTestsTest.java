package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

class DriftTestsTest {

    static double[] normal(long seed, int n, double mean) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i += 2) {
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            double rad = Math.sqrt(-2 * Math.log(1 - u1));
            out[i] = mean + rad * Math.cos(2 * Math.PI * u2);
            if (i + 1 < n) {
                out[i + 1] = mean + rad * Math.sin(2 * Math.PI * u2);
            }
        }
        return out;
    }

    static Table numeric(double... x) {
        return Table.of(DoubleColumn.of("x", x));
    }

    @Test
    void ksOnTinySamplesIsTheHandComputedExactValue() {
        // D = 0.5 (at x = 2: 2/4 vs 0/4). n = m = 4, h = 2:
        // P(D >= 1/2) = 2 (C(8,2) - C(8,0)) / C(8,4) = 2 (28 - 1) / 70 = 0.771428...
        DriftReport r = Drift.between(numeric(1, 2, 3, 4), numeric(3, 4, 5, 6)).tests(DriftTest.KS).report();
        TestResult ks = r.result("x", DriftTest.KS).orElseThrow();
        assertThat(ks.statistic()).isEqualTo(0.5);
        assertThat(ks.pValue()).hasValueSatisfying(p -> assertThat(p).isCloseTo(54.0 / 70, within(1e-15)));
        assertThat(ks.method()).contains("exact");
        assertThat(ks.drifted()).isFalse();
    }

    @Test
    void wassersteinRawAndNormalisedByHand() {
        // F_ref - F_cur = 1/2 on [0,1) and 1/2 on [1,2): W1 = 1/2 + 1/2 = 1; std_ref (ddof 0) = 0.5
        DriftReport r = Drift.between(numeric(0, 1), numeric(1, 2)).tests(DriftTest.WASSERSTEIN).report();
        TestResult w = r.result("x", DriftTest.WASSERSTEIN).orElseThrow();
        assertThat(w.wasserstein()).contains(1.0);
        assertThat(w.wassersteinNormalized()).contains(2.0);
        assertThat(w.distance()).contains(2.0);
        assertThat(w.drifted()).isTrue();
        JsonNode json = Json.toTree(r);
        JsonNode t = json.get("columns").get(0).get("tests").get(0);
        assertThat(t.get("wasserstein").asDouble()).isEqualTo(1.0);
        assertThat(t.get("wasserstein_normalized").asDouble()).isEqualTo(2.0);
        assertThat(t.get("distance").asDouble()).isEqualTo(2.0);
        assertThat(t.has("p_value")).isFalse();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void psiOnCategoriesByHand() {
        // ref a 50%, b 50%; cur a 25%, b 75%:
        // PSI = (0.5-0.25) ln(0.5/0.25) + (0.5-0.75) ln(0.5/0.75) = 0.173287 + 0.101366 = 0.274653
        Table ref = Table.of(StringColumn.of("c", "a", "b", "a", "b"));
        Table cur = Table.of(StringColumn.of("c", "a", "b", "b", "b"));
        TestResult psi = Drift.between(ref, cur).tests(DriftTest.PSI).report().result("c", DriftTest.PSI).orElseThrow();
        assertThat(psi.distance().orElseThrow()).isCloseTo(0.25 * Math.log(2) - 0.25 * Math.log(0.5 / 0.75), within(1e-15));
        assertThat(psi.distance().orElseThrow()).isCloseTo(0.274653, within(1e-6));
        assertThat(psi.drifted()).isTrue();
    }

    @Test
    void unseenCategoriesAreReportedByName() {
        Table ref = Table.of(StringColumn.of("color", "red", "blue", "red", "blue"));
        Table cur = Table.of(StringColumn.of("color", "red", "green", "blue", "purple"));
        DriftReport r = Drift.between(ref, cur).tests(DriftTest.CHI_SQUARE_GOODNESS_OF_FIT).report();
        ColumnDrift c = r.column("color").orElseThrow();
        assertThat(c.unseenCategories()).containsExactly("green", "purple");
        TestResult chi = c.result(DriftTest.CHI_SQUARE_GOODNESS_OF_FIT).orElseThrow();
        // one-sample: expected count 0 for an unseen category, infinite statistic, p = 0 (as scipy's chisquare)
        assertThat(chi.pValue()).contains(0.0);
        assertThat(chi.note()).contains("categories not in the reference: green, purple");
        assertThat(r.drifted()).isTrue();
    }

    @Test
    void twoSampleChiSquareCountsAnUnseenCategoryAsAnOrdinaryCell() {
        // 2x4 table [[2, 2, 0, 0], [1, 1, 1, 1]]: every expected count is 1.5 or 0.5,
        // chi2 = 4 (0.25/1.5) + 4 (0.25/0.5) = 8/3, 3 dof; scipy chi2_contingency(correction=False): p = 0.4459216983631228
        Table ref = Table.of(StringColumn.of("color", "red", "blue", "red", "blue"));
        Table cur = Table.of(StringColumn.of("color", "red", "green", "blue", "purple"));
        DriftReport r = Drift.between(ref, cur).tests(DriftTest.CHI_SQUARE).report();
        TestResult chi = r.result("color", DriftTest.CHI_SQUARE).orElseThrow();
        assertThat(chi.statistic()).isCloseTo(8.0 / 3, within(1e-14));
        assertThat(chi.pValue().orElseThrow()).isCloseTo(0.4459216983631228, within(1e-14));
        assertThat(chi.method()).contains("two-sample 2x4 contingency table, no continuity correction, 3 degrees of freedom");
        assertThat(chi.note()).contains("categories not in the reference: green, purple");
        assertThat(r.drifted()).isFalse();
        assertThat(Json.toTree(r).get("columns").get(0).get("tests").get(0).get("test").asText()).isEqualTo("chisquare");
        assertThat(DriftTest.parse("chi2-gof")).isEqualTo(DriftTest.CHI_SQUARE_GOODNESS_OF_FIT);
        assertThat(DriftTest.parse("chisquare_goodness_of_fit")).isEqualTo(DriftTest.CHI_SQUARE_GOODNESS_OF_FIT);
        assertThat(DriftTest.parse("chi2")).isEqualTo(DriftTest.CHI_SQUARE);
    }

    @Test
    void bonferroniDividesAlphaByTheNumberOfPValueTests() {
        Table ref = Table.of(DoubleColumn.of("a", normal(1, 200, 0)), DoubleColumn.of("b", normal(2, 200, 0)));
        Table cur = Table.of(DoubleColumn.of("a", normal(3, 200, 0)), DoubleColumn.of("b", normal(4, 200, 0)));
        DriftReport r = Drift.between(ref, cur).tests(DriftTest.KS, DriftTest.CRAMER_VON_MISES)
                .alpha(0.05).correction(Correction.BONFERRONI).report();
        // 2 columns x 2 p-value tests: threshold 0.05 / 4
        r.columns().forEach(c -> c.tests().forEach(t -> assertThat(t.threshold()).isEqualTo(0.0125)));
    }

    @Test
    void benjaminiHochbergByHand() {
        // sorted p = 0.01, 0.02, 0.03, 0.5 with alpha 0.05, K = 4: bounds 0.0125, 0.025, 0.0375, 0.05;
        // the largest k with p_(k) <= bound is k = 3, so p <= 0.03 are rejected
        assertThat(Corrections.benjaminiHochbergCutoff(new double[] {0.5, 0.02, 0.01, 0.03}, 0.05)).isEqualTo(0.03);
        // nothing passes: 0.02 > 0.0125, 0.04 > 0.025
        assertThat(Corrections.benjaminiHochbergCutoff(new double[] {0.02, 0.04}, 0.025)).isEqualTo(0.0);
    }

    @Test
    void shareRuleUsesHalfOfTheColumns() {
        Table ref = Table.of(DoubleColumn.of("a", normal(1, 300, 0)), DoubleColumn.of("b", normal(2, 300, 0)),
                DoubleColumn.of("c", normal(5, 300, 0)));
        Table cur = Table.of(DoubleColumn.of("a", normal(3, 300, 2)), DoubleColumn.of("b", normal(4, 300, 0)),
                DoubleColumn.of("c", normal(6, 300, 0)));
        DriftReport r = Drift.between(ref, cur).tests(DriftTest.KS).correction(Correction.SHARE).report();
        assertThat(r.driftedColumns()).containsExactly("a");
        assertThat(r.driftShare()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(r.drifted()).isFalse();
        assertThat(Drift.between(ref, cur).tests(DriftTest.KS).correction(Correction.SHARE).shareThreshold(0.3)
                .report().drifted()).isTrue();
    }

    @Test
    void defaultTestFollowsEvidentlysChoice() {
        Table small = numeric(normal(1, 500, 0));
        Table big = numeric(normal(2, 2000, 0));
        assertThat(Drift.between(small, small).report().column("x").orElseThrow().tests().get(0).test())
                .isEqualTo(DriftTest.KS);
        assertThat(Drift.between(big, big).report().column("x").orElseThrow().tests().get(0).test())
                .isEqualTo(DriftTest.WASSERSTEIN);
        Table binary = Table.of(StringColumn.of("c", "y", "n", "y"));
        assertThat(Drift.between(binary, binary).report().column("c").orElseThrow().tests().get(0).test())
                .isEqualTo(DriftTest.Z);
        Table three = Table.of(StringColumn.of("c", "a", "b", "c"));
        assertThat(Drift.between(three, three).report().column("c").orElseThrow().tests().get(0).test())
                .isEqualTo(DriftTest.CHI_SQUARE);
    }

    @Test
    void classBalanceShiftOnALabelColumn() {
        // 30/70 -> 60/40, 200 rows each: z = (0.7 - 0.4)/sqrt(0.55*0.45*(2/200)) = 6.03, p ~ 1.6e-9
        String[] ref = new String[200];
        String[] cur = new String[200];
        for (int i = 0; i < 200; i++) {
            ref[i] = i < 60 ? "cat" : "dog";
            cur[i] = i < 120 ? "cat" : "dog";
        }
        Table r = Table.of(DoubleColumn.of("x", normal(1, 200, 0)), StringColumn.of("y", ref));
        Table c = Table.of(DoubleColumn.of("x", normal(2, 200, 0)), StringColumn.of("y", cur));
        DriftReport report = Drift.between(r, c).label("y").report();
        ColumnDrift balance = report.classBalance().orElseThrow();
        TestResult z = balance.tests().get(0);
        assertThat(z.test()).isEqualTo(DriftTest.Z);
        assertThat(Math.abs(z.statistic())).isCloseTo(0.3 / Math.sqrt(0.55 * 0.45 * 0.01), within(1e-12));
        assertThat(z.drifted()).isTrue();
        assertThat(balance.shares().get("cat")).containsExactly(0.3, 0.6);
        assertThat(report.column("y")).isEmpty();
    }

    @Test
    void farTailPValueSurvivesJsonAsANumberNotZero() {
        double[] a = normal(7, 12000, 0);
        double[] b = normal(8, 11000, 0.5);
        DriftReport r = Drift.between(numeric(a), numeric(b)).tests(DriftTest.KS).report();
        double p = r.result("x", DriftTest.KS).orElseThrow().pValue().orElseThrow();
        assertThat(p).isPositive().isLessThan(1e-150);
        JsonNode t = Json.toTree(r).get("columns").get(0).get("tests").get(0);
        assertThat(t.get("p_value").asDouble()).isEqualTo(p);
        assertThat(r.toJson()).contains("\"p_value\" : " + p);
    }

    @Test
    void mmdIsSeededAndFlagsAShift() {
        Table ref = Table.of(DoubleColumn.of("a", normal(1, 150, 0)), DoubleColumn.of("b", normal(2, 150, 0)));
        Table same = Table.of(DoubleColumn.of("a", normal(3, 150, 0)), DoubleColumn.of("b", normal(4, 150, 0)));
        Table shifted = Table.of(DoubleColumn.of("a", normal(5, 150, 1)), DoubleColumn.of("b", normal(6, 150, 1)));
        MmdResult first = Drift.between(ref, same).tests(DriftTest.MMD).seed(42).report().mmd().orElseThrow();
        MmdResult again = Drift.between(ref, same).tests(DriftTest.MMD).seed(42).report().mmd().orElseThrow();
        assertThat(again).isEqualTo(first);
        assertThat(first.drifted()).isFalse();
        MmdResult moved = Drift.between(ref, shifted).tests(DriftTest.MMD).seed(42).report().mmd().orElseThrow();
        // no permutation of 100 reaches the observed MMD²: p = (1 + 0) / (1 + 100), never 0
        assertThat(moved.pValue()).isEqualTo(1.0 / 101);
        assertThat(moved.drifted()).isTrue();
    }

    @Test
    void constantColumnKsDefinedAndPsiBinsCollapseWithANote() {
        double[] constant = new double[100];
        java.util.Arrays.fill(constant, 3.0);
        double[] cur = constant.clone();
        cur[0] = 4.0;
        DriftReport r = Drift.between(numeric(constant), numeric(cur))
                .tests(DriftTest.KS, DriftTest.PSI, DriftTest.WASSERSTEIN).report();
        // KS: D = 1/100 at x = 3 (1.0 vs 0.99), exact p = 1 (h = 1 of lcm 100: every path touches)
        TestResult ks = r.result("x", DriftTest.KS).orElseThrow();
        assertThat(ks.statistic()).isCloseTo(0.01, within(1e-15));
        assertThat(ks.pValue()).contains(1.0);
        TestResult psi = r.result("x", DriftTest.PSI).orElseThrow();
        assertThat(psi.method().orElseThrow()).contains("2 bins instead of 10").contains("constant reference");
        // bins (<= 3, > 3): ref (1, 0 -> 1e-4), cur (0.99, 0.01): (1-0.99) ln(1/0.99) + (1e-4-0.01) ln(1e-4/0.01)
        double expected = 0.01 * Math.log(1 / 0.99) + (1e-4 - 0.01) * Math.log(1e-4 / 0.01);
        assertThat(psi.distance().orElseThrow()).isCloseTo(expected, within(1e-15));
        TestResult w = r.result("x", DriftTest.WASSERSTEIN).orElseThrow();
        assertThat(w.note().orElseThrow()).contains("normalised by 0.001");
    }

    @Test
    void badInputMessages() {
        Table ok = numeric(1, 2, 3);
        Table empty = Table.of(DoubleColumn.of("x"));
        assertThatThrownBy(() -> Drift.between(empty, ok).report()).isInstanceOf(InvalidInputException.class)
                .hasMessage("reference table has no rows (expected at least one row)");
        assertThatThrownBy(() -> Drift.between(ok, empty).report()).isInstanceOf(InvalidInputException.class)
                .hasMessage("current table has no rows (expected at least one row)");
        Table other = Table.of(DoubleColumn.of("y", 1, 2, 3));
        assertThatThrownBy(() -> Drift.between(ok, other).report()).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'x': is missing from the current table (expected a column present in both tables)");
        Table nan = numeric(Double.NaN, Double.NaN);
        assertThatThrownBy(() -> Drift.between(ok, nan).report()).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'x': value '2 missing of 2' has no non-missing values in the current table "
                        + "(expected at least one value to compare)");
        assertThatThrownBy(() -> Drift.between(ok, ok).alpha(1.5)).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'alpha': value '1.5' is not a significance level (expected 0 < alpha < 1)");
        assertThatThrownBy(() -> DriftTest.parse("t-test")).isInstanceOf(InvalidInputException.class)
                .hasMessage("value 't-test' is not a drift test (expected ks, chi2, chi2-gof, z, psi, wasserstein, js, cvm, mmd)");
        assertThatThrownBy(() -> Drift.between(numeric(1), numeric(2)).tests(DriftTest.CRAMER_VON_MISES).report())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'x': value '1 reference, 1 current' has fewer than two non-missing values on one "
                        + "side (expected at least two values in each table for Cramér–von Mises)");
    }
}
