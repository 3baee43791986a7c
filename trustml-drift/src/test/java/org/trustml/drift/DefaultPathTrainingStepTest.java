package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustml.drift.internal.AutoencoderNetwork;
import org.trustml.torch.SeededInitializer;

/**
 * A training step on the default path a library user gets (no {@code ONEDNN_MAX_CPU_ISA}; the build removes it
 * from the test JVM): one Adam step of the drift checker's convolutional autoencoder (four convolutions), from
 * its seeded initial weights, on one minibatch of 64 images, against the same step computed from float64
 * gradients (libtorch's double-precision convolutions never run on oneDNN).
 *
 * <p>DJL's Adam at step 1 moves each weight by −α·m̂/(√v̂ + ε) with m̂ = g and v̂ = g² after bias correction, and
 * DJL folds the correction into the rate (α·√(1−β₂)/(1−β₁)), so the step is −α·g/(|g| + ε/√(1−β₂)), ε = 1e-8,
 * β₂ = 0.999: about α·sign(g). A gradient with a wrong sign moves its weight by 2α the wrong way.
 */
class DefaultPathTrainingStepTest {
    private static final List<Integer> SHAPE = List.of(1, 16, 16);
    private static final double ALPHA = 0.01;

    @Test
    void oneAdamStepMatchesTheStepFromFloat64Gradients() {
        assertThat(System.getenv("ONEDNN_MAX_CPU_ISA")).as("the test JVM must run the default path").isNull();
        AutoencoderConfig config = AutoencoderConfig.defaults().withFilters(4, 8).withEpochs(1).withLearningRate(ALPHA)
                .withSeed(31);
        int rows = config.batchSize();
        SplittableRandom r = new SplittableRandom(31);
        float[][] images = new float[rows][16 * 16];
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) r.nextDouble();
            }
        }
        try (Model model = Model.newInstance("ae", "PyTorch"); NDManager m = NDManager.newBaseManager("PyTorch")) {
            model.setBlock(AutoencoderNetwork.convolutional(1, config.filters()));
            AutoencoderTraining.train(model, images, SHAPE, config);

            Shape batch = new Shape(rows, 1, 16, 16);
            Block start32 = AutoencoderNetwork.convolutional(1, config.filters());
            start32.setInitializer(SeededInitializer.glorotUniform(config.seed()), Parameter.Type.WEIGHT);
            start32.initialize(m, DataType.FLOAT32, batch);
            Block block64 = AutoencoderNetwork.convolutional(1, config.filters());
            block64.initialize(m, DataType.FLOAT64, batch);
            for (int i = 0; i < start32.getParameters().size(); i++) {
                block64.getParameters().valueAt(i).getArray().set(
                        start32.getParameters().valueAt(i).getArray().toType(DataType.FLOAT64, false).toByteBuffer());
            }
            float[] flat = new float[rows * 256];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(images[i], 0, flat, i * 256, 256);
            }
            NDArray x = m.create(flat, batch).toType(DataType.FLOAT64, false);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray xHat = block64.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                gc.backward(Loss.l2Loss().evaluate(new NDList(x), new NDList(xHat)));
            }
            double epsilon = 1e-8 / Math.sqrt(1 - 0.999);
            int checked = 0;
            double worst = 0;
            for (int p = 0; p < start32.getParameters().size(); p++) {
                double[] w0 = block64.getParameters().valueAt(p).getArray().toDoubleArray();
                double[] g = block64.getParameters().valueAt(p).getArray().getGradient().toDoubleArray();
                float[] w1 = model.getBlock().getParameters().valueAt(p).getArray().toFloatArray();
                for (int i = 0; i < w0.length; i++) {
                    double expected = w0[i] - ALPHA * g[i] / (Math.abs(g[i]) + epsilon);
                    worst = Math.max(worst, Math.abs(w1[i] - expected));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(500);
            // float32 weights (~0.5) and float32 gradients: 1e-6 leaves room; a flipped gradient sign gives 2α = 0.02
            assertThat(worst).as("largest |w₁ − w₁(float64 gradient)| over %d weights", checked).isLessThan(1e-6);
        }
    }
}
