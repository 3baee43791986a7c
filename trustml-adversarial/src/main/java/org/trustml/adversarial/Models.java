package org.trustml.adversarial;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.InputFiles;
import org.trustml.tensorflow.SavedModel;
import org.trustml.torch.ConvolutionGradients;
import org.trustml.vision.train.TorchScripts;

/** Makes {@link Classifier}s from TorchScript files, TensorFlow SavedModels, DJL blocks and plain functions. */
public final class Models {
    private Models() {}

    /**
     * Loads a TorchScript file ({@code torch.jit.save}/{@code trace}) on DJL's PyTorch engine with
     * gradients w.r.t. the inputs ({@code trainParam=true}). The parameters' own gradients are turned
     * off, since attacks only need ∂L/∂x. Close the returned model to free it.
     *
     * @throws InvalidInputException if the file does not exist, is a TensorFlow SavedModel (which has
     *     no gradients: use transfer mode), or is not TorchScript
     */
    public static TorchScriptModel torchScript(Path file, ClassifierOutput outputKind) {
        requireNonNull(file, "file");
        requireNonNull(outputKind, "outputKind");
        if (!Files.exists(file)) {
            throw InvalidInputException.problem("does not exist").file(file).expected("a TorchScript .pt file").build();
        }
        if (SavedModel.isSavedModel(file)) {
            throw noGradients(file);
        }
        if (Files.isDirectory(file) || !TorchScripts.looksLikeZip(file)) {
            throw TorchScripts.notTorchScript(file, null);
        }
        ConvolutionGradients.ensureCorrect();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file).optEngine("PyTorch").optTranslator(new NoopTranslator())
                .optOption("trainParam", "true").build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (MalformedModelException | ModelNotFoundException | EngineException e) {
            throw TorchScripts.notTorchScript(file, e);
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e, "a TorchScript .pt file");
        }
        for (Parameter p : model.getBlock().getParameters().values()) {
            if (p.isInitialized()) {
                p.getArray().setRequiresGradient(false);
            }
        }
        return new TorchScriptModel(file.getFileName().toString(), model, outputKind);
    }

    /**
     * Loads a TensorFlow SavedModel directory on DJL's TensorFlow engine as a predict-only classifier: a
     * transfer-attack target (that engine has no gradients, so gradient attacks on it fail with a message
     * pointing to transfer mode). Its {@code serving_default} signature must take one float input shaped as
     * the attack's inputs and give (N, classes) scores. Needs {@code ai.djl.tensorflow:tensorflow-engine} and
     * {@code org.tensorflow:tensorflow-core-native:1.0.0-rc.1:linux-x86_64} at run time (see
     * {@link SavedModel}). Close the returned model to free it.
     *
     * @throws InvalidInputException if the directory does not exist, holds no {@code saved_model.pb} or cannot
     *     be loaded
     */
    public static SavedModelClassifier savedModel(Path directory, ClassifierOutput outputKind) {
        requireNonNull(directory, "directory");
        requireNonNull(outputKind, "outputKind");
        return new SavedModelClassifier(SavedModel.load(directory), outputKind);
    }

    /**
     * A DJL {@link Block} (initialised, e.g. trained in trustml) as a classifier with gradients. Its
     * parameters are used as they are (the caller owns the block).
     */
    public static GradientClassifier block(String name, Block block, ClassifierOutput outputKind, Device device) {
        requireNonNull(name, "name");
        requireNonNull(block, "block");
        requireNonNull(outputKind, "outputKind");
        requireNonNull(device, "device");
        return new BlockClassifier(name, block, outputKind, device);
    }

    /**
     * A predict-only classifier (for example a TensorFlow SavedModel served by DJL's TensorFlow
     * engine, or any remote model): usable as a transfer-attack target, not for gradient attacks.
     */
    public static Classifier predictOnly(String name, ClassifierOutput outputKind, UnaryOperator<NDArray> predict) {
        requireNonNull(predict, "predict");
        return new NamedClassifier(name, outputKind) {
            @Override
            public NDArray predict(NDArray batch) {
                return predict.apply(batch);
            }
        };
    }

    static InvalidInputException noGradients(Object what) {
        InvalidInputException.Builder b = InvalidInputException.problem(
                "has no gradients (a TensorFlow model on DJL's TensorFlow engine cannot be attacked with FGSM/PGD directly)")
                .expected("a model with gradients; use transfer mode: craft the examples on a surrogate TorchScript"
                        + " model and evaluate them on this one (Robustness.transfer(surrogate, target), CLI --target-model)");
        if (what instanceof Path p) {
            b.file(p);
        } else {
            b.value(what);
        }
        return b.build();
    }

    /** A DJL block run with a parameter store on one device. */
    private static final class BlockClassifier extends NamedClassifier implements GradientClassifier {
        private final Block block;
        private final Device device;

        BlockClassifier(String name, Block block, ClassifierOutput outputKind, Device device) {
            super(name, outputKind);
            this.block = block;
            this.device = device;
        }

        @Override
        public Device device() {
            return device;
        }

        @Override
        public NDArray forward(NDArray batch) {
            ParameterStore store = new ParameterStore(batch.getManager(), false);
            return block.forward(store, new NDList(batch), false).singletonOrThrow();
        }

        @Override
        public NDArray predict(NDArray batch) {
            return forward(batch);
        }
    }
}
