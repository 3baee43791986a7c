package org.trustml.adversarial.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Walks row-major host data in batches. Each batch's inputs (and labels, if any) are created in a
 * sub-manager of {@code parent} on {@code device}, which is closed when the batch is done.
 */
public final class BatchLoop {
    private BatchLoop() {}

    /** One batch: samples [from, to), their inputs {@code x} and labels {@code y} (null without labels). */
    @FunctionalInterface
    public interface Body {
        void accept(NDManager batchManager, int from, int to, NDArray x, NDArray y);
    }

    public static void run(NDManager parent, Device device, float[] x, long[] labels, Shape sampleShape, int batchSize,
            Body body) {
        int d = Math.toIntExact(sampleShape.size());
        int n = x.length / d;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            try (NDManager bm = parent.newSubManager(device)) {
                NDArray xb = bm.create(FloatBuffer.wrap(x, from * d, (to - from) * d), batchShape(to - from, sampleShape));
                NDArray yb = labels == null ? null : bm.create(Arrays.copyOfRange(labels, from, to));
                body.accept(bm, from, to, xb, yb);
            }
        }
    }

    static Shape batchShape(int n, Shape sampleShape) {
        return new Shape(n).addAll(sampleShape);
    }
}
