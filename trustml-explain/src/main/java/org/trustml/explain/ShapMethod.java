package org.trustml.explain;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a {@link ShapExplanation} was computed. */
public enum ShapMethod {
    /** KernelSHAP ({@link KernelShap}): shap's {@code KernelExplainer}; exact when every coalition was enumerated. */
    KERNEL("kernel"),
    /** The Shapley values by their definition over every coalition ({@link ExactShapley}). */
    EXACT("exact"),
    /** Path-dependent TreeSHAP ({@link TreeShap}): shap's {@code feature_perturbation="tree_path_dependent"}. */
    TREE_PATH_DEPENDENT("tree_path_dependent"),
    /** Interventional TreeSHAP ({@link TreeShap}): shap's {@code feature_perturbation="interventional"}. */
    TREE_INTERVENTIONAL("tree_interventional");

    private final String id;

    ShapMethod(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
