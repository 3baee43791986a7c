package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An attack on the default path a library user gets (no {@code ONEDNN_MAX_CPU_ISA}; the build removes it from
 * the test JVM): FGSM-L2 with eps 3 on a 28×28 two-convolution CNN, 64 examples, the measurement of issue 17
 * (before the fix: 64 of 64 examples off by more than 0.05 from the float64 result, median error 0.13).
 *
 * <p>Reference: the same network in float64 on libtorch's double-precision convolutions (which never run on
 * oneDNN), whose loss gradient is itself checked against central finite differences here, then ART's FGSM-L2
 * step x' = clip(x + eps·g/‖g‖₂, 0, 1) in Java.
 */
class DefaultPathGradientTest {
    private static final int N = 64;
    private static final int CLASSES = 10;

    @Test
    void fgsmL2MatchesTheFloat64Reference() {
        assertThat(System.getenv("ONEDNN_MAX_CPU_ISA")).as("the test JVM must run the default path").isNull();
        SplittableRandom r = new SplittableRandom(17);
        double[] w1 = normal(r, 8 * 1 * 3 * 3, 1 / 3.0);
        double[] w2 = normal(r, 16 * 8 * 3 * 3, 1 / Math.sqrt(72));
        double[] wf = normal(r, CLASSES * 16 * 7 * 7, 1 / Math.sqrt(784));
        float[] x = new float[N * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        long[] y = r.longs(N, 0, CLASSES).toArray();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            GradientClassifier model = Models.block("cnn28", cnn(m, w1, w2, wf, DataType.FLOAT32), ClassifierOutput.LOGITS,
                    Device.cpu());
            float[] adv = Robustness.of(model).attack(Fgsm.builder().norm(Norm.L2).eps(3f).clip(0, 1).build())
                    .on(m.create(x, new Shape(N, 1, 28, 28)), y).generate().adversarialValues();

            LambdaBlock cnn64 = cnn(m, w1, w2, wf, DataType.FLOAT64);
            NDArray x64 = m.create(x, new Shape(N, 1, 28, 28)).toType(DataType.FLOAT64, true);
            double[] g = lossGradient(m, cnn64, x64, y);
            checkAgainstFiniteDifferences(m, cnn64, x64, y, g, r);

            double[] errors = new double[N];
            int plane = 28 * 28;
            for (int n = 0; n < N; n++) {
                double norm = 0;
                for (int i = 0; i < plane; i++) {
                    norm += g[n * plane + i] * g[n * plane + i];
                }
                norm = Math.sqrt(norm);
                double worst = 0;
                for (int i = 0; i < plane; i++) {
                    int k = n * plane + i;
                    double expected = Math.min(1, Math.max(0, x[k] + 3 * g[k] / norm));
                    worst = Math.max(worst, Math.abs(adv[k] - expected));
                }
                errors[n] = worst;
            }
            Arrays.sort(errors);
            // float32 against float64 arithmetic: ~1e-6 per pixel; 1e-4 leaves room, the fault gave 0.05–0.5
            assertThat(errors[N - 1]).as("largest per-example max |x' − x'_float64|").isLessThan(1e-4);
        }
    }

    /** conv 3×3 (1→8, pad 1) → ReLU → max-pool 2 → conv 3×3 (8→16, pad 1) → ReLU → max-pool 2 → linear 784→10. */
    private static LambdaBlock cnn(NDManager m, double[] w1, double[] w2, double[] wf, DataType type) {
        NDArray k1 = m.create(w1, new Shape(8, 1, 3, 3)).toType(type, false);
        NDArray k2 = m.create(w2, new Shape(16, 8, 3, 3)).toType(type, false);
        NDArray fc = m.create(wf, new Shape(CLASSES, 16 * 7 * 7)).toType(type, false).transpose();
        return new LambdaBlock(in -> {
            NDArray x = in.singletonOrThrow();
            NDArray h = Conv2d.conv2d(x, k1, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
            h = ai.djl.nn.pooling.Pool.maxPool2d(h.getNDArrayInternal().relu(), new Shape(2, 2), new Shape(2, 2),
                    new Shape(0, 0), false);
            h = Conv2d.conv2d(h, k2, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
            h = ai.djl.nn.pooling.Pool.maxPool2d(h.getNDArrayInternal().relu(), new Shape(2, 2), new Shape(2, 2),
                    new Shape(0, 0), false);
            return new NDList(h.reshape(h.getShape().get(0), -1).matMul(fc));
        }, "cnn28");
    }

    /** ∇ₓ Σᵢ CE(f(xᵢ), yᵢ) in float64. */
    private static double[] lossGradient(NDManager m, LambdaBlock f, NDArray x64, long[] y) {
        NDArray x = x64.duplicate();
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            gc.backward(loss(m, f, x, y));
        }
        return x.getGradient().toDoubleArray();
    }

    private static NDArray loss(NDManager m, LambdaBlock f, NDArray x, long[] y) {
        NDArray logits = f.forward(new ai.djl.training.ParameterStore(m, false), new NDList(x), false)
                .singletonOrThrow();
        NDArray oneHot = m.create(y).oneHot(CLASSES).toType(DataType.FLOAT64, false);
        return logits.logSoftmax(1).mul(oneHot).sum().neg();
    }

    /** 20 coordinates: (L(x + h e) − L(x − h e)) / 2h with h = 1e-5 in float64 agrees to ~1e-8 away from kinks. */
    private static void checkAgainstFiniteDifferences(NDManager m, LambdaBlock f, NDArray x64, long[] y, double[] g,
            SplittableRandom r) {
        double[] base = x64.toDoubleArray();
        double h = 1e-5;
        for (int t = 0; t < 20; t++) {
            int k = r.nextInt(base.length);
            double[] plus = base.clone();
            plus[k] += h;
            double[] minus = base.clone();
            minus[k] -= h;
            double up = loss(m, f, m.create(plus, x64.getShape()), y).getDouble();
            double down = loss(m, f, m.create(minus, x64.getShape()), y).getDouble();
            assertThat(g[k]).as("float64 dL/dx[%d]", k).isCloseTo((up - down) / (2 * h), within(1e-6));
        }
    }

    private static double[] normal(SplittableRandom r, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = scale * (r.nextDouble() * 2 - 1) * Math.sqrt(3);
        }
        return a;
    }
}
