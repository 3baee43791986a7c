/**
 * Publishing blessed models, image or tabular classifiers ({@link org.trustml.publish.PublishableModel}):
 * a versioned, checksummed model package in a registry folder
 * ({@link org.trustml.publish.ModelRegistry}), read back and verified by
 * {@link org.trustml.publish.ModelPackage}; its input/output {@link org.trustml.publish.Signature};
 * DJL Serving's {@code serving.properties}; KServe and Kubernetes manifests
 * ({@link org.trustml.publish.DeploymentManifests}); and the {@link org.trustml.publish.ObjectStore}
 * interface an S3-compatible store implements (in {@code trustml-s3}).
 */
package org.trustml.publish;

