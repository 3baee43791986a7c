package org.trustml.spark;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.trustml.core.InvalidInputException;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftCheck;
import org.trustml.drift.DriftReport;
import org.trustml.spark.internal.SparkDriftData;

/**
 * The drift report of two Spark DataFrames, equal to {@link Drift#between}'s for the same rows:
 * <pre>{@code
 * DriftReport r = SparkDrift.between(reference, current).columns("age", "income", "city")
 *         .tests(DriftTest.KS, DriftTest.PSI).correction(Correction.BONFERRONI).report();
 * }</pre>
 * It returns the drift module's own {@link DriftCheck}, so the options, the default test per column, every
 * formula, the corrections and the dataset verdict are the single-machine ones; only the data is read where it
 * lives:
 * <ul>
 *   <li>a numeric column (any Spark numeric type) is sorted exactly by a distributed sort — range
 *       partitioning by value, a sort within each partition, equal values collapsed into runs and cached —
 *       and the tests read it in a few passes over the sorted runs: the Kolmogorov–Smirnov statistic (the same
 *       double as in one JVM, so the same p-value), Wasserstein, Cramér–von Mises, the reference's standard
 *       deviation, and the ranks and counts of the PSI / Jensen–Shannon bins (the same quantile or Evidently
 *       binning). No approximate quantile sketch is used;</li>
 *   <li>a categorical column (strings, booleans, or a numeric column named in {@code categorical(...)}) is
 *       counted per value with one aggregation per table, for chi-square, z, PSI and Jensen–Shannon.</li>
 * </ul>
 * Columns are tested in parallel (each column's jobs run concurrently on the SparkContext). Missing values
 * (null, NaN in a float or double column) are left out and counted, as in one JVM. The driver holds a few
 * numbers per partition and column, and the categories' counts, never the rows. MMD needs the rows in memory
 * and is refused. The cached sorts are dropped when {@code report()} returns.
 */
public final class SparkDrift {
    /**
     * A numeric column with at most this many distinct values (both tables together) is finished on the
     * driver after its sort: its sorted runs (a value and two counts each, 24 bytes) come back with the first
     * pass instead of being walked by further jobs. Same code, same numbers; fewer jobs for small columns.
     */
    public static final int LOCAL_RUNS = 100_000;

    private SparkDrift() {}

    /**
     * Compares {@code current} with {@code reference}; each numeric column is sorted into
     * {@code max(default parallelism, ⌈rows of both tables / 2,000,000⌉)} range partitions: every core busy,
     * and no partition's sorted runs above about 48 MB.
     */
    public static DriftCheck between(Dataset<Row> reference, Dataset<Row> current) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        return Drift.between(new SparkDriftData(reference, current, SparkDriftData.AUTO_PARTITIONS, LOCAL_RUNS));
    }

    /** Compares {@code current} with {@code reference}, sorting each numeric column into {@code sortPartitions} ranges. */
    public static DriftCheck between(Dataset<Row> reference, Dataset<Row> current, int sortPartitions) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        if (sortPartitions < 1) {
            throw InvalidInputException.problem("is not a number of partitions").column("sortPartitions")
                    .value(sortPartitions).expected("an integer >= 1").build();
        }
        return Drift.between(new SparkDriftData(reference, current, sortPartitions, LOCAL_RUNS));
    }

    /** The report of {@link #between(Dataset, Dataset)} with the default options. */
    public static DriftReport report(Dataset<Row> reference, Dataset<Row> current) {
        return between(reference, current).report();
    }
}
