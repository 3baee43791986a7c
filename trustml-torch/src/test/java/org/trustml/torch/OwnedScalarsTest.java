package org.trustml.torch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.basicmodelzoo.cv.classification.MobileNetV2;
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
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OwnedScalarsTest {
    /**
     * A collection, time for the cleaner to free unreachable direct buffers, and many small direct buffers
     * filled with NaN, which take over freed memory: what a backward pass may meet in a busy JVM.
     */
    static List<ByteBuffer> collectAndReuseMemory() throws InterruptedException {
        System.gc();
        Thread.sleep(50);
        List<ByteBuffer> held = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            held.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, Float.NaN));
        }
        return held;
    }

    @Test
    void gradientThroughOwnedScalarsIsRightAfterACollection() throws Exception {
        // y = Σ ½·relu6(x): dy/dx = ½ where 0 < x < 6, else 0 (no x sits on a kink)
        float[] values = {-2.5f, -0.5f, 0.25f, 1.5f, 3f, 5.75f, 6.5f, 9f};
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").getEngineName())) {
            NDArray x = m.create(values);
            x.setRequiresGradient(true);
            try (GradientCollector gc = GradientCollectors.open(Engine.getEngine("PyTorch"))) {
                NDArray y = OwnedScalars.mul(OwnedScalars.relu6(x), 0.5).sum();
                List<ByteBuffer> held = collectAndReuseMemory();
                gc.backward(y);
                assertThat(held).hasSize(20_000);
            }
            assertThat(x.getGradient().toFloatArray()).containsExactly(0f, 0f, 0.5f, 0.5f, 0.5f, 0.5f, 0f, 0f);
        }
    }

    @Test
    void ownedScalarsHaveTheTypeAndValueAsked() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray d = m.create(new double[] {1, 2});
            NDArray s = OwnedScalars.of(d, 0.5);
            assertThat(s.getShape()).isEqualTo(new Shape());
            assertThat(s.getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(s.getDouble()).isEqualTo(0.5);
            assertThat(OwnedScalars.mul(d, 3).toDoubleArray()).containsExactly(3, 6);
        }
    }

    @Test
    void mobileNetV2KeepsItsLayoutAndOutputsWithOwnedRelu6() {
        Block djl = MobileNetV2.builder().setOutSize(3).build();
        Block owned = OwnedScalars.withOwnedRelu6(MobileNetV2.builder().setOutSize(3).build());
        assertThat(OwnedScalars.djlRelu6Count(djl)).isEqualTo(36); // counted in DJL 0.35.1's MobileNetV2
        assertThat(OwnedScalars.djlRelu6Count(owned)).isZero();
        assertThat(names(owned)).isEqualTo(names(djl));
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 3, 32, 32);
            for (Block b : List.of(djl, owned)) {
                b.setInitializer(SeededInitializer.heNormal(11), Parameter.Type.WEIGHT);
                b.initialize(m, DataType.FLOAT32, in);
            }
            float[] x = new float[(int) in.size()];
            SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextDouble();
            }
            NDList input = new NDList(m.create(x, in));
            float[] a = djl.forward(new ParameterStore(m, false), input, false).singletonOrThrow().toFloatArray();
            float[] b = owned.forward(new ParameterStore(m, false), input, false).singletonOrThrow().toFloatArray();
            assertThat(b).containsExactly(a);
        }
    }

    private static List<String> names(Block block) {
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            names.add(p.getKey());
        }
        return names;
    }
}
