package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

/**
 * {@code model.json} of a package: what it takes to rebuild the network around {@code model-0000.params}.
 *
 * @param schemaVersion this layout's version
 * @param name          the published model's name
 * @param version       the published version
 * @param architecture  the network
 * @param paramsFile    the DJL parameter file inside the package
 * @param paramsHash    {@code sha256:} of that file
 * @param classes       labels by output index
 * @param inputSize     square input side
 * @param bestEpoch     the training epoch whose parameters these are
 */
public record PackagedModel(int schemaVersion, String name, String version, Architecture architecture,
        String paramsFile, String paramsHash, List<String> classes, int inputSize, int bestEpoch) {
    /** The layout this version writes. */
    public static final int SCHEMA_VERSION = 1;

    public PackagedModel {
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        requireNonNull(architecture, "architecture");
        requireNonNull(paramsFile, "paramsFile");
        requireNonNull(paramsHash, "paramsHash");
        classes = List.copyOf(classes);
    }

    /** The trained model whose parameters are in {@code packageDir}; its dataset is the package itself. */
    public TrainedModel trainedModel(Path packageDir) {
        return new TrainedModel(architecture, packageDir.resolve(paramsFile), paramsHash, classes, inputSize, bestEpoch,
                List.of(), packageDir);
    }
}
