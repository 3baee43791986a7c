/**
 * Serving published trustml model packages: {@link org.trustml.serving.ModelServer}, an in-process
 * Open Inference Protocol v2 REST server (the protocol KServe, Triton and MLServer speak) on Undertow,
 * with dynamic batching, a bounded queue, a request size limit, optional bearer-token authentication
 * and Prometheus metrics; and {@link org.trustml.serving.S3ObjectStore}, the S3-compatible
 * {@link org.trustml.publish.ObjectStore} (AWS SDK v2) that publishing copies packages to. For clients:
 * {@link org.trustml.serving.TabularRequests} builds a tabular model's requests from a table, and
 * {@link org.trustml.serving.ServedPredictions} reads the answers back into model-neutral
 * {@link org.trustml.core.evaluation.Predictions} for the fairness, drift and per-slice evaluators.
 */
package org.trustml.serving;

