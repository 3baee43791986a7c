package org.trustml.core.pipeline.spec;

import java.util.Map;
import java.util.Optional;

/**
 * The evaluator kinds a module adds to pipeline files' evaluate stages ({@code evaluators: [{fairness: …}]}): each
 * name with the record it is read into, the twin of {@link StageSpecKinds}. A module lists its implementation in
 * {@code META-INF/services/org.trustml.core.pipeline.spec.EvaluatorSpecKinds}; {@link PipelineSpec} reads every one
 * on the class path when it first reads a file.
 */
public interface EvaluatorSpecKinds {
    /** Name → the {@link EvaluatorSpec} record read from its value. */
    Map<String, Class<? extends EvaluatorSpec>> kinds();

    /** Every evaluator kind on the class path, by name; a name claimed twice is an error naming both classes. */
    static Map<String, Class<? extends EvaluatorSpec>> all() {
        return Kinds.load(EvaluatorSpecKinds.class, EvaluatorSpecKinds::kinds, "evaluator");
    }

    /** The trustml module that provides an evaluator kind, for the error when it is not on the class path. */
    static Optional<String> moduleOf(String kind) {
        return Optional.ofNullable(switch (kind) {
            case "fairness" -> "trustml-fairness";
            case "lime", "lime-tabular", "shap", "tree-shap" -> "trustml-explain";
            case "robustness" -> "trustml-adversarial";
            case "drift", "image-drift", "autoencoder-drift" -> "trustml-drift";
            default -> null;
        });
    }
}
