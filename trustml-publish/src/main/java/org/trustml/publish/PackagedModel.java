package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.tabular.TabularModel;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

/**
 * {@code model.json} of a package: which kind of model it is and what it takes to load it again.
 * The fields every model has come first; {@code architecture}, {@code inputSize} and {@code bestEpoch}
 * are an image classifier's, {@code tabular} a tabular classifier's. A {@code model.json} without
 * {@code kind} (written before tabular models could be published) is an image classifier's.
 *
 * @param schemaVersion this layout's version
 * @param name          the published model's name
 * @param version       the published version
 * @param kind          what the model is, and so what loads it
 * @param paramsFile    the model file inside the package: DJL parameters or TorchScript
 *                      ({@value ModelPackage#MODEL_PARAMS}), or a Tribuo model ({@value ModelPackage#TRIBUO_MODEL})
 * @param paramsHash    {@code sha256:} of that file
 * @param classes       labels by output index
 * @param architecture  the network (image classifiers)
 * @param inputSize     square input side (image classifiers; 0 otherwise)
 * @param bestEpoch     the training epoch whose parameters these are (image classifiers; 0 otherwise)
 * @param tabular       the input columns (tabular classifiers)
 */
public record PackagedModel(int schemaVersion, String name, String version, ModelKind kind, String paramsFile,
        String paramsHash, List<String> classes, Optional<Architecture> architecture, int inputSize, int bestEpoch,
        Optional<PackagedColumns> tabular) {
    /** The layout this version writes (2 added {@code kind} and {@code tabular}). */
    public static final int SCHEMA_VERSION = 2;

    public PackagedModel {
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        kind = kind == null ? ModelKind.IMAGE_CLASSIFIER : kind;
        requireNonNull(paramsFile, "paramsFile");
        requireNonNull(paramsHash, "paramsHash");
        classes = List.copyOf(classes);
        architecture = architecture == null ? Optional.empty() : architecture;
        tabular = tabular == null ? Optional.empty() : tabular;
        if (kind == ModelKind.IMAGE_CLASSIFIER && (architecture.isEmpty() || inputSize < 1)) {
            throw InvalidInputException.problem("lacks the network").column("architecture")
                    .expected("an image classifier's architecture and inputSize >= 1").build();
        }
        if (kind == ModelKind.TABULAR_CLASSIFIER && tabular.isEmpty()) {
            throw InvalidInputException.problem("lacks its input columns").column("tabular")
                    .expected("a tabular classifier's algorithm, label, features and their types").build();
        }
    }

    /** The trained image classifier whose parameters are in {@code packageDir}; its dataset is the package itself. */
    public TrainedModel trainedModel(Path packageDir) {
        requireKind(ModelKind.IMAGE_CLASSIFIER, packageDir);
        return new TrainedModel(architecture.orElseThrow(), packageDir.resolve(paramsFile), paramsHash, classes,
                inputSize, bestEpoch, List.of(), packageDir);
    }

    /**
     * The tabular classifier whose Tribuo model is in {@code packageDir}. A package holds no data, so its
     * {@link TabularModel#heldOut()} is the package folder and {@link TabularModel#columnTypes()} are the
     * feature columns' types.
     */
    public TabularModel tabularModel(Path packageDir) {
        requireKind(ModelKind.TABULAR_CLASSIFIER, packageDir);
        PackagedColumns c = tabular.orElseThrow();
        return new TabularModel(c.algorithm(), c.label(), c.features(), classes, packageDir.resolve(paramsFile),
                paramsHash, packageDir, c.featureTypes(), c.trainRows(), c.testRows());
    }

    private void requireKind(ModelKind wanted, Path packageDir) {
        if (kind != wanted) {
            throw InvalidInputException.problem("holds a model of another kind").file(packageDir).value(kind)
                    .expected("a package of " + wanted).build();
        }
    }

    /** One line for people: kind, classes and what it takes. */
    public String describe() {
        return switch (kind) {
            case IMAGE_CLASSIFIER -> architecture.orElseThrow() + ", " + classes.size() + " classes, " + inputSize + "x"
                    + inputSize + " input";
            case TABULAR_CLASSIFIER -> tabular.orElseThrow().algorithm() + ", " + classes.size() + " classes, "
                    + tabular.orElseThrow().features().size() + " input columns";
        };
    }
}
