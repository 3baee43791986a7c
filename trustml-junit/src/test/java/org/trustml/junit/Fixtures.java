package org.trustml.junit;

import java.nio.file.Path;
import java.util.List;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.Bless;
import org.trustml.core.tracking.Tracker;

/** Small hand-made evaluations and runs. */
final class Fixtures {
    static final Slice WOMEN = Slice.of("sex", "F");
    static final Slice MEN = Slice.of("sex", "M");

    private Fixtures() {}

    /** accuracy 0.82 overall and 0.7 for women; recall undefined for men; PGD results at eps 0.03. */
    static Evaluation evaluation() {
        return Evaluation.of(List.of(
                MetricValue.of("accuracy", 0.82),
                MetricValue.of("accuracy", WOMEN, 0.7),
                MetricValue.undefined("recall", MEN, "no positives in the slice"),
                MetricValue.of("adversarial_accuracy", Slice.of("eps", "0.03"), 0.6),
                MetricValue.of("adversarial_accuracy", Slice.of("eps", "0.029999999329447746"), 0.6),
                MetricValue.of("clean_accuracy", Slice.of("eps", "0.1"), 0.82)));
    }

    /** A two-stage pipeline: a stage that "evaluates" (writes evaluation.json), then bless. */
    static PipelineRun<Blessing<Evaluation>> blessedRun(Path runs, Evaluation evaluation, Gate... gates) {
        return Pipeline.from(new FixedEvaluation(evaluation)).then(Bless.<Evaluation>by(gates))
                .run(RunOptions.seed(1).withTracker(Tracker.none(runs)));
    }

    /** A source stage giving a fixed evaluation and writing it as the evaluate stage does. */
    record FixedEvaluation(Evaluation evaluation) implements Stage<Void, Evaluation> {
        @Override
        public String name() {
            return "evaluate";
        }

        @Override
        public Object config() {
            return evaluation;
        }

        @Override
        public Evaluation apply(Void input, RunContext context) {
            context.writeArtifact("evaluation.json", out -> Json.writer().writeValue(out, evaluation));
            return evaluation;
        }
    }
}
