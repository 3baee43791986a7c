package org.trustml.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.trustml.core.evaluation.MetricSource;
import java.util.Objects;
import java.util.Optional;
import org.trustml.core.io.Json;

/**
 * Reference-versus-current drift of a table: one {@link ColumnDrift} per column, the dataset
 * verdict under the chosen {@link Correction}, the optional multivariate MMD test and the
 * optional class-balance result of a label column. Serialises to JSON with {@link #toJson()}.
 *
 * @param schemaVersion   version of this JSON shape
 * @param alpha           significance level of the p-value tests
 * @param correction      how p-values became the dataset verdict
 * @param shareThreshold  the share of drifted columns that makes the dataset drift (SHARE)
 * @param columns         per-column results, in table order
 * @param drifted         the dataset verdict
 * @param driftedColumns  names of the drifted columns
 * @param driftShare      drifted columns / tested columns
 * @param mmd             the MMD test, when requested
 * @param classBalance    drift of the label column's class shares, when a label was given
 */
@JsonPropertyOrder({"schemaVersion", "drifted", "drift_share", "drifted_columns", "correction", "alpha"})
public record DriftReport(
        int schemaVersion,
        double alpha,
        Correction correction,
        @JsonProperty("share_threshold") double shareThreshold,
        List<ColumnDrift> columns,
        boolean drifted,
        @JsonProperty("drifted_columns") List<String> driftedColumns,
        @JsonProperty("drift_share") double driftShare,
        Optional<MmdResult> mmd,
        @JsonProperty("class_balance") Optional<ColumnDrift> classBalance) implements MetricSource {

    /** The current JSON shape. */
    public static final int SCHEMA_VERSION = 1;

    public DriftReport {
        Objects.requireNonNull(correction, "correction");
        columns = List.copyOf(columns);
        driftedColumns = List.copyOf(driftedColumns);
        mmd = Objects.requireNonNullElse(mmd, Optional.empty());
        classBalance = Objects.requireNonNullElse(classBalance, Optional.empty());
    }

    /**
     * The report's numbers for gates and model cards: {@code drift_share} and {@code dataset_drift}
     * (1 or 0) overall; per column, on the slice {@code column=<name>}, {@code drifted} (1 or 0) and for
     * each test {@code <test>_statistic} and {@code <test>_p_value} or {@code <test>_distance}
     * ({@link DriftMetric} holds the typed keys).
     */
    @Override
    public List<org.trustml.core.evaluation.MetricValue> metrics() {
        List<org.trustml.core.evaluation.MetricValue> out = new java.util.ArrayList<>();
        out.add(org.trustml.core.evaluation.MetricValue.of(DriftMetric.DRIFT_SHARE, driftShare));
        out.add(org.trustml.core.evaluation.MetricValue.of(DriftMetric.DATASET_DRIFT, drifted ? 1 : 0));
        List<ColumnDrift> all = new java.util.ArrayList<>(columns);
        classBalance.ifPresent(all::add);
        for (ColumnDrift c : all) {
            org.trustml.core.evaluation.Slice s = org.trustml.core.evaluation.Slice.of("column", c.column());
            out.add(org.trustml.core.evaluation.MetricValue.of(DriftMetric.DRIFTED, s, c.drifted() ? 1 : 0));
            for (TestResult t : c.tests()) {
                out.add(org.trustml.core.evaluation.MetricValue.of(DriftMetric.statisticOf(t.test()), s,
                        t.statistic()));
                t.pValue().ifPresent(p -> out.add(org.trustml.core.evaluation.MetricValue.of(
                        DriftMetric.pValueOf(t.test()), s, p)));
                t.distance().ifPresent(d -> out.add(org.trustml.core.evaluation.MetricValue.of(
                        DriftMetric.distanceOf(t.test()), s, d)));
            }
        }
        return out;
    }

    /** The results of one column. */
    public Optional<ColumnDrift> column(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst();
    }

    /** The result of a test on a column, e.g. {@code result("age", DriftTest.KS)}. */
    public Optional<TestResult> result(String column, DriftTest test) {
        return column(column).flatMap(c -> c.result(test));
    }

    /** Pretty-printed JSON. */
    public String toJson() {
        return Json.toJson(this);
    }
}
