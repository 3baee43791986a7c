package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trustml.fairness.FairnessMetric.*;

import org.junit.jupiter.api.Test;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;

/** The toy cases AIF360 v0.6.1 pins in tests/test_classification_metric.py, with the same expected values. */
class Aif360ToyCasesTest {
    private static final long[] FEAT = {0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
    private static final long[] LABEL = {1, 0, 0, 1, 0, 0, 1, 0, 1, 1};

    private static FairnessReport report(long[] feat, long[] label, long[] pred) {
        Table t = Table.of(LongColumn.of("feat", feat), LongColumn.of("label", label), LongColumn.of("pred", pred));
        return Fairness.of(t).label("label").prediction("pred").privileged(Group.where("feat", 0)).report();
    }

    private static double c(FairnessReport r, FairnessMetric id) {
        return r.classification(id).orElseThrow().between();
    }

    @Test
    void generalizedEntropyIndexIsPointTwoAndTheilFourLn2OverTen() {
        // test_generalized_entropy_index / test_theil_index: pred[[3, 9]] = 0, pred[[4, 5]] = 1.
        // b = [1,1,1,0,2,2,1,1,1,0], mu = 1: GE(2) = (14/10 - 1)/2 = 0.2; Theil = 2·(2 ln 2)/10.
        FairnessReport r = report(FEAT, LABEL, new long[] {1, 0, 0, 0, 1, 1, 1, 0, 1, 0});
        assertThat(c(r, GENERALIZED_ENTROPY_INDEX)).isCloseTo(0.2, within(1e-15));
        assertThat(c(r, THEIL_INDEX)).isCloseTo(4 * Math.log(2) / 10, within(1e-15));
        assertThat(c(r, COEFFICIENT_OF_VARIATION)).isCloseTo(Math.sqrt(0.4), within(1e-15));
        // test_between_all_groups: b = [1,1,1.25×4,0.75×4] → 1/20·Σ(b²−1) = 0.5/20.
        assertThat(c(r, BETWEEN_ALL_GROUPS_GENERALIZED_ENTROPY_INDEX)).isCloseTo(0.5 / 20, within(1e-15));
        // GE(0) is +inf (b has zeros), as numpy gives in AIF360; the report says why.
        assertThat(EntropyIndices.generalizedEntropyIndex(Fairness.of(Table.of(LongColumn.of("feat", FEAT),
                LongColumn.of("label", LABEL), LongColumn.of("pred", new long[] {1, 0, 0, 0, 1, 1, 1, 0, 1, 0})))
                .label("label").prediction("pred").privileged(Group.where("feat", 0)).statistics(), 0))
                .isInfinite();
    }

    @Test
    void generalizedEntropyIndexIsPointThree() {
        // second case of test_generalized_entropy_index: b = [0,2,2,0,1,1,0,2,1,1]: (16/10 − 1)/2 = 0.3.
        FairnessReport r = report(FEAT, LABEL, new long[] {0, 1, 1, 0, 0, 0, 0, 1, 1, 1});
        assertThat(c(r, GENERALIZED_ENTROPY_INDEX)).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void betweenGroupUsesPrivilegedAndUnprivileged() {
        // test_between_group: b = [0.5, 0.5, 1.25 ×4] → 1/12·Σ(b²−1) = 0.75/12.
        Table t = Table.of(LongColumn.of("feat", 0, 0, 1, 1, 1, 1), LongColumn.of("feat2", 0, 1, 1, 1, 0, 0),
                LongColumn.of("label", 1, 0, 0, 1, 0, 0), LongColumn.of("pred", 0, 0, 0, 0, 1, 1));
        FairnessReport r = Fairness.of(t).label("label").prediction("pred").privileged(Group.where("feat", 1))
                .unprivileged(Group.where("feat", 0)).protectedColumns("feat", "feat2").report();
        assertThat(c(r, BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX)).isCloseTo(0.75 / 12, within(1e-15));
    }

    @Test
    void multiclassConfusionMatrix() {
        // test_multiclass_confusion_matrix: favorable {0, 1}, unfavorable {2}; privileged feat 0 or 1.
        Table t = Table.of(LongColumn.of("feat", FEAT), LongColumn.of("label", 1, 0, 0, 1, 0, 2, 1, 0, 2, 1),
                LongColumn.of("pred", 1, 0, 0, 0, 2, 2, 1, 0, 2, 1));
        FairnessReport r = Fairness.of(t).label("label").prediction("pred").oneVsRest(0, 1)
                .privileged(Group.anyOf(Condition.of("feat", 0), Condition.of("feat", 1)))
                .unprivileged(Group.where("feat", 2)).report();
        assertThat(r.classification(NUM_TRUE_POSITIVES).orElseThrow().overall()).isEqualTo(7.0);
        assertThat(r.classification(NUM_FALSE_NEGATIVES).orElseThrow().overall()).isEqualTo(1.0);
        assertThat(r.classification(NUM_TRUE_NEGATIVES).orElseThrow().overall()).isEqualTo(2.0);
        assertThat(r.classification(NUM_FALSE_POSITIVES).orElseThrow().overall()).isEqualTo(0.0);
        assertThat(c(r, FALSE_NEGATIVE_RATE_DIFFERENCE)).isCloseTo(-0.2, within(1e-15));
        assertThat(r.perClass()).extracting(ClassMetrics::favorableClass).containsExactly("0", "1", "2");
    }

    @Test
    void generalizedConfusionMatrix() {
        // test_generalized_binary_confusion_matrix: GTP = 5.31 (rounded to 2 places), GFP = 1.09.
        Table t = Table.of(LongColumn.of("feat", 0, 0, 1, 1, 1, 1, 1, 0, 0, 1),
                LongColumn.of("label", 1, 0, 0, 1, 0, 0, 2, 0, 0, 2), LongColumn.of("pred", 1, 0, 0, 1, 2, 0, 1, 2, 1, 2),
                DoubleColumn.of("score", 0.8, 0.6, 0.7, 0.8, 0.36, 0.82, 0.79, 0.42, 0.81, 0.3));
        FairnessReport r = Fairness.of(t).label("label").prediction("pred").score("score").oneVsRest(0, 1)
                .privileged(Group.where("feat", 1)).unprivileged(Group.where("feat", 0)).report();
        assertThat(r.classification(NUM_GENERALIZED_TRUE_POSITIVES).orElseThrow().overall()).isCloseTo(5.31, within(1e-12));
        assertThat(r.classification(NUM_GENERALIZED_FALSE_POSITIVES).orElseThrow().overall()).isCloseTo(1.09, within(1e-12));
    }
}
