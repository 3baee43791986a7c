/**
 * The explain module's evaluator kinds of pipeline files, {@code lime} (images) and {@code lime-tabular}
 * ({@link org.trustml.explain.spec.ExplainEvaluatorSpecs}), listed through core's {@code EvaluatorSpecKinds} service.
 */
package org.trustml.explain.spec;
