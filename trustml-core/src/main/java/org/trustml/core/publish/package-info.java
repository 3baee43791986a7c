/**
 * Publishing blessed models: a versioned, checksummed model package in a registry folder
 * ({@link org.trustml.core.publish.ModelRegistry}), read back and verified by
 * {@link org.trustml.core.publish.ModelPackage}; its input/output {@link org.trustml.core.publish.Signature};
 * DJL Serving's {@code serving.properties}; KServe and Kubernetes manifests
 * ({@link org.trustml.core.publish.DeploymentManifests}); and the {@link org.trustml.core.publish.ObjectStore}
 * interface an S3-compatible store implements (in {@code trustml-serving}).
 */
package org.trustml.core.publish;
