package org.trustml.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.PredictionColumns;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.evaluation.TableEvaluationInput;
import org.trustml.core.evaluation.TableEvaluator;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.drift.ColumnDriftEvaluator;
import org.trustml.drift.DriftReport;
import org.trustml.explain.TabularExplanationReport;
import org.trustml.explain.TabularLimeEvaluator;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.Publication;
import org.trustml.publish.Publish;
import org.trustml.serving.ModelServer;
import org.trustml.serving.ServedClassifier;
import org.trustml.serving.ServedPredictions;
import org.trustml.serving.ServerConfig;
import org.trustml.serving.TabularRequests;
import org.trustml.tabular.TabularClassifierConfig;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.stages.EvaluateTabularClassifier;
import org.trustml.tabular.stages.TrainTabularClassifier;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;
import org.trustml.vision.train.ColourImagesAccess;
import org.trustml.vision.train.ImageClassifierConfig;

/**
 * One fairness evaluator and one column-drift evaluator, four sources of predictions: a tiny image
 * model evaluated in a pipeline, a Tribuo model evaluated in a pipeline, the same predictions written
 * to a CSV file and read back as {@link Predictions}, and the Tribuo model's answers when it is
 * published and served over the Open Inference Protocol v2. For the Tribuo model LIME tabular too: in the
 * stage, on the CSV's predictions bound to the model read back, and on the served answers asking the served
 * model through {@link ServedClassifier}. For the same predictions every number is the same, bit for bit,
 * because each path ends in the same {@link PredictionsEvaluator#evaluate}.
 */
class EvaluatorsOnAnyPredictionsTest {
    @TempDir
    Path dir;

    /** Runs an evaluator where the stage runs it, and keeps the predictions it read and what it gave. */
    static final class Kept implements PredictionsEvaluator {
        final PredictionsEvaluator evaluator;
        Predictions predictions;
        MetricSource result;

        Kept(PredictionsEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        public String name() {
            return evaluator.name();
        }

        public Object config() {
            return evaluator.config();
        }

        public MetricSource evaluate(Predictions p, RunContext context) {
            predictions = p;
            result = evaluator.evaluate(p, context);
            return result;
        }

        /** The same evaluator on other predictions, outside any pipeline. */
        MetricSource on(Predictions p) {
            return evaluator.evaluate(p, null);
        }
    }

    /** Runs a table evaluator where the stage runs it and keeps what it gave. */
    static final class KeptTable implements TableEvaluator {
        final TableEvaluator evaluator;
        MetricSource result;

        KeptTable(TableEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        public String name() {
            return evaluator.name();
        }

        public Object config() {
            return evaluator.config();
        }

        public MetricSource evaluate(TableEvaluationInput in, RunContext context) {
            result = evaluator.evaluate(in, context);
            return result;
        }
    }

    @Test
    void aTinyImageModelsFairnessAndDriftAreTheSameFromTheStageAndFromItsPredictionsCsv() throws IOException {
        Path meta = colourImages(40);
        Kept fairness = new Kept(FairnessEvaluator.of("red", Group.where("sex", "M"), "sex"));
        // the test split's metadata against all 40 images' metadata
        Kept drift = new Kept(ColumnDriftEvaluator.against(Table.readCsv(meta), "site", "sex", "age"));
        ImageFolder folder = ImageFolder.builder("file", "colour").imagesIn(dir.resolve("images"))
                .output(dir.resolve("dataset")).split(0.2, 0.2).build();
        ImageClassifierConfig config = ImageClassifierConfig.mobileNetV2().withInputSize(32).withSchedule(2, 8, 1e-3)
                .withAugmentation(false, false).withPatience(0);
        PipelineRun<ImageEvaluation> run = Pipeline.from(Ingest.csv(meta)).then(folder)
                .then(TrainImageClassifier.with(config))
                .then(EvaluateImageClassifier.onTestSplit().slicedBy("sex").with(fairness).with(drift))
                .run(RunOptions.seed(3).withTracker(Tracker.none(dir.resolve("runs"))));
        assertThat(run.output().evaluators()).containsEntry("fairness", fairness.result)
                .containsEntry("drift", drift.result);

        PredictionColumns columns = PredictionColumns.of("true_colour", "predicted_colour");
        Path csv = fairness.predictions.toTable(columns).writeCsv(dir.resolve("image-predictions.csv"));
        Predictions fromCsv = Predictions.readCsv(csv, columns);

        assertThat(fromCsv.size()).isEqualTo(run.output().classification().overall().rows());
        assertSameResults(fairness, drift, fromCsv);
        assertThat(fromCsv.report(List.of("sex"), List.of())).isEqualTo(run.output().classification());
    }

