package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricKeys;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/** Gates on fairness metrics named by {@link FairnessMetric}, and the names pipeline files resolve through it. */
class FairnessGatesTest {
    /**
     * FairnessEvaluatorTest's rows: men truth C,C,N,N predicted C,C,N,N (TPR 2/2); women truth C,C,N,N predicted
     * C,N,N,N (TPR 1/2); so equal_opportunity_difference = 1/2 − 1 = −0.5 and accuracy 7/8.
     */
    static FairnessReport report() {
        return FairnessEvaluator.of("covid", Group.where("sex", "M"), "sex").evaluate(predictions(), null);
    }

    static Predictions predictions() {
        int[] truth = {1, 1, 0, 0, 1, 1, 0, 0};
        int[] predicted = {1, 1, 0, 0, 1, 0, 0, 0};
        double[][] p = new double[8][];
        for (int i = 0; i < 8; i++) {
            p[i] = predicted[i] == 1 ? new double[] {0.2, 0.8} : new double[] {0.7, 0.3};
        }
        Table sex = Table.of(StringColumn.of("sex", "M", "M", "M", "M", "F", "F", "F", "F"));
        return Predictions.of(List.of("normal", "covid"), truth, predicted, p, sex);
    }

    @Test
    void typedGatesJudgeAFairnessReport() {
        FairnessReport r = report();
        GateResult eod = Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).between(-0.1, 0.1).check(r);
        assertThat(eod.passed()).isFalse();
        assertThat(eod.message()).isEqualTo("equal_opportunity_difference on overall = -0.5 outside [-0.1, 0.1]");
        // base rate of the true labels: 2 of 4 women are positive
        assertThat(Gate.on(FairnessMetric.BASE_RATE.ofDataset()).inSlice(Slice.of("group", "unprivileged"))
                .between(0.5, 0.5).check(r).passed()).isTrue();
        // the report's overall accuracy is the name the classification report uses: 7 of 8 right
        assertThat(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.875).check(r).passed()).isTrue();
    }

    @Test
    void everyNameTheReportWritesResolvesToAFairnessKey() {
        for (MetricValue m : report().metrics()) {
            assertThat(MetricKeys.find(m.name())).as(m.name()).map(MetricKey::jsonName).contains(m.name());
        }
        assertThat(MetricKeys.resolve("equal_opportunity_difference", "metric"))
                .isSameAs(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE);
        assertThat(MetricKeys.resolve("dataset.disparate_impact", "metric"))
                .isEqualTo(FairnessMetric.DISPARATE_IMPACT.ofDataset());
        // a name both list is core's: the two judge the same value
        assertThat(MetricKeys.resolve("accuracy", "metric")).isSameAs(ClassificationMetric.ACCURACY);
        assertThat(MetricKeys.knownNames()).contains("recall_macro", "theil_index", "dataset.base_rate");
    }
}
