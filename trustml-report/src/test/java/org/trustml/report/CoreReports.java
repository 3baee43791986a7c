package org.trustml.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

/**
 * An image evaluation made of core types only (hand-made predictions, no model trained), with hostile text in a
 * class label and a slice value: 12 images, sex M (6) and the hostile value (6); the model misses 2 of the 3
 * positives of the second group and calls one negative of the first positive.
 */
final class CoreReports {
    static final String POSITIVE = "COVID <b>19</b>";
    static final String HOSTILE_SEX = "F<script>alert(1)</script>";

    private CoreReports() {}

    static Blessing<ImageEvaluation> blessing(Path dir) {
        List<String> classes = List.of("No Finding", POSITIVE);
        int[] truth = {1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0};
        int[] pred = {1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0};
        String[] sex = new String[12];
        double[][] p = new double[12][];
        for (int i = 0; i < 12; i++) {
            sex[i] = i < 6 ? "M" : HOSTILE_SEX;
            double q = pred[i] == 1 ? 0.6 + 0.03 * i : 0.4 - 0.02 * i;
            p[i] = new double[] {1 - q, q};
        }
        ClassificationReport report = Classification.of(truth, pred, classes).scores(p)
                .slicesBy(Table.of(StringColumn.of("sex", sex)), "sex").report();
        TrainedModel model = new TrainedModel(Architecture.MOBILENET_V2, dir.resolve("model.params"), "sha256:00",
                classes, 16, 1, List.of(), dir.resolve("dataset"));
        // an evaluator result of a type no section on this class path knows
        Evaluation custom = Evaluation.of(List.of(MetricValue.of("custom_score", 0.25)));
        ImageEvaluation evaluation = new ImageEvaluation(model, report, Map.of("custom", custom));
        List<Gate> gates = List.of(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.7),
                Gate.on(ClassificationMetric.recallOf(POSITIVE)).inSlice(Slice.of("sex", HOSTILE_SEX)).atLeast(0.6));
        return new Blessing<>(evaluation, Verdict.judge(gates, evaluation, Optional.empty()));
    }
}