    @Test
    void aTribuoModelsFairnessDriftAndExplanationsAreTheSameFromTheStageAndFromItsPredictionsCsv()
            throws IOException {
        Path loans = loans(300);
        Kept fairness = new Kept(FairnessEvaluator.of("yes", Group.where("sex", "M"), "sex"));
        // the held-out rows against all 300 rows
        Kept drift = new Kept(ColumnDriftEvaluator.against(Table.readCsv(loans), "x1", "x2", "sex"));
        TabularLimeEvaluator lime = TabularLimeEvaluator.of(2).withSamples(200).withSeed(5);
        KeptTable explanations = new KeptTable(lime);
        PipelineRun<TabularEvaluation> run = tribuo(loans, fairness, drift, explanations).run(RunOptions.seed(11).withTracker(Tracker.none(dir.resolve("runs"))));
        assertThat(run.output().evaluators()).containsEntry("fairness", fairness.result)
                .containsEntry("drift", drift.result);

        // the stage's own predictions.csv: the rows, "predicted" and p_no, p_yes; the label column is the truth
        Predictions fromCsv = Predictions.readCsv(predictionsCsv(run), PredictionColumns.of("approved", "predicted"));

        assertThat(fromCsv.classes()).isEqualTo(run.output().model().classes());
        assertSameResults(fairness, drift, fromCsv);
        assertThat(fromCsv.report(List.of("sex"), List.of())).isEqualTo(run.output().classification());
        // LIME on the CSV's predictions, bound to the model read back, explains as the stage did
        assertThat(lime.on(run.output().model().classifier()).evaluate(fromCsv, null)).isEqualTo(explanations.result);
    }

    @Test
    void aServedTribuoModelsAnswersGiveTheSameFairnessDriftAndExplanationsAsItsEvaluateStage() throws Exception {
        Path loans = loans(300);
        Kept fairness = new Kept(FairnessEvaluator.of("yes", Group.where("sex", "M"), "sex"));
        Kept drift = new Kept(ColumnDriftEvaluator.against(Table.readCsv(loans), "x1", "x2", "sex"));
        TabularLimeEvaluator lime = TabularLimeEvaluator.of(3).withSamples(300).withSeed(2).against(Table.readCsv(loans));
        KeptTable explanations = new KeptTable(lime);
        // the gate passes: the label is the linear rule x1 + x2 > 0 with 10 % flipped, so a linear model scores
        // up to about 0.9, well above 0.7
        PipelineRun<Publication> run = tribuo(loans, fairness, drift, explanations)
                .then(Bless.<TabularEvaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.7)))
                .then(Publish.to(dir.resolve("registry"), "loans"))
                .run(RunOptions.seed(11).withTracker(Tracker.none(dir.resolve("runs"))));
        ModelPackage pkg = ModelPackage.open(run.output().directory());
        // the held-out rows as the evaluate stage wrote them, without its predictions: the client's rows,
        // with the true label and sex, which the requests do not carry (the model's features are x1, x2)
        Table rows = Table.readCsv(predictionsCsv(run)).drop(EvaluateTabularClassifier.PREDICTED, "p_no", "p_yes");

