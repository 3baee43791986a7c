package org.trustml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.TableEvaluationInput;
import org.trustml.core.evaluation.TableEvaluator;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.run.RunRecord;
import org.trustml.core.run.RunStatus;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.tabular.stages.EvaluateTabularClassifier;
import org.trustml.tabular.stages.TrainTabularClassifier;

class TrainTabularClassifierTest {
    @TempDir
    Path dir;

    /**
     * 300 rows: x1, x2 ~ N(0, 1), region in {north, south}, sex in {F, M}; the label is "yes" when
     * x1 + x2 + (south ? 0.5 : 0) > 0, flipped for 5 % of rows. A linear rule, so a linear model's
     * accuracy is bounded by the 95 % of unflipped labels.
     */
    private Path loans(int n) throws IOException {
        Random r = new Random(5);
        StringBuilder s = new StringBuilder("x1,x2,region,sex,approved\n");
        for (int i = 0; i < n; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            boolean south = r.nextBoolean();
            boolean yes = x1 + x2 + (south ? 0.5 : 0) > 0;
            yes = r.nextDouble() < 0.05 ? !yes : yes;
            s.append(x1).append(',').append(x2).append(',').append(south ? "south" : "north").append(',')
                    .append(r.nextBoolean() ? "F" : "M").append(',').append(yes ? "yes" : "no").append('\n');
        }
        return Files.writeString(dir.resolve("loans.csv"), s);
    }

    private PipelineRun<TabularEvaluation> run(Path csv, TabularClassifierConfig config, long seed, String runs) {
        return Pipeline.from(Ingest.csv(csv)).then(TrainTabularClassifier.with(config))
                .then(EvaluateTabularClassifier.onHeldOutRows().slicedBy("sex"))
                .run(RunOptions.seed(seed).withTracker(Tracker.none(dir.resolve(runs))));
    }

    @ParameterizedTest
    @EnumSource(TabularAlgorithm.class)
    void trainsEvaluatesAndReloadsEachAlgorithm(TabularAlgorithm algorithm) throws IOException {
        Path csv = loans(300);
        TabularClassifierConfig config = TabularClassifierConfig.logisticRegression("approved", "x1", "x2", "region")
                .withAlgorithm(algorithm).withTrees(20, 3);
        PipelineRun<TabularEvaluation> run = run(csv, config, 11, "runs");
        TabularEvaluation e = run.output();
        TabularModel m = e.model();
        // per class round(n * 0.2) held out; the two classes' counts sum to 300, their 20 % to 60 (± rounding)
        assertThat(m.testRows()).isBetween(59, 61);
        assertThat(m.trainRows() + m.testRows()).isEqualTo(300);
        assertThat(m.classes()).containsExactly("no", "yes");
        // the rule is linear with 5 % noise (see loans): every model should get well above chance
        assertThat(e.classification().overall().accuracy()).isGreaterThan(0.75);
        assertThat(e.classification().slices()).extracting(s -> s.slice().toString())
                .containsExactlyInAnyOrder("sex=F", "sex=M");
        // Tribuo's protobuf format, not Java serialisation (whose stream starts 0xACED)
        byte[] head = Files.readAllBytes(m.model());
        assertThat(head[0] == (byte) 0xAC && head[1] == (byte) 0xED).isFalse();
        // the reloaded model predicts what predictions.csv recorded
        Table predictions = Table.readCsv(run.runDirectory().resolve("02-evaluate/predictions.csv"));
        double[][] again = m.predictProbabilities(m.load(), m.heldOutRows());
        for (int i = 0; i < again.length; i++) {
            assertThat(again[i][1]).isCloseTo(predictions.doubles("p_yes")[i], org.assertj.core.data.Offset.offset(1e-12));
        }
        RunRecord record = run.record();
        assertThat(record.stages().get(1).metrics()).containsKeys("train_accuracy", "train_log_loss", "train_rows",
                "test_rows", "features");
        // x1, x2, region=north, region=south
        assertThat(record.stages().get(1).metrics().get("features")).isEqualTo(4.0);
        assertThat(record.stages().get(1).artifacts()).extracting(a -> a.name())
                .containsExactly("model/model.tribuo", "data/held-out.csv", "model/model.json");
    }

