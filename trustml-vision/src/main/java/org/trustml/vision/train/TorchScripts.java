package org.trustml.vision.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.InputFiles;
import org.trustml.torch.ConvolutionGradients;

/**
 * Reads TorchScript classifiers ({@code torch.jit.save}) onto DJL's PyTorch engine, checks that
 * they fit a dataset, and writes them back as TorchScript.
 */
public final class TorchScripts {
    private TorchScripts() {}

    /**
     * Loads {@code file} as a model on the PyTorch engine, its parameters trainable (for fine-tuning)
     * or frozen (for inference); the caller closes it.
     *
     * @throws InvalidInputException if the file does not exist or is not TorchScript
     */
    public static Model load(Path file, boolean trainable) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.problem("does not exist").file(file).expected("a TorchScript .pt file").build();
        }
        if (!looksLikeZip(file)) {
            throw notTorchScript(file, null);
        }
        ConvolutionGradients.ensureCorrect();
        Model model = Model.newInstance(TrainedModel.MODEL_NAME, "PyTorch");
        try {
            model.load(file, null, Map.of("trainParam", String.valueOf(trainable)));
            return model;
        } catch (MalformedModelException | EngineException e) {
            model.close();
            throw notTorchScript(file, e);
        } catch (IOException e) {
            model.close();
            throw InputFiles.readFailure(file, e, "a TorchScript .pt file");
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Runs {@code image} ({@code [3, size, size]}) through the model in inference mode and checks that it gives
     * one logit per class.
     *
     * @throws InvalidInputException naming {@code file}, the output shape and the classes if it does not, or if
     *     the network does not take {@code [1, 3, size, size]} images
     */
    public static void checkOutput(Model model, Path file, float[] image, int size, List<String> classes) {
        Shape out;
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList x = new NDList(m.create(image, new Shape(1, 3, size, size)));
            try {
                out = model.getBlock().forward(new ParameterStore(m, false), x, false).singletonOrThrow().getShape();
            } catch (EngineException | IllegalArgumentException | IndexOutOfBoundsException e) {
                throw InvalidInputException.problem("does not take images of shape [1, 3, " + size + ", " + size + "]: "
                        + e.getMessage()).file(file)
                        .expected("a network over RGB in [0, 1] at the configured input size").build(e);
            }
        }
        if (out.dimension() != 2 || out.get(1) != classes.size()) {
            throw InvalidInputException.problem("gives output of shape " + out + ", not " + classes.size()
                    + " logits per image").file(file).value(out.dimension() == 2 ? out.get(1) : out)
                    .expected("logits over exactly the dataset's classes " + classes + ", in this order").build();
        }
    }

    /** The model's network and current weights as a TorchScript file's bytes (what {@code torch.jit.load} reads). */
    public static byte[] save(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JniUtils.writeModule((PtSymbolBlock) model.getBlock(), out, false);
        return out.toByteArray();
    }

    /** Whether {@code file} starts as a zip archive does (TorchScript files are zip archives). */
    public static boolean looksLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e, "a TorchScript .pt file");
        }
    }

    /** The error for a file that is not TorchScript; {@code cause} may be null. */
    public static InvalidInputException notTorchScript(Path file, Exception cause) {
        InvalidInputException.Builder b = InvalidInputException.problem("is not a TorchScript file").file(file)
                .expected("a model saved with torch.jit.save (a zip archive holding code/ and data.pkl)");
        return cause == null ? b.build() : b.build(cause);
    }
}
