package org.trustml.adversarial;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import org.trustml.adversarial.internal.TorchScriptForward;

/**
 * A TorchScript model loaded by {@link Models#torchScript}: a classifier with gradients w.r.t. its
 * inputs. Owns the native model; close it when done.
 */
public final class TorchScriptModel extends NamedClassifier implements GradientClassifier, AutoCloseable {
    private final ZooModel<NDList, NDList> model;

    TorchScriptModel(String name, ZooModel<NDList, NDList> model, ClassifierOutput outputKind) {
        super(name, outputKind);
        this.model = model;
        TorchScriptForward.evalMode(model.getBlock());
    }

    @Override
    public Device device() {
        return model.getNDManager().getDevice();
    }

    /** Forward pass with autograd, module in eval mode (see {@code TorchScriptForward}). */
    @Override
    public NDArray forward(NDArray batch) {
        return TorchScriptForward.forwardWithAutograd(model.getBlock(), batch);
    }

    /** Forward pass in eval mode without autograd. */
    @Override
    public NDArray predict(NDArray batch) {
        ParameterStore store = new ParameterStore(batch.getManager(), false);
        return model.getBlock().forward(store, new NDList(batch), false).singletonOrThrow();
    }

    /** The same model seen without gradients (what a transfer target looks like). */
    public Classifier withoutGradients() {
        return Models.predictOnly(name(), outputKind(), this::predict);
    }

    @Override
    public void close() {
        model.close();
    }
}
