package org.trustml.smile.internal;

import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;

/** A fitted Smile classifier over feature rows, whichever of Smile's two model interfaces it has. */
public sealed interface SmileModel {
    /**
     * Smile's predicted class index for each row of {@code x} ({@code [row][feature]}), filling
     * {@code posteriori[row]} with the class probabilities.
     */
    int[] predict(double[][] x, double[][] posteriori);

    /** A model over {@code double[]} rows (logistic regression). */
    record OverArrays(Classifier<double[]> model) implements SmileModel {
        @Override
        public int[] predict(double[][] x, double[][] posteriori) {
            int[] out = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = model.predict(x[i], posteriori[i]);
            }
            return out;
        }
    }

    /**
     * A model over data frames (the tree ensembles), fed a frame of double columns named as the features.
     * Smile binds the model's formula to each frame's schema on the fly (a mutable field of the model),
     * so predictions on one model are made one call at a time.
     */
    record OverFrames(DataFrameClassifier model, String[] names) implements SmileModel {
        @Override
        public int[] predict(double[][] x, double[][] posteriori) {
            int[] out = new int[x.length];
            if (x.length == 0) {
                return out;
            }
            DataFrame frame = DataFrame.of(x, names);
            synchronized (model) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = model.predict(frame.get(i), posteriori[i]);
                }
            }
            return out;
        }
    }
}
