package org.trustml.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LossesTest {
    static final float[] LOGITS = {0.3f, -1.2f, 2.0f, 0.0f, 0.5f, -0.25f};
    static final float[] LABELS = {2, 1};

    @Test
    void softmaxCrossEntropyGivesDjlsValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList z = new NDList(m.create(LOGITS, new Shape(2, 3)));
            NDList y = new NDList(m.create(LABELS));
            float ours = Losses.softmaxCrossEntropy().evaluate(y, z).getFloat();
            assertThat(ours).isEqualTo(Loss.softmaxCrossEntropyLoss().evaluate(y, z).getFloat());
            // by hand: ½(−log softmax(0.3, −1.2, 2)[2] − log softmax(0, 0.5, −0.25)[1])
            double a = -(2.0 - Math.log(Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.0)));
            double b = -(0.5 - Math.log(Math.exp(0) + Math.exp(0.5) + Math.exp(-0.25)));
            assertThat((double) ours).isCloseTo((a + b) / 2, within(1e-6));
        }
    }

    @Test
    void halfSquaredErrorGivesDjlsValue() {
        SplittableRandom r = new SplittableRandom(3);
        float[] p = new float[12];
        float[] t = new float[12];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) r.nextGaussian();
            t[i] = (float) r.nextGaussian();
            sum += 0.5 * ((double) t[i] - p[i]) * ((double) t[i] - p[i]);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDList pred = new NDList(m.create(p, new Shape(3, 4)));
            NDList label = new NDList(m.create(t, new Shape(3, 4)));
            float ours = Losses.halfSquaredError().evaluate(label, pred).getFloat();
            assertThat(ours).isEqualTo(Loss.l2Loss().evaluate(label, pred).getFloat());
            assertThat((double) ours).isCloseTo(sum / p.length, within(1e-6));
        }
    }

    @Test
    void softmaxCrossEntropyGradientIsRightAfterACollection() throws Exception {
        // d/dz mean CE = (softmax(z) − onehot(y)) / N
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(LOGITS, new Shape(2, 3));
            z.setRequiresGradient(true);
            try (GradientCollector gc = GradientCollectors.open(Engine.getEngine("PyTorch"))) {
                NDArray loss = Losses.softmaxCrossEntropy().evaluate(new NDList(m.create(LABELS)), new NDList(z));
                List<ByteBuffer> held = OwnedScalarsAccess.collectAndReuseMemory();
                gc.backward(loss);
                assertThat(held).isNotEmpty();
            }
            float[] g = z.getGradient().toFloatArray();
            for (int row = 0; row < 2; row++) {
                double norm = 0;
                for (int k = 0; k < 3; k++) {
                    norm += Math.exp(LOGITS[row * 3 + k]);
                }
                for (int k = 0; k < 3; k++) {
                    double expected = (Math.exp(LOGITS[row * 3 + k]) / norm - (k == LABELS[row] ? 1 : 0)) / 2;
                    assertThat((double) g[row * 3 + k]).as("row %d class %d", row, k).isCloseTo(expected, within(1e-6));
                }
            }
        }
    }
}
