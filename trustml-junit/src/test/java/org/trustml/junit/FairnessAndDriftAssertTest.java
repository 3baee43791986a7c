package org.trustml.junit;

import static org.trustml.fairness.FairnessMetric.DISPARATE_IMPACT;
import static org.trustml.fairness.FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE;
import static org.trustml.fairness.FairnessMetric.TRUE_POSITIVE_RATE;
import static org.trustml.junit.TrustmlAssertions.assertThat;
import static org.trustml.junit.TrustmlAssertions.assertThatCode;
import static org.trustml.junit.TrustmlAssertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftMetric;
import org.trustml.drift.DriftReport;
import org.trustml.drift.DriftTest;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;

class FairnessAndDriftAssertTest {
    /**
     * Privileged g=1: y 1,1,0,0, predicted 1,0,0,0 → TPR 1/2. Unprivileged g=0: y 1,1,0,0, predicted
     * 1,1,1,0 → TPR 1. Equal opportunity difference = 1 − 1/2 = 0.5 (hand computed, AIF360's
     * definition TPR_unpriv − TPR_priv); base rates 1/2 and 1/2 → dataset disparate impact 1.
     */
    private static FairnessReport report() {
        Table t = Table.of(LongColumn.of("g", 1, 1, 1, 1, 0, 0, 0, 0), LongColumn.of("y", 1, 1, 0, 0, 1, 1, 0, 0),
                LongColumn.of("p", 1, 0, 0, 0, 1, 1, 1, 0));
        return Fairness.of(t).label("y").prediction("p").privileged(Group.where("g", 1)).report();
    }

    @Test
    void anyTypedIdNamesTheMetricOfAnAssertion() {
        // the generic metric(MetricKey) takes every module's ids: fairness, the dataset section, classification
        assertThatThrownBy(() -> assertThat(report()).metric(EQUAL_OPPORTUNITY_DIFFERENCE).isAtMost(0.1))
                .hasMessage("expecting equal_opportunity_difference to be at most 0.1 but was 0.5 (run unknown)");
        assertThatCode(() -> assertThat(report()).metric(DISPARATE_IMPACT.ofDataset()).isBetween(1, 1))
                .doesNotThrowAnyException();
        // accuracy: privileged 3 of 4 right, unprivileged 3 of 4 right, so 6/8
        assertThatCode(() -> assertThat(report()).metric(ClassificationMetric.ACCURACY).isBetween(0.75, 0.75))
                .doesNotThrowAnyException();
        // a gate written elsewhere on a key of the same name is the assertion's metric
        assertThatCode(() -> assertThat(report()).metric(ClassificationMetric.ACCURACY)
                .passes(Gate.on(FairnessMetric.ACCURACY).atLeast(0.75))).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(report()).metric(ClassificationMetric.ACCURACY)
                .passes(Gate.on(ClassificationMetric.ERROR_RATE).atMost(0.25)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the gate is on error_rate, not on accuracy");
    }

    @Test
    void fairnessMetricsByTypedId() {
        assertThatThrownBy(() -> assertThat(report()).fairness().metric(EQUAL_OPPORTUNITY_DIFFERENCE).isBetween(-0.1, 0.1))
                .hasMessage("expecting equal_opportunity_difference to be between -0.1 and 0.1 but was 0.5 (run unknown)");
        assertThatCode(() -> assertThat(report()).fairness().equalOpportunityDifference().isBetween(0.4, 0.6))
                .doesNotThrowAnyException();
        assertThatCode(() -> assertThat(report()).fairness().datasetMetric(DISPARATE_IMPACT).isBetween(0.8, 1.25))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(report()).fairness().metric(TRUE_POSITIVE_RATE)
                .inSlice(FairnessAssert.PRIVILEGED).isAtLeast(0.6))
                .hasMessage("expecting true_positive_rate in slice group=privileged to be at least 0.6 but was 0.5 (run unknown)");
    }

