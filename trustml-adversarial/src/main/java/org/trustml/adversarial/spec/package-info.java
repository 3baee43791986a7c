/**
 * The adversarial module's evaluator kind of pipeline files, {@code robustness}
 * ({@link org.trustml.adversarial.spec.AdversarialEvaluatorSpecs}), listed through core's {@code EvaluatorSpecKinds}
 * service.
 */
package org.trustml.adversarial.spec;
