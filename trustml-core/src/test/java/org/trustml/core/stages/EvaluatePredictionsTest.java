package org.trustml.core.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.PredictionColumns;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluation;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.StringColumn;
import org.trustml.core.tracking.Tracker;

class EvaluatePredictionsTest {
    @TempDir
    Path dir;

    /** A source of predictions read from a CSV file: what a served model's log gives. */
    record ReadPredictions(Path file) implements Stage<Void, Predictions> {
        public String name() {
            return "read-predictions";
        }

        public Object config() {
            return this;
        }

        public Predictions apply(Void in, RunContext ctx) {
            return Predictions.readCsv(file, PredictionColumns.of("label", "predicted"));
        }
    }

    /** A model-neutral evaluator: the share of rows predicted "yes". */
    record YesShare() implements PredictionsEvaluator {
        public String name() {
            return "yes_share";
        }

        public Object config() {
            return "share predicted yes";
        }

        public MetricSource evaluate(Predictions p, RunContext ctx) {
            long yes = 0;
            for (int i = 0; i < p.size(); i++) {
                yes += p.predicted(i) == p.classes().indexOf("yes") ? 1 : 0;
            }
            return Evaluation.of(List.of(MetricValue.of("yes_share", (double) yes / p.size())));
        }
    }

    @Test
    void predictionsFromAFileAreEvaluatedSlicedAndBlessedWithoutAModel() {
        // the six rows of PredictionsTest: 4 of 6 right; women 2 of 3, men 2 of 3; predicted yes 3 of 6
        Predictions six = Predictions.builder(List.of("no", "yes")).truth(1, 1, 0, 0, 1, 0).predicted(1, 0, 0, 0, 1, 1)
                .attribute(StringColumn.of("sex", "F", "F", "F", "M", "M", "M")).build();
        Path csv = six.toTable(PredictionColumns.of("label", "predicted")).writeCsv(dir.resolve("logged.csv"));
        PipelineRun<Blessing<PredictionsEvaluation>> run = Pipeline.from(new ReadPredictions(csv))
                .then(EvaluatePredictions.onAllRows().slicedBy("sex").with(new YesShare()))
                .then(Bless.<PredictionsEvaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.6),
                        Gate.on(ClassificationMetric.ACCURACY).inSlice(Slice.of("sex", "M")).atLeast(0.6), Gate.on(MetricKey.named("yes_share")).atMost(0.5)))
                .run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("runs"))));

        PredictionsEvaluation e = run.output().evaluation();
        assertThat(e.metric("accuracy")).get().extracting(MetricValue::value).isEqualTo(4.0 / 6);
        assertThat(e.metric("accuracy", Slice.of("sex", "F"))).get().extracting(MetricValue::value).isEqualTo(2.0 / 3);
        assertThat(e.metric("yes_share")).get().extracting(MetricValue::value).isEqualTo(0.5);
        assertThat(run.output().verdict().blessed()).isTrue();
        assertThat(run.record().stages().get(1).artifacts()).extracting(a -> a.name())
                .containsExactly("classification.json", "yes_share.json", "evaluation.json");
        assertThat(run.record().stages().get(1).metrics()).containsEntry("accuracy", 4.0 / 6);
        assertThat(run.record().stages().get(0).outputHash()).contains(six.contentHash());
        assertThat(Json.toTree(EvaluatePredictions.onAllRows().slicedBy("sex").with(new YesShare()).config())
                .get("evaluators").get("yes_share").asText()).isEqualTo("share predicted yes");
    }
}
