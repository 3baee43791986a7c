package org.trustml.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * The losses trustml trains with: the same values as DJL's {@code Loss.softmaxCrossEntropyLoss()} and
 * {@code Loss.l2Loss()}, computed so that their gradients are right after a garbage collection between the
 * forward and the backward pass. DJL's versions multiply by their weight with a scalar over a Java buffer,
 * which the backward pass reads after it may have been freed (see {@link OwnedScalars}).
 */
public final class Losses {
    private Losses() {}

    /**
     * Mean over the batch of −log softmax(z)[y], for logits {@code z} of shape (N, classes) and integer class
     * labels {@code y} of shape (N) in any numeric type: DJL's {@code SoftmaxCrossEntropyLoss} with its
     * defaults (sparse labels, from logits, weight 1).
     */
    public static Loss softmaxCrossEntropy() {
        return new Loss("SoftmaxCrossEntropyLoss") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray logp = predictions.singletonOrThrow().logSoftmax(-1);
                int classes = Math.toIntExact(logp.getShape().get(logp.getShape().dimension() - 1));
                NDArray y = labels.singletonOrThrow().toType(DataType.INT64, false).reshape(-1);
                NDArray oneHot = y.oneHot(classes).toType(logp.getDataType(), false);
                return logp.mul(oneHot).sum(new int[] {-1}).neg().mean();
            }
        };
    }

    /** Mean of ½(y − ŷ)² over all entries: DJL's {@code L2Loss} with its default weight ½. */
    public static Loss halfSquaredError() {
        return new Loss("L2Loss") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray squared = labels.singletonOrThrow().sub(predictions.singletonOrThrow()).square();
                return OwnedScalars.mul(squared, 0.5).mean();
            }
        };
    }
}
