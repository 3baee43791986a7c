package org.trustml.vision.train;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.ContentHash;

/**
 * How to train an image classifier; the train stage's provenance.
 *
 * @param architecture   the network
 * @param inputSize      images are resized to {@code inputSize × inputSize} RGB, values in [0, 1]
 * @param epochs         the most epochs to run
 * @param batchSize      images per step
 * @param learningRate   Adam's learning rate
 * @param flip           augment with random horizontal flips (p = 0.5)
 * @param crop           augment with random crops: pad by {@code inputSize / 8} zeros on each side,
 *                       cut a random {@code inputSize²} window (as torchvision's
 *                       {@code RandomCrop(size, padding)})
 * @param patience       stop after this many epochs without a better validation accuracy (0: never)
 * @param initialWeights what to fine-tune from instead of random initialisation: DJL parameters
 *                       ({@code .params}, saved by trustml or DJL for the same architecture and
 *                       classes), or for {@link Architecture#TORCHSCRIPT} (where it is required) the
 *                       TorchScript file ({@code .pt}) holding the network and its weights
 * @param initialWeightsHash {@code sha256:…} of the {@code initialWeights} file when the
 *                       configuration was made (present exactly when {@code initialWeights} is);
 *                       training refuses a file that has changed since
 */
public record ImageClassifierConfig(Architecture architecture, int inputSize, int epochs, int batchSize,
        double learningRate, boolean flip, boolean crop, int patience, Optional<String> initialWeights,
        Optional<String> initialWeightsHash) {
    public ImageClassifierConfig {
        requireNonNull(architecture, "architecture");
        requireNonNull(initialWeights, "initialWeights");
        requireNonNull(initialWeightsHash, "initialWeightsHash");
        if (architecture == Architecture.TORCHSCRIPT && initialWeights.isEmpty()) {
            throw InvalidInputException.problem("is missing").column("initialWeights")
                    .expected("the TorchScript file (.pt) to fine-tune, required by architecture TORCHSCRIPT").build();
        }
        if (initialWeights.isPresent() != initialWeightsHash.isPresent()) {
            throw InvalidInputException.problem("does not go with initialWeights " + initialWeights.orElse("(none)"))
                    .column("initialWeightsHash").value(initialWeightsHash.orElse("(none)"))
                    .expected("a hash exactly when there is an initial-weights file").build();
        }
        positive("inputSize", inputSize, 8);
        positive("epochs", epochs, 1);
        positive("batchSize", batchSize, 1);
        if (!(learningRate > 0 && learningRate < 10)) {
            throw InvalidInputException.problem("is not a learning rate").column("learningRate").value(learningRate)
                    .expected("a number in (0, 10)").build();
        }
        if (patience < 0) {
            throw InvalidInputException.problem("is negative").column("patience").value(patience)
                    .expected("0 (no early stopping) or more epochs").build();
        }
    }

    /**
     * The same, hashing the {@code initialWeights} file (if any) now.
     *
     * @throws InvalidInputException if that file does not exist
     */
    public ImageClassifierConfig(Architecture architecture, int inputSize, int epochs, int batchSize,
            double learningRate, boolean flip, boolean crop, int patience, Optional<String> initialWeights) {
        this(architecture, inputSize, epochs, batchSize, learningRate, flip, crop, patience, initialWeights,
                initialWeights.map(ImageClassifierConfig::hashOf));
    }

    private static String hashOf(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw InvalidInputException.problem("does not exist").file(path)
                    .expected("an initial-weights file (DJL .params, or TorchScript .pt)").build();
        }
        return ContentHash.ofFile(path);
    }

    private static void positive(String name, int v, int min) {
        if (v < min) {
            throw InvalidInputException.problem("is too small").column(name).value(v).expected("at least " + min).build();
        }
    }

    /** MobileNetV2 at 224², 10 epochs, batch 32, learning rate 1e-3, flips and crops, patience 3. */
    public static ImageClassifierConfig mobileNetV2() {
        return new ImageClassifierConfig(Architecture.MOBILENET_V2, 224, 10, 32, 1e-3, true, true, 3, Optional.empty());
    }

    /**
     * Fine-tuning the TorchScript classifier in {@code file} (logits over the dataset's classes, in
     * its class order) at 224², 10 epochs, batch 32, learning rate 1e-4, flips and crops, patience 3.
     */
    public static ImageClassifierConfig torchScript(Path file) {
        return new ImageClassifierConfig(Architecture.TORCHSCRIPT, 224, 10, 32, 1e-4, true, true, 3,
                Optional.of(file.toString()));
    }

    /** The same with another architecture. */
    public ImageClassifierConfig withArchitecture(Architecture a) {
        return new ImageClassifierConfig(a, inputSize, epochs, batchSize, learningRate, flip, crop, patience, initialWeights,
                initialWeightsHash);
    }

    /** The same with another input size. */
    public ImageClassifierConfig withInputSize(int size) {
        return new ImageClassifierConfig(architecture, size, epochs, batchSize, learningRate, flip, crop, patience, initialWeights,
                initialWeightsHash);
    }

    /** The same with other epochs and batch size. */
    public ImageClassifierConfig withSchedule(int maxEpochs, int batch, double rate) {
        return new ImageClassifierConfig(architecture, inputSize, maxEpochs, batch, rate, flip, crop, patience, initialWeights,
                initialWeightsHash);
    }

    /** The same with other augmentation. */
    public ImageClassifierConfig withAugmentation(boolean randomFlip, boolean randomCrop) {
        return new ImageClassifierConfig(architecture, inputSize, epochs, batchSize, learningRate, randomFlip, randomCrop,
                patience, initialWeights, initialWeightsHash);
    }

    /** The same with another early-stopping patience. */
    public ImageClassifierConfig withPatience(int epochsWithoutImprovement) {
        return new ImageClassifierConfig(architecture, inputSize, epochs, batchSize, learningRate, flip, crop,
                epochsWithoutImprovement, initialWeights, initialWeightsHash);
    }

    /**
     * The same, fine-tuning from a DJL parameter file (or, for {@link Architecture#TORCHSCRIPT}, a
     * TorchScript file); hashes it now.
     */
    public ImageClassifierConfig withInitialWeights(Path params) {
        return new ImageClassifierConfig(architecture, inputSize, epochs, batchSize, learningRate, flip, crop, patience,
                Optional.of(params.toString()));
    }
}
