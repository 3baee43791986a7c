package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Integrated Gradients on the default path a library user gets (no {@code ONEDNN_MAX_CPU_ISA}; the build removes
 * it from the test JVM), through a two-convolution network, against the same sum computed in float64 (libtorch's
 * double-precision convolutions never run on oneDNN): IG_p = Σ_c (x−b)_c,p · (1/m) Σ_{k=1..m} ∂F/∂x_c,p at
 * b + (k/m)(x − b), the right Riemann sum GradientAttribution documents.
 */
class DefaultPathGradientTest {
    private static final int SIZE = 32;
    private static final int STEPS = 16;
    private static final int LABEL = 1;
    /** The faulty kernels are wrong in most calls, not all: several runs. */
    private static final int RUNS = 3;

    @Test
    void integratedGradientsMatchTheFloat64Reference() {
        assertThat(System.getenv("ONEDNN_MAX_CPU_ISA")).as("the test JVM must run the default path").isNull();
        try (Model model = Model.newInstance("cnn", "PyTorch")) {
            SequentialBlock block = network();
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
            SplittableRandom r = new SplittableRandom(23);
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray a = p.getValue().getArray();
                float[] v = new float[Math.toIntExact(a.size())];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) ((r.nextDouble() * 2 - 1) * 0.5);
                }
                a.set(v);
            }
            model.setBlock(block);
            RgbImage image = TestImages.random(SIZE, SIZE, 5);
            GradientAttribution attribution = GradientAttribution.of(model);
            float[][] runs = new float[RUNS][];
            for (int run = 0; run < RUNS; run++) {
                runs[run] = attribution.integratedGradients(image, LABEL, STEPS, 4).values();
            }

            // the same network in float64, with the same parameter values
            SequentialBlock block64 = network();
            block64.initialize(model.getNDManager(), DataType.FLOAT64, new Shape(1, 3, SIZE, SIZE));
            for (int i = 0; i < block.getParameters().size(); i++) {
                block64.getParameters().valueAt(i).getArray()
                        .set(block.getParameters().valueAt(i).getArray().toType(DataType.FLOAT64, false).toByteBuffer());
            }
            double[] expected = float64Ig(model.getNDManager(), block64, image.toChw());
            double scale = 0;
            double worst = 0;
            for (float[] ig : runs) {
                for (int p = 0; p < ig.length; p++) {
                    scale = Math.max(scale, Math.abs(expected[p]));
                    worst = Math.max(worst, Math.abs(ig[p] - expected[p]));
                }
            }
            assertThat(scale).as("a non-trivial attribution map").isGreaterThan(1e-3);
            // float32 against float64 arithmetic: ~1e-6 of the largest attribution; the fault gives tens of percent
            assertThat(worst / scale).as("largest |IG − IG_float64| / max |IG_float64|").isLessThan(1e-4);
        }
    }

    private static SequentialBlock network() {
        return new SequentialBlock()
                    .add(Conv2d.builder().setFilters(8).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build())
                    .add(Activation::relu)
                    .add(Conv2d.builder().setFilters(8).setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                            .optPadding(new Shape(1, 1)).build())
                    .add(Activation::relu)
                    .add(Pool.globalAvgPool2dBlock())
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(3).build());
    }

    private static double[] float64Ig(NDManager base, SequentialBlock block, float[] chw) {
        int plane = SIZE * SIZE;
        double[] sum = new double[3 * plane];
        try (NDManager m = base.newSubManager()) {
            NDArray x = m.create(chw, new Shape(1, 3, SIZE, SIZE)).toType(DataType.FLOAT64, false);
            for (int k = 1; k <= STEPS; k++) {
                NDArray point = x.mul((double) k / STEPS);
                point.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray out = block.forward(new ParameterStore(m, false), new NDList(point), true).singletonOrThrow();
                    gc.backward(out.get(new NDIndex(":, {}", LABEL)).sum());
                }
                double[] g = point.getGradient().toDoubleArray();
                for (int i = 0; i < g.length; i++) {
                    sum[i] += g[i];
                }
            }
        }
        double[] perPixel = new double[plane];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                perPixel[p] += chw[c * plane + p] * sum[c * plane + p] / STEPS;
            }
        }
        return perPixel;
    }
}
