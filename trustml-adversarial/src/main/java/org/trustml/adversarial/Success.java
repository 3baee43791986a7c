package org.trustml.adversarial;

import ai.djl.ndarray.NDArray;

/** ART's {@code compute_success_array}: which adversarial examples succeed. */
final class Success {
    private Success() {}

    /**
     * Untargeted: the predicted class of x_adv differs from that of x. Targeted: the predicted class
     * of x_adv is the target.
     */
    static boolean[] of(Classifier model, NDArray x, NDArray adv, NDArray labels, boolean targeted) {
        long[] advPred = argMax(model.predict(adv));
        long[] reference = targeted ? labels.toLongArray() : argMax(model.predict(x));
        boolean[] ok = new boolean[advPred.length];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = targeted ? advPred[i] == reference[i] : advPred[i] != reference[i];
        }
        return ok;
    }

    /** Row-wise argmax of scores (N, classes); the result array is closed here. */
    static long[] argMax(NDArray scores) {
        try (NDArray idx = scores.argMax(1)) {
            return idx.toLongArray();
        }
    }
}
