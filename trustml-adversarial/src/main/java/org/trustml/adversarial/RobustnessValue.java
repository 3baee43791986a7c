package org.trustml.adversarial;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One number of a report, as a model card lists it: the metric, its value, the slice it was taken
 * on ({@code "all"} or {@code "class=3"}), and why it is NaN when it is undefined.
 *
 * @param metric typed id
 * @param value the value (NaN when undefined)
 * @param slice {@code all} or {@code class=<label>}
 * @param reason why the value is NaN (or infinite), if it is
 */
public record RobustnessValue(RobustnessMetric metric, double value, String slice, Optional<String> reason) {
    public RobustnessValue {
        requireNonNull(metric, "metric");
        requireNonNull(slice, "slice");
        requireNonNull(reason, "reason");
    }
}
