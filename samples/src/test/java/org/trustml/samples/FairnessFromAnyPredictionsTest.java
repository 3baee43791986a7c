package org.trustml.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.PredictionColumns;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.run.ArtifactRecord;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;
import org.trustml.tabular.TabularClassifierConfig;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.stages.EvaluateTabularClassifier;
import org.trustml.tabular.stages.TrainTabularClassifier;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluator;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;
import org.trustml.vision.train.ColourImagesAccess;
import org.trustml.vision.train.ImageClassifierConfig;

/**
 * One fairness evaluator, three sources of predictions: a tiny image model evaluated in a pipeline, a
 * Tribuo model evaluated in a pipeline, and the same predictions written to a CSV file and read back
 * as {@link Predictions}. For the same predictions every number is the same, bit for bit, because each
 * path goes through {@link FairnessEvaluator#report(Predictions)}.
 */
class FairnessFromAnyPredictionsTest {
    @TempDir
    Path dir;

    /** Keeps the model-neutral predictions the image evaluate stage made. */
    static final class Capture implements ImageEvaluator {
        Predictions predictions;

        public String name() {
            return "capture";
        }

        public Object config() {
            return "keeps the predictions";
        }

        public MetricSource evaluate(ImageEvaluationInput in, RunContext context) {
            predictions = in.predictions();
            return Evaluation.of(List.of());
        }
    }

    @Test
    void aTinyImageModelsFairnessIsTheSameFromTheStageAndFromItsPredictionsCsv() throws IOException {
        Path meta = colourImages(40);
        FairnessEvaluator fairness = FairnessEvaluator.of("red", Group.where("sex", "M"), "sex");
        Capture capture = new Capture();
        ImageFolder folder = ImageFolder.builder("file", "colour").imagesIn(dir.resolve("images"))
                .output(dir.resolve("dataset")).split(0.2, 0.2).build();
        ImageClassifierConfig config = ImageClassifierConfig.mobileNetV2().withInputSize(32).withSchedule(2, 8, 1e-3)
                .withAugmentation(false, false).withPatience(0);
        PipelineRun<ImageEvaluation> run = Pipeline.from(Ingest.csv(meta)).then(folder)
                .then(TrainImageClassifier.with(config))
                .then(EvaluateImageClassifier.onTestSplit().slicedBy("sex").with(fairness).with(capture))
                .run(RunOptions.seed(3).withTracker(Tracker.none(dir.resolve("runs"))));
        FairnessReport fromStage = (FairnessReport) run.output().evaluators().get("fairness");

        PredictionColumns columns = PredictionColumns.of("true_colour", "predicted_colour");
        Path csv = capture.predictions.toTable(columns).writeCsv(dir.resolve("image-predictions.csv"));
        Predictions fromCsv = Predictions.readCsv(csv, columns);

        assertThat(fromCsv.size()).isEqualTo(run.output().classification().overall().rows());
        assertThat(fairness.report(fromCsv)).isEqualTo(fromStage);
        assertThat(fairness.report(fromCsv).metrics()).isEqualTo(fromStage.metrics()).isNotEmpty();
        assertThat(fromCsv.report(List.of("sex"), List.of())).isEqualTo(run.output().classification());
    }

    @Test
    void aTribuoModelsFairnessIsTheSameFromTheStageAndFromItsPredictionsCsv() throws IOException {
        FairnessEvaluator fairness = FairnessEvaluator.of("yes", Group.where("sex", "M"), "sex");
        PipelineRun<TabularEvaluation> run = Pipeline.from(Ingest.csv(loans(300)))
                .then(TrainTabularClassifier.with(TabularClassifierConfig.logisticRegression("approved", "x1", "x2")))
                .then(EvaluateTabularClassifier.onHeldOutRows().slicedBy("sex").with(fairness))
                .run(RunOptions.seed(11).withTracker(Tracker.none(dir.resolve("runs"))));
        FairnessReport fromStage = (FairnessReport) run.output().evaluators().get("fairness");

        ArtifactRecord written = run.record().stages().get(2).artifacts().stream()
                .filter(a -> a.name().equals("predictions.csv")).findFirst().orElseThrow();
        // the stage's own predictions.csv: the rows, "predicted" and p_no, p_yes; the label column is the truth
        Predictions fromCsv = Predictions.readCsv(run.runDirectory().resolve(written.path()),
                PredictionColumns.of("approved", "predicted"));

        assertThat(fromCsv.classes()).isEqualTo(run.output().model().classes());
        assertThat(fairness.report(fromCsv)).isEqualTo(fromStage);
        assertThat(fairness.report(fromCsv).metrics()).isEqualTo(fromStage.metrics()).isNotEmpty();
        assertThat(fromCsv.report(List.of("sex"), List.of())).isEqualTo(run.output().classification());
    }

    /**
     * vision's {@code n} colour images (40×40 PNGs, even rows reddish, odd rows bluish, seeded noise) with a
     * {@code sex} column added to their metadata: M, M, F, F, … so each group has both colours.
     */
    private Path colourImages(int n) throws IOException {
        Table meta = Table.readCsv(ColourImagesAccess.write(dir, n));
        String[] sex = new String[n];
        for (int i = 0; i < n; i++) {
            sex[i] = i / 2 % 2 == 0 ? "M" : "F";
        }
        return meta.withColumn(StringColumn.of("sex", sex)).writeCsv(dir.resolve("meta-sex.csv"));
    }

    /** {@code n} loan rows: x1, x2 ~ N(0, 1), sex F or M, approved "yes" when x1 + x2 > 0, 10 % flipped. */
    private Path loans(int n) throws IOException {
        Random r = new Random(5);
        StringBuilder s = new StringBuilder("x1,x2,sex,approved\n");
        for (int i = 0; i < n; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            boolean yes = (x1 + x2 > 0) != (r.nextDouble() < 0.1);
            s.append(x1).append(',').append(x2).append(',').append(r.nextBoolean() ? "F" : "M").append(',')
                    .append(yes ? "yes" : "no").append('\n');
        }
        return Files.writeString(dir.resolve("loans.csv"), s);
    }
}
