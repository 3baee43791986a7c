package org.trustml.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import org.junit.jupiter.api.Test;

/**
 * The same-engine path (the block runs on the batch as it is). The cross-engine path, TensorFlow block and
 * PyTorch batch, is tested where both engines are on the classpath (SavedModelTargetTest, SavedModelLimeTest).
 */
class CrossEngineTest {

    @Test
    void sameEngineRunsTheBlockOnTheBatchItself() {
        LambdaBlock twice = new LambdaBlock(list -> new NDList(list.singletonOrThrow().mul(2)));
        try (NDManager model = NDManager.newBaseManager(); NDManager caller = NDManager.newBaseManager()) {
            NDArray batch = caller.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray out = CrossEngine.forward(twice, model, batch);
            // hand computation: 2·x
            assertThat(out.toFloatArray()).containsExactly(2, 4, 6, 8);
            assertThat(out.getShape()).isEqualTo(new Shape(2, 2));
            assertThat(out.getManager()).isSameAs(caller);
        }
    }
}
