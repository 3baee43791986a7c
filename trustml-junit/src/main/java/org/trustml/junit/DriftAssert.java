package org.trustml.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.Verdict;
import org.trustml.drift.DriftMetric;
import org.trustml.junit.internal.GateContext;

/**
 * Assertions on drift results: a {@link org.trustml.drift.DriftReport}, or an evaluation holding
 * the drift evaluator's values. Each column's {@code drifted} value (1 or 0, on the slice
 * {@code column=<name>}) is judged by {@code Gate.on(DriftMetric.DRIFTED).inSlice(column=<name>).atMost(0)},
 * the gate a bless stage would use.
 */
public final class DriftAssert extends AbstractMetricSourceAssert<DriftAssert, MetricSource> {
    DriftAssert(MetricSource actual, GateContext context) {
        super(actual, context, DriftAssert.class);
    }

    /** The gates {@link #hasNoDriftedColumns()} judges: one per column of the source. */
    public List<Gate> columnGates() {
        isNotNull();
        return columns().stream().map(c -> Gate.on(DriftMetric.DRIFTED).inSlice(Slice.of("column", c)).atMost(0)).toList();
    }

    /**
     * Passes when no column drifted; otherwise fails once, naming every drifted column with its
     * p-values or distances. A source without per-column results fails (nothing was checked).
     */
    public DriftAssert hasNoDriftedColumns() {
        List<Gate> gates = columnGates();
        if (gates.isEmpty()) {
            context.fail(List.of("expecting drift results per column (metric drifted on slices column=<name>) "
                    + "but the evaluation has none (run " + context.runId().orElse("unknown") + ")"));
            return myself;
        }
        Verdict v = Verdict.judge(gates, actual, context.baseline());
        if (!v.blessed()) {
            List<String> drifted = new ArrayList<>();
            for (GateResult r : v.failures()) {
                drifted.add(r.gate().slice().features().get("column") + tests(r.gate().slice()));
            }
            context.fail(List.of("expecting no drifted columns but " + drifted.size() + " of " + gates.size()
                    + " drifted: " + String.join("; ", drifted) + " (run " + context.runId().orElse("unknown") + ")"));
        }
        return myself;
    }

    /** Passes when the dataset-level verdict ({@code dataset_drift}) is no drift. */
    public DriftAssert hasNoDatasetDrift() {
        return passes(Gate.on(DriftMetric.DATASET_DRIFT).atMost(0));
    }

    /** {@code drift_share}: drifted columns over tested columns. */
    public MetricAssert driftShare() {
        return metric(DriftMetric.DRIFT_SHARE);
    }

    /**
     * A test's value on one column, e.g.
     * {@code column("age", DriftMetric.pValueOf(DriftTest.KS)).isAtLeast(0.05)}.
     */
    public MetricAssert column(String column, MetricKey metric) {
        return metric(metric, Slice.of("column", column));
    }

    private List<String> columns() {
        return actual.metrics().stream().filter(m -> m.name().equals(DriftMetric.DRIFTED.jsonName()))
                .map(MetricValue::slice).filter(s -> s.features().size() == 1 && s.features().containsKey("column"))
                .map(s -> s.features().get("column")).distinct().toList();
    }

    private String tests(Slice column) {
        String values = actual.metrics().stream()
                .filter(m -> m.slice().equals(column) && (m.name().endsWith("_p_value") || m.name().endsWith("_distance")))
                .map(m -> m.name() + " " + Gate.fmt(m.value())).collect(Collectors.joining(", "));
        return values.isEmpty() ? "" : " (" + values + ")";
    }
}
