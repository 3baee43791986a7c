package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.TabularModel;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.train.TrainedModel;

/**
 * A trained model as a package holds it, whatever trained it: one model file (checked against the hash
 * its train stage recorded), the {@code model.json} that says how to load it, its {@link Signature},
 * and any text files its runtime reads beside it. {@link ModelRegistry} writes every kind the same
 * way (checksums, manifests, evaluation, verdict). Made by {@link #of(TrainedModel)} (image
 * classifiers), {@link #of(TabularModel)} (Tribuo tabular classifiers) or {@link #of(MetricSource)}
 * (the model of an image or tabular evaluation).
 */
public sealed interface PublishableModel permits ImagePackaging, TabularPackaging {
    /** The model file as the train stage wrote it. */
    Path source();

    /** {@code sha256:} of {@link #source()} as the train stage recorded it. */
    String sourceHash();

    /** The model file's name inside the package. */
    String packagedFile();

    /** What the model takes and gives. */
    Signature signature();

    /** The {@code model.json} of this model published as {@code name} {@code version}. */
    PackagedModel describe(String name, String version);

    /** Text files its runtime reads beside the model file (DJL's synset and serving properties), by path. */
    Map<String, String> sideFiles(PackagedModel packaged);

    /** An image classifier: DJL parameters (or TorchScript), synset and DJL Serving properties. */
    static PublishableModel of(TrainedModel model) {
        return new ImagePackaging(requireNonNull(model, "model"));
    }

    /** A Tribuo tabular classifier: its model file and its input columns with their types. */
    static PublishableModel of(TabularModel model) {
        return new TabularPackaging(requireNonNull(model, "model"));
    }

    /** The model an image or tabular evaluation evaluated. */
    static PublishableModel of(MetricSource evaluation) {
        requireNonNull(evaluation, "evaluation");
        if (evaluation instanceof ImageEvaluation e) {
            return of(e.model());
        }
        if (evaluation instanceof TabularEvaluation e) {
            return of(e.model());
        }
        throw InvalidInputException.problem("carries no model to publish").value(evaluation.getClass().getSimpleName())
                .expected("an ImageEvaluation or a TabularEvaluation (from an evaluate stage)").build();
    }
}
