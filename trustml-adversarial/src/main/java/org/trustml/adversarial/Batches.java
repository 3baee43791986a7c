package org.trustml.adversarial;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.trustml.adversarial.internal.BatchLoop;
import org.trustml.core.InvalidInputException;

/** Whole-dataset passes (predictions, loss gradient norms) batch by batch, each batch in its own sub-manager. */
final class Batches {
    private Batches() {}

    /** Class predictions (argmax of the scores) and the number of classes, for every sample. */
    record Predictions(long[] labels, int classes) {}

    /**
     * Predicts every sample. An engine error on the first batch is reported as an input that does not
     * fit the model.
     */
    static Predictions predict(Classifier model, float[] x, Shape sampleShape, int batchSize, NDManager parent,
            Device device) {
        long[] out = new long[x.length / Math.toIntExact(sampleShape.size())];
        int[] classes = {-1};
        BatchLoop.run(parent, device, x, null, sampleShape, batchSize, (bm, from, to, batch, unused) -> {
            NDArray scores;
            try {
                scores = model.predict(batch);
            } catch (EngineException | IllegalArgumentException | IllegalStateException e) {
                throw shapeMismatch(model, batch.getShape(), e);
            }
            if (scores.getShape().dimension() != 2 || scores.getShape().get(0) != to - from) {
                throw InvalidInputException.problem("gives outputs of shape " + scores.getShape()
                        + " for inputs of shape " + batch.getShape()).value(model.name())
                        .expected("scores of shape (N, classes) for a classifier").build();
            }
            classes[0] = Math.toIntExact(scores.getShape().get(1));
            System.arraycopy(Success.argMax(scores), 0, out, from, to - from);
        });
        return new Predictions(out, classes[0]);
    }

    /**
     * ART's {@code loss_sensitivity}: mean over samples of ‖∇ₓᵢ L‖₂ where L is the mean
     * cross-entropy over all N samples (ART computes the gradient of one batch holding them all).
     */
    static double lossSensitivity(GradientClassifier model, float[] x, Shape sampleShape, long[] labels,
            int batchSize, NDManager parent) {
        int n = x.length / Math.toIntExact(sampleShape.size());
        double[] sum = {0};
        BatchLoop.run(parent, model.device(), x, labels, sampleShape, batchSize, (bm, from, to, batch, y) -> {
            NDArray g = Steps.lossGradient(model, batch, y, 1f / n);
            float[] norms = g.reshape(to - from, -1).square().sum(new int[] {1}).sqrt().toFloatArray();
            for (float v : norms) {
                sum[0] += v;
            }
        });
        return n == 0 ? Double.NaN : sum[0] / n;
    }

    static InvalidInputException shapeMismatch(Classifier model, Shape inputShape, RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return InvalidInputException.problem("does not accept inputs of shape " + inputShape + ": " + reason)
                .value(model.name()).expected("inputs shaped as the model was trained or traced (check --shape)")
                .build(e);
    }
}
