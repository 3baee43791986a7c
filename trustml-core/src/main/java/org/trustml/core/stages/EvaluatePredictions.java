package org.trustml.core.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluation;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;

/**
 * The model-neutral evaluate stage: computes the {@link ClassificationReport} of {@link Predictions}
 * overall and per slice of their attribute columns, then runs each {@link PredictionsEvaluator}
 * (fairness …) on them. Writes {@code classification.json}, {@code <evaluator>.json} and
 * {@code evaluation.json} (every metric, the baseline file for a later run's change gates), logs the
 * overall accuracy, and gives a {@link PredictionsEvaluation} for the bless stage. The image and
 * tabular evaluate stages slice, evaluate and write through the same {@link EvaluationPlan}, so a model
 * evaluated in a pipeline and its predictions evaluated here (read back from a CSV file, say) give
 * the same numbers.
 *
 * <p>In a pipeline it follows any stage that gives {@link Predictions}; outside one, the evaluators
 * run on their own:
 * <pre>{@code
 * Predictions p = Predictions.readCsv(Path.of("scored.csv"), PredictionColumns.of("label", "predicted"));
 * ClassificationReport r = p.report(List.of("sex"), List.of());
 * FairnessReport f = FairnessEvaluator.of("yes", Group.where("sex", "M"), "sex").report(p);
 * }</pre>
 */
public final class EvaluatePredictions implements Stage<Predictions, PredictionsEvaluation> {

    /**
     * The stage's configuration.
     *
     * @param sliceColumns attribute columns whose every value is a slice
     * @param crossSlices  groups of columns whose every combination is a slice
     * @param evaluators   the evaluators' names and configurations
     */
    public record Config(List<String> sliceColumns, List<List<String>> crossSlices, Map<String, Object> evaluators) {
        public Config {
            sliceColumns = List.copyOf(sliceColumns);
            crossSlices = crossSlices.stream().map(List::copyOf).toList();
            evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
        }
    }

    private final EvaluationPlan<Predictions> plan;

    private EvaluatePredictions(EvaluationPlan<Predictions> plan) {
        this.plan = plan;
    }

    /** Evaluates every row, overall only. */
    public static EvaluatePredictions onAllRows() {
        return new EvaluatePredictions(EvaluationPlan.overall());
    }

    /** Evaluates every row, overall and on these slices (as the image and tabular stages are configured). */
    public static EvaluatePredictions sliced(List<String> sliceColumns, List<List<String>> crossSlices) {
        return new EvaluatePredictions(new EvaluationPlan<>(sliceColumns, crossSlices, List.of()));
    }

    /** Adds one slice per value of each of these attribute columns (e.g. {@code sex}, {@code age_group}). */
    public EvaluatePredictions slicedBy(String... columns) {
        return new EvaluatePredictions(plan.slicedBy(columns));
    }

    /** Adds one slice per combination of values of these columns (e.g. race × age group). */
    public EvaluatePredictions crossSlicedBy(String... columns) {
        return new EvaluatePredictions(plan.crossSlicedBy(columns));
    }

    /** Adds an evaluator (fairness, drift, a {@code TableEvaluator} bound to its model …). */
    public EvaluatePredictions with(PredictionsEvaluator evaluator) {
        return new EvaluatePredictions(plan.with(evaluator));
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public Config config() {
        return new Config(plan.sliceColumns(), plan.crossSlices(), plan.evaluatorConfigs());
    }

    /**
     * The classification report of the predictions, overall and per configured slice; writes it as
     * {@code classification.json} and logs the overall {@code accuracy}.
     */
    public ClassificationReport classify(Predictions predictions, RunContext context) {
        return plan.classify(predictions, context);
    }

    @Override
    public PredictionsEvaluation apply(Predictions predictions, RunContext context) {
        ClassificationReport report = plan.classify(predictions, context);
        return plan.written(new PredictionsEvaluation(report, plan.evaluate(predictions, context)), context);
    }
}
