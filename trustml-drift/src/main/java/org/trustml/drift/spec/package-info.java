/**
 * The drift module's kinds of pipeline files: the evaluators {@code drift}, {@code image-drift} and
 * {@code autoencoder-drift} ({@link org.trustml.drift.spec.DriftEvaluatorSpecs}) and the stage {@code drift-check}
 * ({@link org.trustml.drift.spec.DriftStageSpecs}), listed through core's {@code EvaluatorSpecKinds} and
 * {@code StageSpecKinds} services.
 */
package org.trustml.drift.spec;