    @Test
    void aWholeIntervalWithinBounds() {
        // 56 of 70 unprivileged rows and 48 of 80 privileged rows predicted favorable: disparate impact 0.8/0.6 = 4/3;
        // Katz's 95% interval exp(ln(4/3) ± 1.959964·√(1/56 − 1/70 + 1/48 − 1/80)) = [1.0766, 1.6512] (scipy's
        // relative_risk(56, 70, 48, 80).confidence_interval() gives the same)
        long[] g = new long[150];
        long[] y = new long[150];
        for (int i = 0; i < 150; i++) {
            g[i] = i < 70 ? 0 : 1;
            y[i] = i < 56 || i >= 70 && i < 118 ? 1 : 0;
        }
        FairnessReport r = Fairness.of(Table.of(LongColumn.of("g", g), LongColumn.of("y", y), LongColumn.of("p", y)))
                .label("y").prediction("p").privileged(Group.where("g", 1))
                .intervals(org.trustml.fairness.IntervalOptions.analytic(0.95)).report();
        assertThatCode(() -> assertThat(r).fairness().disparateImpact().hasIntervalWithin(1.0, 1.7))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(r).fairness().disparateImpact().hasIntervalWithin(0.8, 1.25))
                .hasMessage("expecting disparate_impact to be between 0.8 and 1.25 with its whole confidence interval but "
                        + "was 1.33333 with the interval [1.07663, 1.65125] (95% katz-log) (run unknown)");
        assertThatThrownBy(() -> assertThat(r).fairness().disparateImpact().hasIntervalWithin(1.0, 1.7, 0.99))
                .hasMessageContaining("to be between 1 and 1.7 with its whole 99% (or wider) confidence interval but was "
                        + "1.33333 with the interval [1.07663, 1.65125] (95% katz-log)");
        assertThatThrownBy(() -> assertThat(report()).fairness().disparateImpact().hasIntervalWithin(0, 10))
                .hasMessageContaining("with no confidence interval");
        org.assertj.core.api.Assertions.assertThat(assertThat(r).fairness().disparateImpact().interval()
                .orElseThrow().method()).isEqualTo("katz-log");
    }

    private static DriftReport drift(double shift) {
        double[] ref = new double[100];
        double[] cur = new double[100];
        for (int i = 0; i < 100; i++) {
            ref[i] = i;
            cur[i] = i + shift;
        }
        Table reference = Table.of(DoubleColumn.of("x", ref), DoubleColumn.of("y", ref));
        Table current = Table.of(DoubleColumn.of("x", cur), DoubleColumn.of("y", ref));
        return Drift.between(reference, current).tests(DriftTest.KS).report();
    }

    @Test
    void noDriftedColumnsWhenTheSamplesAgree() {
        assertThatCode(() -> assertThat(drift(0)).hasNoDriftedColumns().hasNoDatasetDrift().driftShare().isAtMost(0))
                .doesNotThrowAnyException();
    }

    @Test
    void driftedColumnsAreNamedWithTheirTests() {
        // x shifted by 1000 shares no value with the reference: KS statistic 1 (hand computed: the ECDFs never
        // overlap), exact two-sided p-value 2 / C(200, 100) ≈ 2.2e-59
        assertThatThrownBy(() -> assertThat(drift(1000)).inRun("r1").hasNoDriftedColumns())
                .hasMessageStartingWith("expecting no drifted columns but 1 of 2 drifted: x (ks_p_value ")
                .hasMessageEndingWith(") (run r1)");
        assertThatThrownBy(() -> assertThat(drift(1000)).drift().column("x", DriftMetric.statisticOf(DriftTest.KS)).isAtMost(0.5))
                .hasMessage("expecting ks_statistic in slice column=x to be at most 0.5 but was 1 (run unknown)");
    }

    @Test
    void aSourceWithoutDriftResultsFails() {
        assertThatThrownBy(() -> assertThat(report()).drift().hasNoDriftedColumns())
                .hasMessage("expecting drift results per column (metric drifted on slices column=<name>) "
                        + "but the evaluation has none (run unknown)");
    }
}
