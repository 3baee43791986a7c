package org.trustml.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.trustml.adversarial.GradientClassifier;
import org.trustml.adversarial.Models;
import org.trustml.adversarial.ClassifierOutput;

/** The small 28×28 CNN, data and the bare DJL loop the adversarial benchmarks compare against. */
final class AdversarialBench {
    private AdversarialBench() {}

    /** conv 3×3×8 → relu → pool 2 → conv 3×3×16 → relu → pool 2 → linear 10, initialised from seed 42. */
    static SequentialBlock cnn(NDManager manager) {
        Engine.getInstance().setRandomSeed(42);
        SequentialBlock block = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(16).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
        return block;
    }

    static GradientClassifier classifier(SequentialBlock block) {
        return Models.block("cnn28", block, ClassifierOutput.LOGITS, Device.cpu());
    }

    /** {@code n} inputs of 1×28×28 uniform in [0, 1), row-major. */
    static float[] inputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        return x;
    }

    static long[] labels(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(10);
        }
        return y;
    }

    /**
     * What a user would write by hand: per batch, {@code iterations} times forward, cross-entropy,
     * backward, x ← clip(x + step·sign(g)) projected to the ∞-ball. Returns a checksum.
     */
    static double bareLoop(SequentialBlock block, NDManager parent, float[] x, long[] y, int batch, int iterations,
            float eps, float step) {
        int d = 28 * 28;
        int n = y.length;
        double checksum = 0;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            try (NDManager m = parent.newSubManager()) {
                NDArray x0 = m.create(java.nio.FloatBuffer.wrap(x, from * d, (to - from) * d), new Shape(to - from, 1, 28, 28));
                NDArray oneHot = m.create(java.util.Arrays.copyOfRange(y, from, to)).oneHot(10);
                NDArray adv = x0;
                ParameterStore store = new ParameterStore(m, false);
                for (int it = 0; it < iterations; it++) {
                    NDArray input = adv.duplicate();
                    input.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = block.forward(store, new NDList(input), false).singletonOrThrow();
                        gc.backward(logits.logSoftmax(1).mul(oneHot).sum().neg().div(to - from));
                    }
                    adv = x0.add(input.add(input.getGradient().sign().mul(step)).clip(0, 1).sub(x0).clip(-eps, eps));
                }
                checksum += adv.sum().getFloat();
            }
        }
        return checksum;
    }
}
