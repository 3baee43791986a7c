package org.trustml.junit.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;

/**
 * Words a failed {@link GateResult} in AssertJ's style: {@code expecting recall in slice sex=F to be
 * at least 0.6 but was 0.5 (run 3f2a…)}.
 */
public final class GateMessages {
    private static final int LISTED = 12;

    private GateMessages() {}

    /** The message of a failed gate on {@code source}. */
    public static String failure(GateResult result, MetricSource source, Optional<String> runId) {
        Gate gate = result.gate();
        StringBuilder s = new StringBuilder("expecting ").append(subject(gate)).append(" to be ").append(bound(gate));
        Optional<MetricValue> found = source.metric(gate.metric(), gate.slice());
        if (found.isEmpty()) {
            s.append(" but it was not found; ").append(available(gate, source));
        } else if (Double.isNaN(found.get().value())) {
            s.append(" but was NaN (undefined")
                    .append(found.get().undefinedReason().map(r -> ": " + r).orElse("")).append(')');
        } else {
            s.append(" but was ").append(Gate.fmt(found.get().value()));
            if (gate.requireInterval().isPresent()) {
                s.append(found.get().interval().map(ci -> ci.isDefined() ? " with the interval " + ci.describe()
                        : " with an " + ci.describe()).orElse(" with no confidence interval"));
            }
            if (gate.change().isPresent()) {
                s.append(result.baseline().isPresent()
                        ? " against the baseline " + Gate.fmt(result.baseline().getAsDouble())
                        : ", and there is no baseline value to compare with");
            }
        }
        return s.append(" (run ").append(runId.orElse("unknown")).append(')').toString();
    }

    /** {@code accuracy} or {@code accuracy in slice sex=F}. */
    public static String subject(Gate gate) {
        return gate.metric().jsonName() + (gate.slice().isOverall() ? "" : " in slice " + gate.slice());
    }

    /** {@code at least 0.9}, {@code at most 0.1}, {@code between -0.1 and 0.1}, or the change threshold. */
    public static String bound(Gate gate) {
        String value;
        if (gate.lower().orElse(0) == Double.NEGATIVE_INFINITY && gate.upper().orElse(0) == Double.POSITIVE_INFINITY) {
            value = "defined";
        } else if (gate.lower().isPresent() && gate.upper().isPresent()) {
            value = "between " + Gate.fmt(gate.lower().getAsDouble()) + " and " + Gate.fmt(gate.upper().getAsDouble());
        } else if (gate.lower().isPresent()) {
            value = "at least " + Gate.fmt(gate.lower().getAsDouble());
        } else if (gate.upper().isPresent()) {
            value = "at most " + Gate.fmt(gate.upper().getAsDouble());
        } else {
            value = "";
        }
        if (gate.requireInterval().isPresent()) {
            double minLevel = gate.requireInterval().get().minLevel();
            value += " with its whole " + (minLevel > 0 ? Gate.fmt(100 * minLevel) + "% (or wider) " : "")
                    + "confidence interval";
        }
        if (gate.change().isEmpty()) {
            return value;
        }
        Gate changeOnly = new Gate(gate.metric(), gate.slice(), java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), gate.change());
        return (value.isEmpty() ? "" : value + " and ") + "within " + changeOnly.describe() + " of the baseline";
    }

    private static String available(Gate gate, MetricSource source) {
        List<MetricValue> all = source.metrics();
        List<String> slices = all.stream().filter(m -> m.name().equals(gate.metric().jsonName()))
                .map(m -> m.slice().toString()).distinct().toList();
        if (!slices.isEmpty()) {
            return gate.metric().jsonName() + " exists on the slices " + shortList(slices);
        }
        List<String> names = all.stream().map(MetricValue::name).distinct().toList();
        return names.isEmpty() ? "the evaluation holds no metrics" : "the evaluation has " + shortList(names);
    }

    private static String shortList(List<String> items) {
        String head = items.stream().limit(LISTED).collect(Collectors.joining(", "));
        return items.size() > LISTED ? head + " … (" + items.size() + " in all)" : head;
    }
}
