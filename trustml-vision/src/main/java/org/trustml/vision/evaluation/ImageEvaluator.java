package org.trustml.vision.evaluation;

import org.trustml.core.evaluation.Evaluator;

/**
 * One check the evaluate stage runs on a trained image classifier: LIME explanations, adversarial
 * robustness, drift between splits. A check that needs only predictions (fairness) is a
 * {@link org.trustml.core.evaluation.PredictionsEvaluator}, which the stage also takes.
 */
public interface ImageEvaluator extends Evaluator<ImageEvaluationInput> {}
