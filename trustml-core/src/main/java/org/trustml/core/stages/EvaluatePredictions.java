package org.trustml.core.stages;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluation;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;

/**
 * The model-neutral evaluate stage: computes the {@link ClassificationReport} of {@link Predictions}
 * overall and per slice of their attribute columns, then runs each {@link PredictionsEvaluator}
 * (fairness …) on them. Writes {@code classification.json}, {@code <evaluator>.json} and
 * {@code evaluation.json} (every metric, the baseline file for a later run's change gates), logs the
 * overall accuracy, and gives a {@link PredictionsEvaluation} for the bless stage. The image and
 * tabular evaluate stages compute their classification report through {@link #classify}, so a model
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

    private final List<String> sliceColumns;
    private final List<List<String>> crossSlices;
    private final List<PredictionsEvaluator> evaluators;

    private EvaluatePredictions(List<String> slices, List<List<String>> cross, List<PredictionsEvaluator> evaluators) {
        this.sliceColumns = List.copyOf(slices);
        this.crossSlices = cross.stream().map(List::copyOf).toList();
        this.evaluators = List.copyOf(evaluators);
    }

    /** Evaluates every row, overall only. */
    public static EvaluatePredictions onAllRows() {
        return new EvaluatePredictions(List.of(), List.of(), List.of());
    }

    /** Evaluates every row, overall and on these slices (as the image and tabular stages are configured). */
    public static EvaluatePredictions sliced(List<String> sliceColumns, List<List<String>> crossSlices) {
        return new EvaluatePredictions(sliceColumns, crossSlices, List.of());
    }

    /** Adds one slice per value of each of these attribute columns (e.g. {@code sex}, {@code age_group}). */
    public EvaluatePredictions slicedBy(String... columns) {
        List<String> more = new ArrayList<>(sliceColumns);
        more.addAll(List.of(columns));
        return new EvaluatePredictions(more, crossSlices, evaluators);
    }

    /** Adds one slice per combination of values of these columns (e.g. race × age group). */
    public EvaluatePredictions crossSlicedBy(String... columns) {
        List<List<String>> more = new ArrayList<>(crossSlices);
        more.add(List.of(columns));
        return new EvaluatePredictions(sliceColumns, more, evaluators);
    }

    /** Adds an evaluator (fairness …). */
    public EvaluatePredictions with(PredictionsEvaluator evaluator) {
        List<PredictionsEvaluator> more = new ArrayList<>(evaluators);
        more.add(requireNonNull(evaluator, "evaluator"));
        return new EvaluatePredictions(sliceColumns, crossSlices, more);
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public Config config() {
        Map<String, Object> configs = new LinkedHashMap<>();
        evaluators.forEach(e -> configs.put(e.name(), e.config()));
        return new Config(sliceColumns, crossSlices, configs);
    }

    /**
     * The classification report of the predictions, overall and per configured slice; writes it as
     * {@code classification.json} and logs the overall {@code accuracy}.
     */
    public ClassificationReport classify(Predictions predictions, RunContext context) {
        ClassificationReport report = predictions.report(sliceColumns, crossSlices);
        context.writeArtifact("classification.json", out -> Json.writer().writeValue(out, report));
        context.logMetric("accuracy", report.overall().accuracy());
        return report;
    }

    @Override
    public PredictionsEvaluation apply(Predictions predictions, RunContext context) {
        ClassificationReport report = classify(predictions, context);
        Map<String, MetricSource> results = new LinkedHashMap<>();
        for (PredictionsEvaluator e : evaluators) {
            MetricSource r = e.evaluate(predictions, context);
            context.writeArtifact(e.name() + ".json", out -> Json.writer().writeValue(out, r));
            results.put(e.name(), r);
        }
        PredictionsEvaluation evaluation = new PredictionsEvaluation(report, results);
        context.writeArtifact("evaluation.json", out -> Json.writer().writeValue(out, Evaluation.of(evaluation.metrics())));
        return evaluation;
    }
}
