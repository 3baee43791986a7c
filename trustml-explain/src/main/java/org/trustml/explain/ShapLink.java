package org.trustml.explain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.trustml.core.InvalidInputException;

/**
 * The link between a model's output and its SHAP values, as shap's {@code link} argument: the attributions sum to
 * {@code link(f(x)) − link(E[f])} (KernelSHAP and exact Shapley apply the link to every coalition's value).
 */
public enum ShapLink {
    /** {@code link(p) = p} (shap's {@code "identity"}, the default). */
    IDENTITY("identity"),
    /** {@code link(p) = ln(p / (1 − p))} (shap's {@code "logit"}): attributions in log-odds; outputs must lie in (0, 1). */
    LOGIT("logit");

    private final String id;

    ShapLink(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** {@code link(value)}; a value outside (0, 1) under the logit link is refused, naming {@code what}. */
    public double apply(double value, String what) {
        if (this == IDENTITY) {
            return value;
        }
        if (!(value > 0 && value < 1)) {
            throw InvalidInputException.problem("is outside (0, 1), so it has no logit").column(what).value(value)
                    .expected("probabilities strictly between 0 and 1 for the logit link, or the identity link")
                    .build();
        }
        return Math.log(value / (1 - value));
    }
}