    @Test
    void sameSeedSamePredictionsOtherSeedOtherSplit() throws IOException {
        Path csv = loans(200);
        TabularClassifierConfig config = TabularClassifierConfig.gradientBoosting("approved", "x1", "x2", "region")
                .withTrees(10, 3);
        PipelineRun<TabularEvaluation> a = run(csv, config, 3, "a");
        PipelineRun<TabularEvaluation> b = run(csv, config, 3, "b");
        PipelineRun<TabularEvaluation> c = run(csv, config, 4, "c");
        String pa = Files.readString(a.runDirectory().resolve("02-evaluate/predictions.csv"));
        assertThat(Files.readString(b.runDirectory().resolve("02-evaluate/predictions.csv"))).isEqualTo(pa);
        assertThat(Files.readString(c.runDirectory().resolve("02-evaluate/predictions.csv"))).isNotEqualTo(pa);
        assertThat(a.output().metrics()).isEqualTo(b.output().metrics());
    }

    @Test
    void weightsChangeWhatIsLearned() throws IOException {
        Path csv = loans(300);
        // weight 20 on every "yes" row: a weighted loss then favours "yes", so more rows are predicted "yes"
        Table t = Table.readCsv(csv);
        Files.delete(csv);
        t.deriveDouble("w", r -> r.string("approved").equals("yes") ? 20 : 1).writeCsv(csv);
        TabularClassifierConfig plain = TabularClassifierConfig.logisticRegression("approved", "x1", "x2", "region");
        long plainYes = predictedYes(run(csv, plain, 9, "plain"));
        long weightedYes = predictedYes(run(csv, plain.withWeights("w"), 9, "weighted"));
        assertThat(weightedYes).isGreaterThan(plainYes);
    }

    private static long predictedYes(PipelineRun<TabularEvaluation> run) {
        var cm = run.output().classification().overall().confusion();
        return cm.count(0, 1) + cm.count(1, 1);
    }

    /** Reports the share of held-out rows from the south, to show the evaluator plug-in path. */
    record SouthShare() implements TabularEvaluator {
        public String name() {
            return "south_share";
        }

        public Object config() {
            return "share of region=south";
        }

        public MetricSource evaluate(TabularEvaluationInput in, RunContext ctx) {
            long south = 0;
            for (int i = 0; i < in.rows().rowCount(); i++) {
                south += in.rows().stringColumn("region").get(i).equals("south") ? 1 : 0;
            }
            return org.trustml.core.evaluation.Evaluation.of(
                    List.of(MetricValue.of("south_share", (double) south / in.rows().rowCount())));
        }
    }

