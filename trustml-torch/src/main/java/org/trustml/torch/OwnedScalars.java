package org.trustml.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Scalars for arithmetic that autograd records, held in memory libtorch owns.
 *
 * <p>Why: DJL 0.35.1's PyTorch engine turns the number in {@code x.mul(0.5f)}, {@code x.div(n)},
 * {@code x.pow(2)}, {@code x.minimum(6)} and the like into a 0-d tensor over a Java direct buffer
 * ({@code torch::from_blob}, no copy) and closes that array as soon as the operation returns. Autograd keeps
 * the tensor for the backward pass, but once the garbage collector reclaims the buffer its memory is freed
 * and reused, so a backward pass after a collection reads whatever is there now. Measured in this
 * repository: with a collection every 5 ms, 8 of 8 trainings of the same small MobileNetV2 from the same
 * seed ended with weights different from each other; in one step every gradient was exactly 0 (the loss's
 * {@code mul(weight)} read 0 instead of 1). Without forced collections, 1 in 8 pairs of concurrent trainings
 * differed, and the drift autoencoder saw NaN gradients in 2 of 40 identical calls. DJL's own
 * {@code SoftmaxCrossEntropyLoss} and {@code L2Loss} ({@code mul(weight)}) and {@code Activation.relu6}
 * ({@code minimum(6)}) are affected; {@code relu}, {@code sigmoid}, convolutions, batch norm and
 * tensor-with-tensor arithmetic are not.
 *
 * <p>The remedy is to make the scalar with {@code NDManager.full}, which libtorch allocates and frees by
 * reference count: closing the Java array then leaves the graph's reference intact. Use these methods for
 * every number that enters a computation a gradient is taken through; arithmetic outside a
 * {@code GradientCollector} is safe as DJL writes it (the result is computed before the buffer is released).
 */
public final class OwnedScalars {
    /** The name DJL gives its ReLU6 blocks ({@code Activation.relu6Block()}). */
    static final String DJL_RELU6 = "ReLU6";
    /** The name of the replacements (a LambdaBlock's name is not part of the parameter file). */
    static final String OWNED_RELU6 = "ReLU6OwnedScalar";

    private OwnedScalars() {}

    /**
     * A 0-d array holding {@code value}, of {@code like}'s type, on {@code like}'s manager, in memory libtorch
     * owns. {@code NDManager.full} takes a float: the value is rounded to float first.
     */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    /** {@code a · value}, safe to differentiate through. */
    public static NDArray mul(NDArray a, double value) {
        try (NDArray s = of(a, value)) {
            return a.mul(s);
        }
    }

    /** min(max(x, 0), 6) as DJL's {@code Activation.relu6} computes it, safe to differentiate through. */
    public static NDArray relu6(NDArray x) {
        NDArray r = x.getNDArrayInternal().relu();
        try (NDArray six = of(r, 6)) {
            return r.minimum(six);
        }
    }

    /**
     * Replaces, in place, every ReLU6 block of DJL's ({@code Activation.relu6Block()}) inside {@code block}
     * by one that computes {@link #relu6}. The tree keeps its shape and its children's names, so parameter
     * files written before still load.
     *
     * @return {@code block}, for chaining
     */
    public static Block withOwnedRelu6(Block block) {
        rewrite(block);
        return block;
    }

    /** The number of DJL ReLU6 blocks inside {@code block} (0 after {@link #withOwnedRelu6}). */
    public static int djlRelu6Count(Block block) {
        int n = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            Block b = child.getValue();
            n += isDjlRelu6(b) ? 1 : djlRelu6Count(b);
        }
        return n;
    }

    private static void rewrite(Block block) {
        List<Block> children = new ArrayList<>();
        for (Pair<String, Block> child : block.getChildren()) {
            children.add(child.getValue());
        }
        children.forEach(OwnedScalars::rewrite);
        if (!(block instanceof SequentialBlock seq) || children.stream().noneMatch(OwnedScalars::isDjlRelu6)) {
            return;
        }
        // a SequentialBlock names a child by its position and class, so re-adding the same sequence with a
        // LambdaBlock in place of a LambdaBlock keeps every child's name (and the parameter file's layout)
        for (int i = 0; i < children.size(); i++) {
            seq.removeLastBlock();
        }
        for (Block b : children) {
            seq.add(isDjlRelu6(b) ? new LambdaBlock(list -> new NDList(relu6(list.singletonOrThrow())), OWNED_RELU6) : b);
        }
    }

    private static boolean isDjlRelu6(Block b) {
        return b instanceof LambdaBlock l && DJL_RELU6.equals(l.getName());
    }
}
