package org.trustml.cli.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.trustml.adversarial.RobustnessEvaluation;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.drift.Drift;
import org.trustml.explain.ExplanationReport;
import org.trustml.explain.FeatureWeight;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.Group;
import org.trustml.modelcard.CardFormat;
import org.trustml.modelcard.ModelCard;
import org.trustml.modelcard.ModelCards;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

/**
 * An evaluation with every kind of evaluator result, built from hand-made predictions (no model is
 * trained), with hostile text in a class label, a slice value and the card, so tests can check escaping.
 */
final class TestReports {
    static final String POSITIVE = "COVID <b>19</b>";
    static final String HOSTILE_SEX = "F<script>alert(1)</script>";

    private TestReports() {}

    /** 12 images: sex M (6) and the hostile value (6); the model misses 2 of the 3 positives of the second group. */
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
        Table meta = Table.of(StringColumn.of("sex", sex));
        ClassificationReport report = Classification.of(truth, pred, classes).scores(p).slicesBy(meta, "sex").report();
        TrainedModel model = new TrainedModel(Architecture.MOBILENET_V2, dir.resolve("model.params"), "sha256:00",
                classes, 16, 1, List.of(), dir.resolve("dataset"));

        String[] t = new String[12];
        String[] y = new String[12];
        for (int i = 0; i < 12; i++) {
            t[i] = classes.get(truth[i]);
            y[i] = classes.get(pred[i]);
        }
        MetricSource fairness = Fairness.of(Table.of(StringColumn.of("label", t), StringColumn.of("prediction", y),
                StringColumn.of("sex", sex))).label("label").prediction("prediction").privileged(Group.where("sex", "M"))
                .favorable(POSITIVE).unfavorable("No Finding").report();

        Path overlay = png(dir.resolve("overlay.png"), Color.YELLOW);
        Path heat = png(dir.resolve("heat.png"), Color.RED);
        ExplanationReport explanations = new ExplanationReport(ExplanationReport.SCHEMA_VERSION, 50, 7, List.of(
                new ExplanationReport.ExplainedImage(0, "test/covid/<img src=x>.png", POSITIVE, POSITIVE, 0.6, 12, 0.71,
                        0.1, List.of(new FeatureWeight(3, 0.2), new FeatureWeight(5, -0.1)), overlay, heat)));

        List<MetricValue> robust = new ArrayList<>();
        for (String eps : List.of("0.01", "0.03")) {
            robust.add(MetricValue.of("clean_accuracy", Slice.of("eps", eps), 0.75));
            robust.add(MetricValue.of("adversarial_accuracy", Slice.of("eps", eps), eps.equals("0.01") ? 0.5 : 0.25));
            robust.add(MetricValue.of("adversarial_accuracy", Slice.of("eps", eps).and("class", POSITIVE), 0.2));
        }
        RobustnessEvaluation robustness = new RobustnessEvaluation(RobustnessEvaluation.SCHEMA_VERSION, robust,
                List.of(new RobustnessEvaluation.ExampleSheet(0.03, 2, 1, png(dir.resolve("sheet.png"), Color.GRAY))));

        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = i / 30.0;
            b[i] = 0.5 + i / 60.0;
        }
        MetricSource drift = Drift.between(Table.of(DoubleColumn.of("mean_r", a)), Table.of(DoubleColumn.of("mean_r", b)))
                .report();

        ImageEvaluation evaluation = new ImageEvaluation(model, report, Map.of("fairness", fairness, "explanations",
                explanations, "robustness", robustness, "drift", drift));
        List<Gate> gates = List.of(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.7),
                Gate.on(ClassificationMetric.recallOf(POSITIVE)).inSlice(Slice.of("sex", HOSTILE_SEX)).atLeast(0.6),
                Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).between(-0.1, 0.1),
                Gate.on(MetricKey.named("no_such_metric")).atLeast(0));
        return new Blessing<>(evaluation, Verdict.judge(gates, evaluation, Optional.empty()));
    }

    /** A card whose name and overview carry markup. */
    static ModelCard card() {
        return ModelCards.parse("model_details:\n  name: \"CT <i>classifier</i>\"\n"
                + "  overview: \"<script>document.title='pwned'</script> & more\"\n", CardFormat.YAML);
    }

    private static Path png(Path file, Color colour) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
