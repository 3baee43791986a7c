/**
 * Serving published trustml model packages: {@link org.trustml.serving.ModelServer}, an in-process
 * Open Inference Protocol v2 REST server (the protocol KServe, Triton and MLServer speak) on Undertow,
 * with dynamic batching, a bounded queue, a request size limit, optional bearer-token authentication
 * and Prometheus metrics. For clients: {@link org.trustml.serving.TabularRequests} builds a tabular
 * model's requests from a table, {@link org.trustml.serving.ServedPredictions} reads the answers back
 * into model-neutral {@link org.trustml.core.evaluation.Predictions} for the fairness, drift and
 * per-slice evaluators, and {@link org.trustml.serving.ServedClassifier} is the served model as a
 * {@link org.trustml.core.evaluation.TableClassifier} for the checks that query it (LIME tabular).
 */
package org.trustml.serving;

