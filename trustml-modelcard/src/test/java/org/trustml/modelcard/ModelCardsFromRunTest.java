package org.trustml.modelcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Filter;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;

class ModelCardsFromRunTest {
    @TempDir
    Path dir;

    private PipelineRun<Table> run() throws Exception {
        Path csv = Files.writeString(dir.resolve("patients.csv"), "age,sex,label\n30,F,1\n50,M,0\n,F,1\n70,M,1\n");
        return Pipeline.from(Ingest.csv(csv))
                .then(Filter.dropMissing("age"))
                .run(RunOptions.seed(7).withExperiment("covid-ct").withRunName("baseline")
                        .withTracker(Tracker.none(dir.resolve("runs"))));
    }

    @Test
    void fillsVersionDatasetsAndLoggedMetricsFromTheRun() throws Exception {
        PipelineRun<Table> run = run();
        ModelCard card = ModelCards.from(run).build();
        ModelDetails d = card.details();
        assertThat(d.name()).contains("covid-ct / baseline");
        Version v = d.version().orElseThrow();
        assertThat(v.name()).contains(run.record().runId());
        assertThat(v.diff().orElseThrow()).contains("fingerprint " + run.record().fingerprint());
        assertThat(d.documentation().orElseThrow()).contains("seed 7").contains("0 ingest (Ingest, FINISHED)");

        assertThat(card.parameters().data()).extracting(ds -> ds.name().orElseThrow())
                .containsExactly("patients.csv", "ingest output", "filter output");
        // the source's content hash is the CSV file's hash the run recorded as the stage input
        assertThat(card.parameters().data().get(0).description().orElseThrow())
                .contains(run.record().stages().get(0).inputHash().orElseThrow()).contains("rows 4; columns 3");
        assertThat(card.analysis().performanceMetrics()).contains(PerformanceMetric.of("ingest.rows", 4.0),
                PerformanceMetric.of("filter.rows_dropped", 1.0));
        assertThat(ModelCardSchema.mct002().validate(card).isValid()).isTrue();
        Completeness c = Completeness.of(card);
        assertThat(c.isComplete()).isFalse();
        assertThat(c.missing()).extracting(Completeness.Missing::path).contains("$.considerations.users",
                "$.considerations.limitations", "$.considerations.ethical_considerations", "$.model_details.licenses");
    }

    @Test
    void typedResultsAndTheUsersYamlCompleteTheCard() throws Exception {
        Path user = Files.writeString(dir.resolve("user.yaml"), """
                model_details:
                  name: COVID CT triage
                  overview: Flags slices for a second look.
                  owners: [{name: Imaging, contact: imaging@example.org}]
                  licenses: [{identifier: Apache-2.0}]
                considerations:
                  users: [{description: Radiologists}]
                  use_cases: [{description: Triage}]
                  limitations: [{description: Adults only}]
                  ethical_considerations: [{name: Missed findings, mitigation_strategy: Human review}]
                """);
        byte[] png = TestCards.png(12);
        ModelCard card = ModelCards.from(run())
                .modelArchitecture("ResNet-18")
                .dataset("covid-ct", "test", 400, "sha256:00ff")
                .performance(SlicedMetric.overall(StandardMetric.ACCURACY, 0.91).withConfidenceInterval(0.88, 0.94),
                        SlicedMetric.onSlice(StandardMetric.RECALL, 0.83, "sex", "F"))
                .fairness(new FairnessComparison(StandardMetric.DISPARATE_IMPACT, 0.8, "sex", "F", "M"))
                .robustness(new RobustnessPoint("fgsm", 0.03, 0.91, 0.42))
                .drift(new DriftOutcome("ks", Optional.of("age"), 0.21, Optional.of(0.04), true))
                .graphic("confusion matrix", png)
                .mergeYaml(user)
                .build();

        assertThat(card.details().name()).contains("COVID CT triage"); // the user's name wins
        assertThat(card.details().version().orElseThrow().name()).isPresent(); // the run's version stays
        assertThat(card.parameters().data()).extracting(ds -> ds.name().orElseThrow()).contains("covid-ct (test)");
        assertThat(card.analysis().performanceMetrics()).contains(
                // values are text, as MCT's last release writes Python's str(float): str(0.91) == "0.91"
                new PerformanceMetric(Optional.of("accuracy"), Optional.of("0.91"), Optional.empty(),
                        Optional.of(new ConfidenceInterval(Optional.of("0.88"), Optional.of("0.94")))),
                PerformanceMetric.of("recall", 0.83, "sex=F"),
                PerformanceMetric.of("disparate_impact", 0.8, "sex: F vs M"),
                PerformanceMetric.of("clean_accuracy", 0.91, "attack=fgsm, eps=0.03"),
                PerformanceMetric.of("adversarial_accuracy", 0.42, "attack=fgsm, eps=0.03"),
                PerformanceMetric.of("drift_statistic", 0.21, "test=ks, feature=age"),
                PerformanceMetric.of("drift_p_value", 0.04, "test=ks, feature=age"),
                PerformanceMetric.of("drift_detected", 1.0, "test=ks, feature=age"));
        Graphic g = card.analysis().graphics().orElseThrow().collection().get(0);
        assertThat(Base64.getDecoder().decode(g.image().orElseThrow())).isEqualTo(png);
        assertThat(Completeness.of(card).isComplete()).isTrue();

        Path written = ModelCards.write(card, dir.resolve("card.yaml"));
        assertThat(ModelCards.validate(written).isValid()).isTrue();
        assertThat(ModelCards.read(written)).isEqualTo(card);
    }

