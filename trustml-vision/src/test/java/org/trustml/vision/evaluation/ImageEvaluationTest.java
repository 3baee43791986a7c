package org.trustml.vision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

class ImageEvaluationTest {
    @Test
    void evaluatorMetricsAreNeitherLostNorRepeated() {
        // truth 1,0 predicted 1,1: accuracy 1/2
        ClassificationReport report = Classification.of(new int[] {1, 0}, new int[] {1, 1}, List.of("a", "b")).report();
        TrainedModel model = new TrainedModel(Architecture.MOBILENET_V2, Path.of("p"), "sha256:0", List.of("a", "b"), 32,
                1, List.of(), Path.of("ds"));
        Evaluation same = Evaluation.of(List.of(MetricValue.of("accuracy", 0.5), MetricValue.of("fair", 0.1)));
        Evaluation other = Evaluation.of(List.of(MetricValue.of("accuracy", 0.25)));
        ImageEvaluation e = new ImageEvaluation(model, report, Map.of("fairness", same, "weighted", other));
        assertThat(e.metrics()).filteredOn(m -> m.name().endsWith("accuracy") && m.slice().isOverall()
                && !m.name().contains("balanced")).extracting(MetricValue::name, MetricValue::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("accuracy", 0.5),
                        org.assertj.core.groups.Tuple.tuple("weighted.accuracy", 0.25));
        assertThat(e.metric("fair")).get().extracting(MetricValue::value).isEqualTo(0.1);
        assertThat(Evaluation.of(e.metrics()).metrics()).hasSameSizeAs(e.metrics()); // no (name, slice) twice
    }
}
