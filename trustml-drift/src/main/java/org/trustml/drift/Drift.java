package org.trustml.drift;

import static java.util.Objects.requireNonNull;

import org.trustml.core.table.Table;
import org.trustml.drift.spi.DriftData;

/**
 * Entry point of the statistical drift tests:
 * <pre>{@code
 * DriftReport r = Drift.between(reference, current)
 *     .categorical("color")
 *     .alpha(0.05)
 *     .correction(Correction.BONFERRONI)
 *     .report();
 * }</pre>
 * Without {@link DriftCheck#tests}, each column gets Evidently's default test (see
 * {@link DriftCheck}).
 */
public final class Drift {
    private Drift() {}

    /** Starts a comparison of {@code current} against {@code reference}. */
    public static DriftCheck between(Table reference, Table current) {
        return new DriftCheck(new TableDriftData(requireNonNull(reference, "reference"), requireNonNull(current, "current")));
    }

    /**
     * Starts a comparison of two tables an engine holds (trustml-spark's DataFrames): every test, correction
     * and verdict is computed here, from the engine's answers ({@link DriftData}). MMD needs the rows in memory
     * and is refused.
     */
    public static DriftCheck between(DriftData data) {
        return new DriftCheck(requireNonNull(data, "data"));
    }
}
