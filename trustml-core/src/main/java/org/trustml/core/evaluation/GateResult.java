package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one gate judged an evaluation.
 *
 * @param gate     the gate
 * @param passed   whether it passed
 * @param value    the metric's value, if it was found
 * @param baseline the baseline's value, for a change threshold
 * @param message  for a failure: {@code accuracy on overall = 0.82 outside [0.9, +inf]}; for a
 *                 pass: the value against the thresholds
 */
public record GateResult(Gate gate, boolean passed, OptionalDouble value, OptionalDouble baseline, String message) {
    public GateResult {
        requireNonNull(gate, "gate");
        requireNonNull(value, "value");
        requireNonNull(baseline, "baseline");
        requireNonNull(message, "message");
    }

    static GateResult passed(Gate gate, double value, OptionalDouble baseline,
            Optional<MetricInterval> interval) {
        String ci = gate.requireInterval().isPresent() && interval.isPresent() ? " " + interval.get().describe() : "";
        return new GateResult(gate, true, OptionalDouble.of(value), baseline,
                head(gate) + " = " + Gate.fmt(value) + ci + " within " + gate.describe());
    }

    static GateResult failed(Gate gate, OptionalDouble value, OptionalDouble baseline, String why) {
        String v = value.isPresent() ? " = " + Gate.fmt(value.getAsDouble()) : "";
        // "outside [a, b]…" and the interval's "has no confidence interval…" name the bounds already
        String what = why.startsWith("outside") || why.startsWith("has ") ? why : why + "; expected " + gate.describe();
        return new GateResult(gate, false, value, baseline, head(gate) + v + " " + what);
    }

    private static String head(Gate gate) {
        return gate.metric().jsonName() + " on " + gate.slice();
    }
}
