package org.trustml.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.pipeline.spec.StageSpecs;

/** Gates named by typed metric ids, names in pipeline files resolved to them, and evaluator results read by type. */
class TypedGatesTest {
    @TempDir
    Path dir;

    // ClassificationTest's fixture: TP 3, FN 1, FP 1, TN 5, so accuracy 8/10 and covid recall 3/4
    static final ClassificationReport REPORT = Classification.of(ClassificationTest.TRUTH, ClassificationTest.PRED,
            ClassificationTest.CLASSES).report();

    @Test
    void aTypedGateOnAccuracyAndOnOneClassJudgesTheReport() {
        assertThat(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.8).check(REPORT).passed()).isTrue();
        GateResult recall = Gate.on(ClassificationMetric.recallOf("covid")).atLeast(0.8).check(REPORT);
        assertThat(recall.passed()).isFalse();
        assertThat(recall.message()).isEqualTo("recall:covid on overall = 0.75 outside [0.8, +inf]");
        assertThat(REPORT.metric(ClassificationMetric.PRECISION_MACRO)).isPresent();
    }

    @Test
    void everyNameTheReportWritesIsAKnownKey() {
        // scores give the score metrics too; every (name) the report lists must resolve
        ClassificationReport scored = Classification.of(ClassificationTest.TRUTH, ClassificationTest.PRED,
                ClassificationTest.CLASSES).scores(ClassificationTest.probabilities(ClassificationTest.P_COVID)).report();
        for (MetricValue m : scored.metrics()) {
            assertThat(MetricKeys.find(m.name())).as(m.name()).map(MetricKey::jsonName).contains(m.name());
        }
    }

    @Test
    void aVerdictReadBackHasTheTypedKeys() throws IOException {
        Verdict v = Verdict.judge(List.of(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9),
                Gate.on(ClassificationMetric.f1Of("normal")).atLeast(0.5)), REPORT, Optional.empty());
        String json = Json.toJson(v);
        assertThat(json).contains("\"metric\" : \"accuracy\"").contains("\"metric\" : \"f1:normal\"");
        Verdict back = Json.readerFor(Verdict.class).readValue(json, Verdict.class);
        assertThat(back).isEqualTo(v);
        assertThat(back.results().get(0).gate().metric()).isSameAs(ClassificationMetric.ACCURACY);
    }

    @Test
    void anUnknownMetricInAPipelineFileIsRefusedWhenTheFileIsRead() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.yaml"), """
                seed: 1
                stages:
                  - ingest: {csv: rows.csv}
                  - bless:
                      gates:
                        - {metric: acuracy, min: 0.8}
                """);
        assertThatThrownBy(() -> PipelineSpec.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pipeline.yaml").hasMessageContaining("line 6")
                .hasMessageContaining("acuracy").hasMessageContaining("is not a known metric")
                .hasMessageContaining("accuracy, error_rate, balanced_accuracy")
                .hasMessageContaining("recall:<class>");
    }

    @Test
    void aPipelineFileGateCanRequireTheWholeInterval() throws IOException {
        // core alone has no stage that gives bless an evaluation, so the gates are read as a bless stage reads them
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        List<StageSpecs.GateSpec> specs = yaml.readerForListOf(StageSpecs.GateSpec.class).readValue("""
                - {metric: accuracy, min: 0.8, max: 1.0, whole-interval: true, min-interval-level: 0.95}
                - {metric: accuracy, min: 0.8}
                """);
        StageSpecs.BlessSpec bless = new StageSpecs.BlessSpec(specs, null, null);
        List<Gate> gates = ((org.trustml.core.stages.Bless<?>) bless.build(dir)).config().gates();
        assertThat(gates).containsExactly(Gate.on(ClassificationMetric.ACCURACY).between(0.8, 1.0).wholeInterval(0.95),
                Gate.on(ClassificationMetric.ACCURACY).atLeast(0.8));
        assertThatThrownBy(() -> new StageSpecs.GateSpec("accuracy", null, 0.8, null, null, null, null, 0.95))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("min-interval-level")
                .hasMessageContaining("whole-interval: true");
    }

    @Test
    void knownNamesOfPipelineFilesResolve() {
        // what a pipeline file's gate is read into (core alone has no stage that gives bless an evaluation)
        assertThat(new StageSpecs.GateSpec("recall:covid", "sex=F", 0.6, null, null, null)).isNotNull();
        assertThat(new StageSpecs.GateSpec("fairness.accuracy", null, 0.8, null, null, null)).isNotNull();
        assertThatThrownBy(() -> new StageSpecs.GateSpec("acuracy", null, 0.8, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'acuracy'");
        assertThat(MetricKeys.resolve("accuracy", "metric")).isSameAs(ClassificationMetric.ACCURACY);
        assertThat(MetricKeys.resolve("recall:covid", "metric")).isEqualTo(ClassificationMetric.recallOf("covid"));
        assertThat(MetricKeys.resolve("fairness.accuracy", "metric")).isEqualTo(MetricKey.named("fairness.accuracy"));
        assertThat(MetricKeys.find("accuracy:covid")).isEmpty();
        assertThat(MetricKeys.find("fairness.acuracy")).isEmpty();
    }

    /** An evaluation with two evaluator results of one type and one of another. */
    record Fake(ClassificationReport classification, Map<String, MetricSource> evaluators)
            implements ClassifierEvaluation {
        @Override
        public String modelDescription() {
            return "fake";
        }
    }

    record Share(double value) implements MetricSource {
        @Override
        public List<MetricValue> metrics() {
            return List.of(MetricValue.of("share", value));
        }
    }

    @Test
    void evaluatorResultsAreReadByType() {
        Map<String, MetricSource> results = new LinkedHashMap<>();
        results.put("north", new Share(0.25));
        results.put("south", new Share(0.75));
        results.put("base", Evaluation.of(List.of(MetricValue.of("base_rate", 0.5))));
        Fake e = new Fake(REPORT, results);

        assertThat(e.result(Evaluation.class)).map(r -> r.metrics().get(0).value()).contains(0.5);
        assertThat(e.result("south", Share.class)).map(Share::value).contains(0.75);
        assertThat(e.result("west", Share.class)).isEmpty();
        assertThat(e.results(Share.class)).containsOnlyKeys("north", "south");
        assertThat(e.result(ClassificationReport.class)).isEmpty();
        assertThatThrownBy(() -> e.result(Share.class)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Share").hasMessageContaining("north, south")
                .hasMessageContaining("result(name, Share.class)");
        assertThatThrownBy(() -> e.result("base", Share.class)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("evaluator base").hasMessageContaining("is not a Share");
        // the metrics are the report's, then each evaluator's
        assertThat(e.metric("share")).map(MetricValue::value).contains(0.25);
        assertThat(e.metric(ClassificationMetric.ACCURACY)).map(MetricValue::value).contains(0.8);
    }
}
