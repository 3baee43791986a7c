package org.trustml.adversarial;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import org.trustml.tensorflow.SavedModel;

/**
 * A TensorFlow SavedModel loaded by {@link Models#savedModel}: a predict-only {@link Classifier} on DJL's
 * TensorFlow engine, which has no gradients. Attack it by transfer:
 * {@code Robustness.transfer(surrogate, savedModel)}. Owns the native model; close it when done.
 */
public final class SavedModelClassifier extends NamedClassifier implements AutoCloseable {
    private final SavedModel model;

    SavedModelClassifier(SavedModel model, ClassifierOutput outputKind) {
        super(model.name(), outputKind);
        this.model = model;
    }

    /** The SavedModel directory. */
    public Path directory() {
        return model.directory();
    }

    /** The signature's output for the batch, copied onto the batch's manager (inputs may live on any engine). */
    @Override
    public NDArray predict(NDArray batch) {
        return model.predict(batch);
    }

    @Override
    public void close() {
        model.close();
    }
}