    @Test
    void badTypedInputIsRefused() throws Exception {
        ModelCardBuilder b = ModelCards.from(run());
        assertThatThrownBy(() -> b.graphic("plot", new byte[] {1, 2, 3}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'graphic 'plot'': value '3 bytes' is not a PNG image (expected bytes starting with the PNG signature 89 50 4E 47)");
        assertThatThrownBy(() -> new RobustnessPoint("pgd", -0.1, 0.9, 0.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value '-0.1' is not a perturbation budget");
        assertThatThrownBy(() -> ConfidenceInterval.of(0.9, 0.8))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lower_bound <= upper_bound");
        assertThatThrownBy(() -> new ConfidenceInterval(Optional.of("0.9"), Optional.of("0.8")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value '[0.9, 0.8]'");
    }

    @Test
    void takesEveryDefinedMetricOfAnEvaluationAndNotesTheUndefinedOnes() throws Exception {
        // 2 classes; truth 1,1,0,0; predicted 1,0,0,0: accuracy 3/4; per sex slices from the metadata
        Table meta = Table.of(org.trustml.core.table.StringColumn.of("sex", "F", "M", "F", "M"));
        var report = org.trustml.core.evaluation.Classification.of(new int[] {1, 1, 0, 0}, new int[] {1, 0, 0, 0},
                java.util.List.of("normal", "covid")).slicesBy(meta, "sex").report();
        ModelCard card = ModelCards.from(run()).performance(report).build();
        var metrics = card.quantitativeAnalysis().orElseThrow().performanceMetrics();
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.type()).contains("accuracy");
            assertThat(m.value()).contains("0.75");
            assertThat(m.slice()).isEmpty();
        });
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.type()).contains("recall");
            assertThat(m.slice()).contains("sex=F");
        });
        // sex=M has no covid row predicted: its covid precision is 0/0 and becomes a limitation, not a NaN
        assertThat(card.considerations().orElseThrow().limitations()).extracting(l -> l.description().orElseThrow())
                .contains("precision:covid on sex=M is undefined: no row is predicted as covid");
        assertThat(ModelCardSchema.mct002().validate(card).errors()).isEmpty();
    }

    @Test
    void aMetricsConfidenceIntervalBecomesTheCardsConfidenceInterval() throws Exception {
        var evaluation = org.trustml.core.evaluation.Evaluation.of(java.util.List.of(
                org.trustml.core.evaluation.MetricValue.of("disparate_impact", 0.9).withInterval(
                        org.trustml.core.evaluation.MetricInterval.of(0.75, 1.1, 0.95, "bca")),
                org.trustml.core.evaluation.MetricValue.of("accuracy", 0.8).withInterval(
                        org.trustml.core.evaluation.MetricInterval.undefined(0.95, "bca", "undefined in 2 of 1000 resamples"))));
        ModelCard card = ModelCards.from(run()).performance(evaluation).build();
        var metrics = card.quantitativeAnalysis().orElseThrow().performanceMetrics();
        assertThat(metrics).filteredOn(m -> m.type().orElseThrow().equals("disparate_impact")).singleElement()
                .satisfies(m -> assertThat(m.confidenceInterval()).contains(ConfidenceInterval.of(0.75, 1.1)));
        assertThat(metrics).filteredOn(m -> m.type().orElseThrow().equals("accuracy")).singleElement()
                .satisfies(m -> assertThat(m.confidenceInterval()).isEmpty());
        assertThat(ModelCardSchema.mct002().validate(card).errors()).isEmpty();
    }

    @Test
    void theBuilderEmbedsBothChartsAndTheCardStaysValid() throws Exception {
        var cm = org.trustml.core.evaluation.ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, java.util.List.of("a", "b"));
        ModelCard card = ModelCards.from(run())
                .fairness(new FairnessComparison(StandardMetric.DISPARATE_IMPACT, 0.9, "sex", "F", "M"))
                .fairnessChart().confusionMatrix(cm).build();
        java.util.List<Graphic> graphics = card.analysis().graphics().orElseThrow().collection();
        assertThat(graphics).extracting(g -> g.name().orElseThrow()).containsExactly("fairness metrics", "confusion matrix");
        for (Graphic g : graphics) {
            CardChartsTest.decode(java.util.Base64.getDecoder().decode(g.image().orElseThrow()));
        }
        assertThat(ModelCardSchema.mct002().validate(card).errors()).isEmpty();
        assertThat(CardRenderer.html(card)).contains("data:image/png;base64,");
    }
}
