package org.trustml.explain;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import org.trustml.core.TrustmlException;
import org.trustml.tensorflow.CrossEngine;
import org.trustml.tensorflow.SavedModel;

/**
 * What LIME needs from a model: predictions for a batch. The input is a batch NDArray (for images
 * {@code [N, 3, H, W]} float RGB in [0, 1] unless the explainer is told otherwise; for tables
 * {@code [N, d]} float); the output is {@code [N, K]} (or {@code [N]} for a single regression output).
 * The returned array may belong to any manager; the explainer copies it out at once.
 */
@FunctionalInterface
public interface BatchModel {
    /** Predictions for every row of {@code batch}. */
    NDArray predict(NDArray batch);

    /**
     * This model as a {@link RowModel} over plain rows: each call packs its rows into one {@code [N, d]} float32
     * NDArray made in a sub-manager of {@code manager} (closed after the call) and copies the {@code [N, K]} (or
     * {@code [N]}) output out as doubles, unconverted.
     */
    default RowModel<double[]> overRows(NDManager manager) {
        return inputs -> {
            if (inputs.isEmpty()) {
                return new double[0][];
            }
            int d = inputs.get(0).length;
            try (NDManager m = manager.newSubManager()) {
                float[] flat = new float[inputs.size() * d];
                for (int i = 0; i < inputs.size(); i++) {
                    for (int j = 0; j < d; j++) {
                        flat[i * d + j] = (float) inputs.get(i)[j];
                    }
                }
                NDArray out = predict(m.create(flat, new Shape(inputs.size(), d)));
                long[] s = out.getShape().getShape();
                int k = s.length == 1 ? 1 : (int) s[1];
                double[] v = out.toType(DataType.FLOAT64, false).toDoubleArray();
                double[][] result = new double[inputs.size()][k];
                for (int i = 0; i < result.length; i++) {
                    System.arraycopy(v, i * k, result[i], 0, k);
                }
                return result;
            }
        };
    }

    /** A DJL predictor over {@link NDList}s (e.g. a TorchScript model with a {@code NoopTranslator}). */
    static BatchModel of(Predictor<NDList, NDList> predictor) {
        return batch -> {
            try {
                return predictor.predict(new NDList(batch)).singletonOrThrow();
            } catch (TranslateException e) {
                throw new TrustmlException("the model failed to predict a batch of shape " + batch.getShape()
                        + ": " + e.getMessage(), e);
            }
        };
    }

    /**
     * A DJL model loaded with {@code NDList} in and out, on any engine: when the model's engine is not the
     * batch's (a TensorFlow SavedModel fed by the explainer's PyTorch arrays), the batch is copied across
     * ({@link CrossEngine}). Close the {@link ZooModel} when done.
     */
    static BatchModel of(ZooModel<NDList, NDList> model) {
        return batch -> CrossEngine.forward(model.getBlock(), model.getNDManager(), batch);
    }

    /**
     * A TensorFlow SavedModel ({@link SavedModel#load}): LIME needs predictions only, which DJL's TensorFlow
     * engine gives. Close the SavedModel when done.
     */
    static BatchModel of(SavedModel model) {
        return model::predict;
    }
}
