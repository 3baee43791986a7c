package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import org.trustml.core.InvalidInputException;

/**
 * How the manifests written beside a package deploy it.
 *
 * @param image         the container image that has the {@code trustml} command (for
 *                      {@code trustml serve}), e.g. {@code ghcr.io/acme/trustml:0.1.0}
 * @param registryClaim the PersistentVolumeClaim that holds the registry folder; mounted read-only
 *                      at {@code /models} by the Deployment, and the {@code pvc://} storage URI of
 *                      the InferenceService when no object store is configured
 * @param port          the port {@code trustml serve} listens on in the container
 * @param replicas      the Deployment's replicas
 */
public record DeploymentSettings(String image, String registryClaim, int port, int replicas) {
    public DeploymentSettings {
        requireNonNull(image, "image");
        if (!ModelPackage.NAME.matcher(requireNonNull(registryClaim, "registryClaim")).matches()) {
            throw InvalidInputException.problem("is not a Kubernetes name").column("registryClaim").value(registryClaim)
                    .expected("a DNS-1123 label: lower-case letters, digits and '-'").build();
        }
        if (port < 1 || port > 65535) {
            throw InvalidInputException.problem("is not a port").column("port").value(port).expected("1..65535").build();
        }
        if (replicas < 1) {
            throw InvalidInputException.problem("is not a replica count").column("replicas").value(replicas)
                    .expected(">= 1").build();
        }
    }

    /** Image {@code trustml/trustml:latest}, claim {@code trustml-registry}, port 8080, one replica. */
    public static DeploymentSettings defaults() {
        return new DeploymentSettings("trustml/trustml:latest", "trustml-registry", 8080, 1);
    }
}