    @Test
    void blessReadsATabularEvaluationAsAnyOther() throws IOException {
        Path csv = loans(200);
        PipelineRun<Blessing<TabularEvaluation>> run = Pipeline.from(Ingest.csv(csv))
                .then(TrainTabularClassifier.with(TabularClassifierConfig.logisticRegression("approved", "x1", "x2")))
                .then(EvaluateTabularClassifier.onHeldOutRows().slicedBy("region").with(new SouthShare()))
                .then(Bless.<TabularEvaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.99),
                        Gate.on(MetricKey.named("south_share")).between(0, 1),
                        Gate.on(ClassificationMetric.ACCURACY).inSlice(Slice.of("region", "south")).atLeast(0.0)))
                .run(RunOptions.seed(2).withTracker(Tracker.none(dir.resolve("runs"))));
        // 5 % of labels are flipped (see loans), so accuracy 0.99 on 40 held-out rows is out of reach
        assertThat(run.output().verdict().blessed()).isFalse();
        assertThat(run.output().verdict().failures()).singleElement()
                .satisfies(f -> assertThat(f.gate().metric()).isEqualTo(ClassificationMetric.ACCURACY));
        assertThat(run.record().stages().get(2).artifacts()).extracting(a -> a.name())
                .containsExactly("classification.json", "predictions.csv", "south_share.json", "evaluation.json");
    }

    /** Queries the model on the evaluated rows with the label column and every non-feature column dropped. */
    static final class Requery implements TableEvaluator {
        double[][] again;
        double[][] stage;

        public String name() {
            return "requery";
        }

        public Object config() {
            return "predicts the evaluated rows again";
        }

        public MetricSource evaluate(TableEvaluationInput in, RunContext ctx) {
            Table rows = in.predictions().attributes();
            again = in.model().probabilities(rows.select(in.model().features().toArray(String[]::new)));
            stage = in.predictions().probabilities();
            return org.trustml.core.evaluation.Evaluation.of(List.of());
        }
    }

    @Test
    void aTableEvaluatorQueriesTheEvaluatedModelAsATableClassifier() throws IOException {
        Requery requery = new Requery();
        PipelineRun<TabularEvaluation> run = TabularFixtures.run(Pipeline.from(Ingest.csv(
                TabularFixtures.applicantsCsv(dir, 150, 4)))
                .then(TrainTabularClassifier.with(TabularClassifierConfig.logisticRegression("approved",
                        TabularFixtures.FEATURES)))
                .then(EvaluateTabularClassifier.onHeldOutRows().with(requery)), dir, 4);
        assertThat(run.output().model().classifier().features()).containsExactly(TabularFixtures.FEATURES);
        assertThat(run.output().model().classifier().classes()).containsExactly("no", "yes");
        // the same Tribuo model read back predicts the same probabilities, from the feature columns alone
        assertThat(requery.again).hasNumberOfRows(30).isDeepEqualTo(requery.stage);
        assertThat(EvaluateTabularClassifier.onHeldOutRows().with(requery).config().evaluators())
                .containsEntry("requery", "predicts the evaluated rows again");
    }

    @Test
    void aMissingLabelFailsTheRunWithNothingWritten() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "x1,approved\n1,yes\n2,\n3,no\n4,yes\n5,no\n");
        PipelineException e = catchThrowableOfType(PipelineException.class, () -> run(dir.resolve("bad.csv"),
                TabularClassifierConfig.logisticRegression("approved", "x1"), 1, "runs"));
        assertThat(e.getCause()).hasMessage("row 2, column 'approved': is missing (expected a label)");
        RunRecord record = e.runRecord().orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.stages().get(1).artifacts()).isEmpty();
        assertThat(dir.resolve("runs").resolve(record.runId()).resolve("01-train/model")).doesNotExist();
    }

    @Test
    void badRowsAndColumnsAreNamed() throws IOException {
        Path csv = dir.resolve("few.csv");
        Files.writeString(csv, "x1,x2,approved\n1,2,yes\n2,3,no\n3,4,yes\n4,5,no\n5,,yes\n6,1,maybe\n");
        TabularClassifierConfig c = TabularClassifierConfig.logisticRegression("approved", "x1");
        // "maybe" has one row: nothing would be left to train on after holding one out
        assertThat(catchThrowableOfType(PipelineException.class, () -> run(csv, c, 1, "r1")).getCause())
                .hasMessage("column 'approved': value 'maybe' has too few rows for the split: 1 (expected at least 2 "
                        + "rows per class, so that 0.2 of them can be held out and the rest trained on)");
        Files.writeString(csv, "x1,x2,approved\n1,2,yes\n2,3,no\n3,4,yes\n4,5,no\n5,,yes\n6,1,no\n");
        assertThat(catchThrowableOfType(PipelineException.class,
                () -> run(csv, TabularClassifierConfig.logisticRegression("approved", "x1", "x2"), 1, "r2")).getCause())
                .hasMessage("row 5, column 'x2': is missing (expected a number for every row (impute missing values "
                        + "before training))");
        assertThat(catchThrowableOfType(PipelineException.class,
                () -> run(csv, TabularClassifierConfig.logisticRegression("approved", "income"), 1, "r3")).getCause())
                .hasMessage("column 'income': does not exist (expected one of x1, x2, approved)");
        assertThat(catchThrowableOfType(org.trustml.core.InvalidInputException.class,
                () -> TabularClassifierConfig.logisticRegression("approved", "approved")))
                .hasMessage("column 'label': value 'approved' is also a feature (expected label and weight columns "
                        + "that are not features)");
    }

    @Test
    void runsFromYaml() throws IOException {
        loans(200);
        Path yaml = Files.writeString(dir.resolve("pipeline.yaml"), """
                seed: 42
                stages:
                  - ingest: {csv: loans.csv}
                  - train-tabular: {algorithm: gradient-boosting, label: approved, features: [x1, x2, region], trees: 10}
                  - evaluate-tabular: {slices: [sex]}
                  - bless:
                      gates:
                        - {metric: accuracy, min: 0.5}
                """);
        PipelineRun<?> run = PipelineSpec.read(yaml).run(dir);
        assertThat(run.record().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.record().stages()).extracting(s -> s.name()).containsExactly("ingest", "train", "evaluate", "bless");
        assertThat(run.record().stages().get(1).config().toString()).contains("GRADIENT_BOOSTING");

        Files.writeString(yaml, Files.readString(yaml).replace("features: [x1, x2, region], ", ""));
        assertThat(catchThrowableOfType(org.trustml.core.InvalidInputException.class, () -> PipelineSpec.read(yaml)))
                .hasMessageContaining("column 'stages[1].features': is required");
    }
}
