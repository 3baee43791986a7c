package org.trustml.tabular;

import org.trustml.core.evaluation.Evaluator;

/**
 * One check the tabular evaluate stage runs on a trained tabular classifier, the twin of
 * {@code ImageEvaluator} (trustml-vision). A check that needs only predictions (fairness) is a
 * {@link org.trustml.core.evaluation.PredictionsEvaluator}, which the stage also takes.
 */
public interface TabularEvaluator extends Evaluator<TabularEvaluationInput> {}
