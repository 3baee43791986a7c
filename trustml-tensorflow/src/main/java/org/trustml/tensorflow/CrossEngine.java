package org.trustml.tensorflow;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Runs a DJL block in inference mode on inputs that may live on another engine. DJL's engines do not
 * take each other's arrays (a TensorFlow block fed a PyTorch array fails with a {@code ClassCastException}),
 * while trustml's explainers and attacks build their batches on the default engine (PyTorch when it is on
 * the classpath). When the engines differ, the batch is copied (as float32) into a sub-manager of the
 * model's manager, and the output is copied back onto the batch's manager; when they are the same,
 * the block runs on the batch directly.
 */
public final class CrossEngine {
    private CrossEngine() {}

    /**
     * The block's single output for {@code batch}, attached to {@code batch}'s manager (or, on the same
     * engine, to whatever manager the block attaches it to, as a plain forward pass does).
     *
     * @param block the model's block
     * @param modelManager the model's manager (it decides the engine the block runs on)
     * @param batch the inputs, float32
     */
    public static NDArray forward(Block block, NDManager modelManager, NDArray batch) {
        requireNonNull(block, "block");
        requireNonNull(modelManager, "modelManager");
        requireNonNull(batch, "batch");
        NDManager home = batch.getManager();
        if (home.getEngine() == modelManager.getEngine()) {
            return block.forward(new ParameterStore(home, false), new NDList(batch), false).singletonOrThrow();
        }
        try (NDManager scratch = modelManager.newSubManager()) {
            NDArray in = scratch.create(batch.toType(DataType.FLOAT32, false).toFloatArray(), batch.getShape());
            NDArray out = block.forward(new ParameterStore(scratch, false), new NDList(in), false).singletonOrThrow();
            return home.create(out.toType(DataType.FLOAT32, false).toFloatArray(), out.getShape());
        }
    }
}
