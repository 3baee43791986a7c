package org.trustml.core.stages;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Evaluator;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.RunContext;

/**
 * What every evaluate stage does with what it evaluated, whatever the model: the slices to report on and the
 * evaluators to run, and the artifacts that follow from them. Immutable; {@link EvaluatePredictions}, the image
 * and the tabular evaluate stages each hold one, so they slice, run evaluators and write their files alike:
 * {@code classification.json} (and the logged {@code accuracy}), {@code <evaluator>.json} per evaluator and
 * {@code evaluation.json} (every metric: the baseline file for a later run's change gates).
 *
 * @param sliceColumns columns whose every value is a slice
 * @param crossSlices  groups of columns whose every combination is a slice
 * @param evaluators   the evaluators, in the order they run
 * @param <I>          what the stage hands its evaluators
 */
public record EvaluationPlan<I>(List<String> sliceColumns, List<List<String>> crossSlices,
        List<Evaluator<I>> evaluators) {
    public EvaluationPlan {
        sliceColumns = List.copyOf(sliceColumns);
        crossSlices = crossSlices.stream().map(List::copyOf).toList();
        evaluators = List.copyOf(evaluators);
    }

    /** Overall only, no evaluator. */
    public static <I> EvaluationPlan<I> overall() {
        return new EvaluationPlan<>(List.of(), List.of(), List.of());
    }

    /** The same plus one slice per value of each of these columns. */
    public EvaluationPlan<I> slicedBy(String... columns) {
        List<String> more = new ArrayList<>(sliceColumns);
        more.addAll(List.of(columns));
        return new EvaluationPlan<>(more, crossSlices, evaluators);
    }

    /** The same plus one slice per combination of values of these columns. */
    public EvaluationPlan<I> crossSlicedBy(String... columns) {
        List<List<String>> more = new ArrayList<>(crossSlices);
        more.add(List.of(columns));
        return new EvaluationPlan<>(sliceColumns, more, evaluators);
    }

    /** The same plus an evaluator, run after the others. */
    public EvaluationPlan<I> with(Evaluator<I> evaluator) {
        List<Evaluator<I>> more = new ArrayList<>(evaluators);
        more.add(requireNonNull(evaluator, "evaluator"));
        return new EvaluationPlan<>(sliceColumns, crossSlices, more);
    }

    /** The evaluators' names and configurations, for the stage's config record. */
    public Map<String, Object> evaluatorConfigs() {
        Map<String, Object> configs = new LinkedHashMap<>();
        evaluators.forEach(e -> configs.put(e.name(), e.config()));
        return configs;
    }

    /**
     * The classification report of the predictions, overall and per slice; writes it as
     * {@code classification.json} and logs the overall {@code accuracy}.
     */
    public ClassificationReport classify(Predictions predictions, RunContext context) {
        ClassificationReport report = predictions.report(sliceColumns, crossSlices);
        context.writeArtifact("classification.json", out -> Json.writer().writeValue(out, report));
        context.logMetric("accuracy", report.overall().accuracy());
        return report;
    }

    /** Runs each evaluator on {@code input}, writing {@code <name>.json}; the results by name, in order. */
    public Map<String, MetricSource> evaluate(I input, RunContext context) {
        Map<String, MetricSource> results = new LinkedHashMap<>();
        for (Evaluator<I> e : evaluators) {
            MetricSource r = e.evaluate(input, context);
            context.writeArtifact(e.name() + ".json", out -> Json.writer().writeValue(out, r));
            results.put(e.name(), r);
        }
        return results;
    }

    /** Writes every metric of the stage's evaluation as {@code evaluation.json} and gives the evaluation back. */
    public <E extends MetricSource> E written(E evaluation, RunContext context) {
        context.writeArtifact("evaluation.json", out -> Json.writer().writeValue(out, Evaluation.of(evaluation.metrics())));
        return evaluation;
    }
}
