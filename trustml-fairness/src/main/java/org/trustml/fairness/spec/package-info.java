/**
 * The fairness module's kinds of pipeline files: the {@code fairness} evaluator ({@link
 * org.trustml.fairness.spec.FairnessEvaluatorSpecs}) and the mitigation stages {@code reweighing},
 * {@code disparate-impact-remover}, {@code reject-option-classification}, {@code eq-odds-postprocessing} and
 * {@code calibrated-eq-odds-postprocessing} ({@link org.trustml.fairness.spec.MitigationStageSpecs}), listed through
 * core's {@code EvaluatorSpecKinds} and {@code StageSpecKinds} services.
 */
package org.trustml.fairness.spec;
