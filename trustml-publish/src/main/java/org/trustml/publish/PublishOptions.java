package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * What to publish as: the publish stage's configuration and provenance.
 *
 * @param modelName  the model's name, a DNS-1123 label ({@link ModelPackage#NAME}) so it can name Kubernetes objects
 * @param version    the version to publish; empty for the next integer after the highest integer version
 * @param force      publish even when the verdict did not bless the model
 * @param modelCard  a model card file ({@code .json}, {@code .yaml} or {@code .yml}) to ship, if any
 * @param deployment how the written manifests deploy the package
 */
public record PublishOptions(String modelName, Optional<String> version, boolean force, Optional<Path> modelCard,
        DeploymentSettings deployment) {
    public PublishOptions {
        if (!ModelPackage.NAME.matcher(requireNonNull(modelName, "modelName")).matches()) {
            throw InvalidInputException.problem("is not a model name").column("modelName").value(modelName)
                    .expected("a DNS-1123 label: 1-63 lower-case letters, digits or '-', not starting or ending with '-'")
                    .build();
        }
        requireNonNull(version, "version");
        version.ifPresent(PublishOptions::checkVersion);
        requireNonNull(modelCard, "modelCard");
        modelCard.ifPresent(PublishOptions::checkCard);
        requireNonNull(deployment, "deployment");
    }

    /** Publishes {@code modelName} as the next version, refusing unblessed models, with default manifests. */
    public static PublishOptions named(String modelName) {
        return new PublishOptions(modelName, Optional.empty(), false, Optional.empty(), DeploymentSettings.defaults());
    }

    public PublishOptions withVersion(String v) {
        return new PublishOptions(modelName, Optional.of(v), force, modelCard, deployment);
    }

    /** The same, publishing even a model the verdict did not bless. */
    public PublishOptions forced() {
        return new PublishOptions(modelName, version, true, modelCard, deployment);
    }

    public PublishOptions withModelCard(Path card) {
        return new PublishOptions(modelName, version, force, Optional.of(card), deployment);
    }

    public PublishOptions withDeployment(DeploymentSettings settings) {
        return new PublishOptions(modelName, version, force, modelCard, settings);
    }

    static void checkVersion(String v) {
        if (!ModelPackage.VERSION.matcher(v).matches()) {
            throw InvalidInputException.problem("is not a version").column("version").value(v)
                    .expected("1-64 letters, digits, '.', '_' or '-', starting with a letter or digit").build();
        }
    }

    private static void checkCard(Path card) {
        String n = card.getFileName().toString();
        if (!(n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml"))) {
            throw InvalidInputException.problem("is not a model card file").file(card)
                    .expected("a .json, .yaml or .yml file").build();
        }
        if (!Files.isRegularFile(card)) {
            throw InvalidInputException.problem("does not exist").file(card).expected("a model card file").build();
        }
    }
}
