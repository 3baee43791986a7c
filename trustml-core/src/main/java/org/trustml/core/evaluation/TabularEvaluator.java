package org.trustml.core.evaluation;

import org.trustml.core.pipeline.RunContext;

/**
 * One check the tabular evaluate stage runs on a trained tabular classifier, the twin of
 * {@link ImageEvaluator}: fairness across protected columns, for example. Its result is a
 * {@link MetricSource} that serialises to JSON.
 */
public interface TabularEvaluator {
    /** A short name, used for the result's artifact ({@code <name>.json}). */
    String name();

    /** The evaluator's configuration, recorded in the run record. */
    Object config();

    /** Evaluates; may write artifacts through the context. */
    MetricSource evaluate(TabularEvaluationInput input, RunContext context);
}
