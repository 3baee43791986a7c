package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.trustml.core.pipeline.RunContext;

/**
 * One check an evaluate stage runs on what it evaluated ({@code I}: an image or tabular evaluation input):
 * fairness, explanations, robustness, drift. Its result is a {@link MetricSource} (so gates and model cards
 * can read it) that serialises to JSON.
 *
 * @param <I> what the stage hands its evaluators
 */
public interface Evaluator<I> {
    /** A short name, used for the result's artifact ({@code <name>.json}). */
    String name();

    /** The evaluator's configuration, recorded in the run record. */
    Object config();

    /** Evaluates; may write artifacts through the context. */
    MetricSource evaluate(I input, RunContext context);

    /** {@code evaluator} run on the predictions {@code view} takes from a stage's input. */
    static <I> Evaluator<I> onPredictions(PredictionsEvaluator evaluator, Function<I, Predictions> view) {
        return on(evaluator, view);
    }

    /** {@code evaluator}, with its name and config, run on what {@code view} takes from a stage's input. */
    static <I, J> Evaluator<I> on(Evaluator<J> evaluator, Function<I, J> view) {
        requireNonNull(evaluator, "evaluator");
        requireNonNull(view, "view");
        return new Evaluator<>() {
            @Override
            public String name() {
                return evaluator.name();
            }

            @Override
            public Object config() {
                return evaluator.config();
            }

            @Override
            public MetricSource evaluate(I input, RunContext context) {
                return evaluator.evaluate(view.apply(input), context);
            }
        };
    }
}
