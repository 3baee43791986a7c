package org.trustml.adversarial;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;

/** Linear classifiers z = W x + b as DJL blocks, for closed-form checks. */
final class LinearModels {
    private LinearModels() {}

    /** A block computing x·Wᵀ + b with constant W (classes × features) and b; W and b live in {@code manager}. */
    static GradientClassifier linear(NDManager manager, float[][] w, float[] b) {
        int classes = w.length;
        int features = w[0].length;
        float[] flat = new float[classes * features];
        for (int k = 0; k < classes; k++) {
            System.arraycopy(w[k], 0, flat, k * features, features);
        }
        // transposed once here: an op on W inside the block would attach a new array to W's manager on every pass
        NDArray weightsT = manager.create(flat, new Shape(classes, features)).transpose();
        NDArray bias = manager.create(b);
        LambdaBlock block = new LambdaBlock(list -> {
            NDArray x = list.singletonOrThrow();
            return new NDList(x.reshape(x.getShape().get(0), -1).matMul(weightsT).add(bias));
        }, "linear");
        return Models.block("linear", block, ClassifierOutput.LOGITS, Device.cpu());
    }
}
