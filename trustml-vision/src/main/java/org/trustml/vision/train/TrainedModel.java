package org.trustml.vision.train;

import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import org.trustml.core.run.ContentAddressable;
import org.trustml.vision.images.ImageDecoder;
import org.trustml.vision.images.ImageTensors;

/**
 * A trained image classifier: its best checkpoint as a DJL parameter file (a TorchScript file for
 * {@link Architecture#TORCHSCRIPT}), what it was trained to tell apart, and how each epoch went.
 *
 * @param architecture the network
 * @param params       the DJL parameter file of the best epoch (for {@link Architecture#TORCHSCRIPT}: the
 *                     TorchScript file of the best epoch)
 * @param paramsHash   {@code sha256:…} of that file
 * @param classes      the labels, by output index
 * @param inputSize    the square input size it was trained at
 * @param bestEpoch    the epoch whose parameters were kept (1-based)
 * @param history      one entry per epoch run
 * @param dataset      the root of the {@link org.trustml.vision.images.ImageDataset} it was trained on
 */
public record TrainedModel(Architecture architecture, Path params, String paramsHash, List<String> classes,
        int inputSize, int bestEpoch, List<EpochMetrics> history, Path dataset) implements ContentAddressable {
    /** The model name inside the parameter file. */
    public static final String MODEL_NAME = "trustml-classifier";

    public TrainedModel {
        requireNonNull(architecture, "architecture");
        requireNonNull(params, "params");
        requireNonNull(paramsHash, "paramsHash");
        classes = List.copyOf(classes);
        history = List.copyOf(history);
        requireNonNull(dataset, "dataset");
    }

    /**
     * An untrained network: {@code architecture} with DJL's default initialisers on the default
     * engine, saved as a parameter file in {@code dir}. A baseline, or a stand-in where only the
     * model's shape and cost matter (serving and load tests); epoch 0, no history.
     */
    public static TrainedModel initialised(Architecture architecture, List<String> classes, int inputSize, Path dir) {
        try (Model m = Model.newInstance(MODEL_NAME)) {
            ai.djl.nn.Block block = architecture.newBlock(classes.size(), inputSize);
            m.setBlock(block);
            block.initialize(m.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 3, inputSize, inputSize));
            java.nio.file.Files.createDirectories(dir);
            m.save(dir, MODEL_NAME);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not save the initialised model in " + dir, e);
        }
        Path params = dir.resolve(MODEL_NAME + "-0000.params");
        return new TrainedModel(architecture, params, org.trustml.core.io.ContentHash.ofFile(params), classes, inputSize,
                0, List.of(), dir);
    }

    @Override
    public String contentHash() {
        return paramsHash;
    }

    /**
     * Loads the network with its parameters on the default engine (a {@link Architecture#TORCHSCRIPT}
     * network: from its TorchScript file on the PyTorch engine); the caller closes it.
     */
    public Model load() {
        if (!architecture.isBuilt()) {
            return TorchScripts.load(params, false);
        }
        Model model = Model.newInstance(MODEL_NAME);
        model.setBlock(architecture.newBlock(classes.size(), inputSize));
        try {
            ModelParams.load(model, params);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /**
     * Class probabilities (softmax of the logits, inference mode) for images, one row per image.
     * Images are resized to {@link #inputSize()} as in training.
     */
    public double[][] predictProbabilities(Model model, List<Path> images) {
        double[][] out = new double[images.size()][];
        int plane = 3 * inputSize * inputSize;
        int batch = 64;
        for (int from = 0; from < images.size(); from += batch) {
            int n = Math.min(batch, images.size() - from);
            float[] data = new float[n * plane];
            for (int i = 0; i < n; i++) {
                System.arraycopy(ImageTensors.load(images.get(from + i), inputSize), 0, data, i * plane, plane);
            }
            System.arraycopy(predictProbabilities(model, data, n), 0, out, from, n);
        }
        return out;
    }

    /**
     * Class probabilities for {@code n} images given as one row-major {@code [n, 3, size, size]}
     * float array with values in [0, 1] (the layout {@link #imageTensor} gives), one row per image.
     */
    public double[][] predictProbabilities(Model model, float[] images, int n) {
        int plane = 3 * inputSize * inputSize;
        if (n < 0 || images.length != (long) n * plane) {
            throw new IllegalArgumentException("expected " + n + " x 3 x " + inputSize + " x " + inputSize
                    + " = " + ((long) n * plane) + " floats, got " + images.length);
        }
        double[][] out = new double[n][];
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(images, new Shape(n, 3, inputSize, inputSize));
            NDArray p = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().softmax(1);
            float[] flat = p.toFloatArray();
            int k = classes.size();
            for (int i = 0; i < n; i++) {
                double[] row = new double[k];
                for (int j = 0; j < k; j++) {
                    row[j] = flat[i * k + j];
                }
                out[i] = row;
            }
        }
        return out;
    }

    /**
     * Encoded image bytes (PNG, JPEG, GIF, BMP) as the {@code [3, size, size]} input this model
     * takes: RGB in [0, 1], resized bilinearly to {@link #inputSize()} as in training.
     *
     * @param source names the bytes' origin in the error raised when they are not an image
     */
    public float[] imageTensor(byte[] encoded, String source) {
        return imageTensor(encoded, source, ImageDecoder.defaults());
    }

    /**
     * As {@link #imageTensor(byte[], String)}, decoded by {@code decoder} (whose pixel limit refuses
     * decompression bombs before decoding).
     */
    public float[] imageTensor(byte[] encoded, String source, ImageDecoder decoder) {
        return ImageTensors.decode(encoded, source, inputSize, decoder);
    }
}
