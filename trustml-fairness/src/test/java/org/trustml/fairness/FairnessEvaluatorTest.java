package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.Split;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

class FairnessEvaluatorTest {
    static final String COVID = "COVID-19";

    @Test
    void reportsEqualOpportunityAcrossSexFromTheEvaluatedImages() {
        List<String> classes = List.of("No Finding", COVID);
        // men: truth C,C,N,N predicted C,C,N,N (TPR 2/2); women: truth C,C,N,N predicted C,N,N,N (TPR 1/2)
        int[] truth = {1, 1, 0, 0, 1, 1, 0, 0};
        int[] predicted = {1, 1, 0, 0, 1, 0, 0, 0};
        double[][] p = new double[8][];
        for (int i = 0; i < 8; i++) {
            p[i] = predicted[i] == 1 ? new double[] {0.2, 0.8} : new double[] {0.7, 0.3};
        }
        Table meta = Table.of(StringColumn.of("sex", "M", "M", "M", "M", "F", "F", "F", "F"));
        TrainedModel model = new TrainedModel(Architecture.MOBILENET_V2, Path.of("m.params"), "sha256:0", classes, 32, 1,
                List.of(), Path.of("ds"));
        ImageDataset data = new ImageDataset(1, Path.of("ds"), List.of(), List.of(), List.of(), java.util.Map.of());
        try (Model loaded = Model.newInstance("unused")) {
            ImageEvaluationInput in = new ImageEvaluationInput(model, loaded, data, Split.TEST, List.of(), meta, truth, p,
                    predicted);
            FairnessReport r = FairnessEvaluator.of(COVID, Group.where("sex", "M"), "sex").evaluate(in.predictions(), null);
            // equal_opportunity_difference = TPR(unprivileged) - TPR(privileged) = 1/2 - 1 (AIF360's definition)
            assertThat(r.classification(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).orElseThrow().between()).isEqualTo(-0.5);
            assertThat(r.metric("equal_opportunity_difference")).get().extracting(v -> v.value()).isEqualTo(-0.5);
            assertThat(r.metric("true_positive_rate", Slice.of("group", "privileged"))).get()
                    .extracting(v -> v.value()).isEqualTo(1.0);
            // base rate of the true labels: 2 of 4 in each group
            assertThat(r.metric("dataset.base_rate", Slice.of("group", "unprivileged"))).get()
                    .extracting(v -> v.value()).isEqualTo(0.5);
        }
    }

    @Test
    void reportsTheSameForATabularModelReadingTheRowsProtectedColumns() {
        List<String> classes = List.of("bad", "good");
        // privileged (sex=M): predicted good 3 of 4; unprivileged (F): 1 of 4
        int[] truth = {1, 1, 0, 0, 1, 1, 0, 0};
        int[] predicted = {1, 1, 1, 0, 1, 0, 0, 0};
        double[][] p = new double[8][];
        for (int i = 0; i < 8; i++) {
            p[i] = predicted[i] == 1 ? new double[] {0.3, 0.7} : new double[] {0.6, 0.4};
        }
        Table rows = Table.of(StringColumn.of("sex", "M", "M", "M", "M", "F", "F", "F", "F"),
                StringColumn.of("credit", "good", "good", "bad", "bad", "good", "good", "bad", "bad"));
        org.trustml.tabular.TabularModel model = new org.trustml.tabular.TabularModel(
                org.trustml.tabular.TabularAlgorithm.LOGISTIC_REGRESSION, "credit", List.of("income"), classes,
                Path.of("m.tribuo"), "sha256:0", Path.of("held-out.csv"), java.util.Map.of(), 8, 8);
        FairnessReport r = FairnessEvaluator.of("good", Group.where("sex", "M"), "sex")
                .evaluate(new org.trustml.tabular.TabularEvaluationInput(model, rows, truth, p, predicted).predictions(), null);
        // disparate_impact = P(good | F) / P(good | M) = (1/4) / (3/4) = 1/3, by hand
        assertThat(r.metric("disparate_impact")).get().extracting(v -> v.value())
                .satisfies(v -> assertThat((double) v).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12)));
        // statistical_parity_difference = 1/4 - 3/4
        assertThat(r.metric("statistical_parity_difference")).get().extracting(v -> v.value()).isEqualTo(-0.5);
    }
}
