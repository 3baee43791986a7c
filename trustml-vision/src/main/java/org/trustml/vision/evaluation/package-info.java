/**
 * Evaluating an image classifier: {@link ImageEvaluation} (the classification report per slice and
 * each {@link ImageEvaluator}'s result) from an {@link ImageEvaluationInput} (the model, its test images
 * and their predictions).
 */
package org.trustml.vision.evaluation;