        List<String> answers = new ArrayList<>();
        Predictions served;
        MetricSource servedExplanations;
        try (ModelServer server = ModelServer.start(ServerConfig.defaults().withPort(0), pkg)) {
            for (int from = 0; from < rows.rowCount(); from += 25) { // 60 held out (20 % of 300): 25, 25, 10
                Table chunk = rows.take(IntStream.range(from, Math.min(from + 25, rows.rowCount())).toArray());
                answers.add(infer(server, pkg, TabularRequests.json(chunk, pkg.signature(), Optional.of("r" + from))));
            }
            served = ServedPredictions.of(rows, "approved", pkg.signature(), answers);
            // LIME asks the served model itself about its perturbed rows
            ServedClassifier model = ServedClassifier.at(server.uri().resolve("/v2/models/" + pkg.name() + "/infer"),
                    pkg.signature());
            servedExplanations = lime.on(model).evaluate(served, null);
        }

        assertThat(answers).hasSize(3);
        // The server answers FP64 with every digit of the Tribuo model's doubles (Jackson writes the shortest
        // decimal that reads back to the same double), so the served probabilities are the stage's bit for bit,
        // and with the same rows as attributes the predictions are the same content.
        assertThat(served.probabilities()).isDeepEqualTo(fairness.predictions.probabilities());
        assertThat(served.contentHash()).isEqualTo(fairness.predictions.contentHash());
        assertSameResults(fairness, drift, served);
        assertThat(served.report(List.of("sex"), List.of()))
                .isEqualTo(fairness.predictions.report(List.of("sex"), List.of()));
        // the same rows chosen, the same perturbations, the model's own probabilities: the same explanations
        assertThat(servedExplanations).isEqualTo(explanations.result);
        assertThat(((TabularExplanationReport) servedExplanations).rows()).hasSize(3);
    }

    /** Tribuo's logistic regression on x1, x2 of the loans, evaluated on its held-out rows per sex. */
    private static Pipeline<TabularEvaluation> tribuo(Path loans, Kept fairness, Kept drift, KeptTable explanations) {
        return Pipeline.from(Ingest.csv(loans))
                .then(TrainTabularClassifier.with(TabularClassifierConfig.logisticRegression("approved", "x1", "x2")))
                .then(EvaluateTabularClassifier.onHeldOutRows().slicedBy("sex").with(fairness).with(drift)
                        .with(explanations));
    }

    /** The fairness and drift results from {@code other} equal those the stage gave, and are not empty. */
    private static void assertSameResults(Kept fairness, Kept drift, Predictions other) {
        FairnessReport f = (FairnessReport) fairness.on(other);
        assertThat(f).isEqualTo(fairness.result);
        assertThat(f.metrics()).isEqualTo(fairness.result.metrics()).isNotEmpty();
        DriftReport d = (DriftReport) drift.on(other);
        assertThat(d).isEqualTo(drift.result);
        assertThat(d.metrics()).isEqualTo(drift.result.metrics());
        assertThat(d.columns()).hasSize(((ColumnDriftEvaluator.Config) drift.config()).columns().size());
    }

    private static Path predictionsCsv(PipelineRun<?> run) {
        return run.runDirectory().resolve(run.record().stages().get(2).artifacts().stream()
                .filter(a -> a.name().equals("predictions.csv")).findFirst().orElseThrow().path());
    }

    /** Posts one v2 request to the package's infer route; the answer's body, which must be a 200. */
    private static String infer(ModelServer server, ModelPackage pkg, String request) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri().resolve("/v2/models/" + pkg.name() + "/infer"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /**
     * vision's {@code n} colour images (40×40 PNGs, even rows reddish, odd rows bluish, seeded noise; a
     * {@code site} column, A for the first half, B for the second) with two columns added to their
     * metadata: {@code sex} M, M, F, F, … so each group has both colours, and {@code age} ~ 40 + 10·N(0, 1).
     */
    private Path colourImages(int n) throws IOException {
        Table meta = Table.readCsv(ColourImagesAccess.write(dir, n));
        String[] sex = new String[n];
        double[] age = new double[n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            sex[i] = i / 2 % 2 == 0 ? "M" : "F";
            age[i] = 40 + 10 * r.nextGaussian();
        }
        return meta.withColumn(StringColumn.of("sex", sex)).withColumn(DoubleColumn.of("age", age))
                .writeCsv(dir.resolve("meta-sex.csv"));
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
