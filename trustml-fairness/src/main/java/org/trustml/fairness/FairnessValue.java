package org.trustml.fairness;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric's value: for a per-group metric the overall, privileged and unprivileged values, in JSON
 * {@code {"overall": x, "privileged": y, "unprivileged": z}}; for any other metric one number
 * ({@link #between()}), in JSON a bare number. NaN means undefined; the report says why.
 */
public record FairnessValue(boolean perGroup, double overall, double privileged, double unprivileged, double between) {

    /** A per-group value. */
    public static FairnessValue ofGroups(double overall, double privileged, double unprivileged) {
        return new FairnessValue(true, overall, privileged, unprivileged, Double.NaN);
    }

    /** A single number. */
    public static FairnessValue of(double value) {
        return new FairnessValue(false, Double.NaN, Double.NaN, Double.NaN, value);
    }

    /** The value of one slice ({@link FairnessSlice#BETWEEN} for a single number). */
    public double get(FairnessSlice slice) {
        return switch (slice) {
            case OVERALL -> overall;
            case PRIVILEGED -> privileged;
            case UNPRIVILEGED -> unprivileged;
            case BETWEEN -> between;
        };
    }

    /** The JSON form: an object of three numbers or one number. */
    @JsonValue
    public Object json() {
        if (!perGroup) {
            return between;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("overall", overall);
        m.put("privileged", privileged);
        m.put("unprivileged", unprivileged);
        return m;
    }
}
