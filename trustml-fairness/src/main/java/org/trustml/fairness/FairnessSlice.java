package org.trustml.fairness;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which rows a metric value describes. */
public enum FairnessSlice {
    /** Every row. */
    OVERALL,
    /** The privileged group. */
    PRIVILEGED,
    /** The unprivileged group. */
    UNPRIVILEGED,
    /** A number comparing groups (difference, ratio, index), not one group's value. */
    BETWEEN;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
