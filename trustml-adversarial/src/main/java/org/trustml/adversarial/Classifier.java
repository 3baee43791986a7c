package org.trustml.adversarial;

import ai.djl.ndarray.NDArray;

/**
 * A model that classifies a batch: it maps inputs of shape (N, …) to scores of shape (N, classes),
 * logits or probabilities as {@link #outputKind()} says. This is all a transfer-attack target needs
 * (for example a TensorFlow SavedModel on DJL's TensorFlow engine, which has no gradients).
 *
 * <p>{@link GradientClassifier} adds what a gradient attack needs.
 */
public interface Classifier {

    /** A short name used in reports and error messages (a file name, a block name). */
    String name();

    /** Whether {@link #predict} returns logits or probabilities. */
    ClassifierOutput outputKind();

    /**
     * Scores for a batch. The result must be attached to {@code batch}'s manager (or a child of
     * it), so that closing that manager frees it.
     *
     * @param batch inputs, shape (N, …), on the model's device
     * @return scores, shape (N, classes)
     */
    NDArray predict(NDArray batch);
}
