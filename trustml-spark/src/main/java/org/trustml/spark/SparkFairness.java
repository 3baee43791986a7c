package org.trustml.spark;

import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.InvalidInputException;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessOptions;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.FairnessSpec;
import org.trustml.fairness.FairnessStatistics;
import org.trustml.spark.internal.ConsistencySample;
import org.trustml.spark.internal.FairnessAggregation;

/**
 * The fairness report of a Spark DataFrame, equal to {@link Fairness#of}'s for the same rows:
 * <pre>{@code
 * FairnessReport report = SparkFairness.of(scored).label("y").prediction("yhat").score("p")
 *         .privileged(Group.where("sex", 1)).protectedColumns("sex", "race").report();
 * }</pre>
 * The options are {@link FairnessOptions}' (the same as {@link Fairness}'s). Every metric except consistency is
 * a function of the sufficient statistics (weighted counts per protected-value key × true label × prediction),
 * and those come from one distributed aggregation: each partition sums its rows per cell, Spark merges the
 * partial sums, and the driver merges the cells — in the order of their first rows — into the same
 * {@link FairnessStatistics} the single-machine path builds, then reports with the same code
 * ({@link Fairness#report(FairnessStatistics, FairnessSpec, OptionalDouble, java.util.Optional, java.util.Optional)};
 * confidence intervals and the intersectional search too, computed from the statistics). The driver holds one small row
 * per cell, never the data. Sums of non-integer weights or scores are added in another order than in one JVM,
 * so those metrics agree to rounding (tested to 1e-12 relative); counts and unweighted metrics are equal.
 *
 * <p><b>Consistency</b> (k-NN, with {@code features(...)}) needs rows and stays on the driver: on every row,
 * collected in order, when the DataFrame has at most {@link #consistencyRows(int) consistencyRows} rows
 * (default 100,000; then it equals the single-machine value), otherwise on a sample of exactly that many rows,
 * chosen by a seeded hash of their values ({@link #seed(long)}), the same whatever the partitioning. A sampled
 * consistency is logged at INFO; {@link #consistencySampled(long)} says whether a report of that many rows used one.
 *
 * <p>Missing values and bad input are refused as the {@code Table} path refuses them, with the same messages,
 * in the same order, naming the 1-based row in the DataFrame's order: a missing protected value, label or
 * prediction (null, or NaN in a float column), a third label value in binary mode, a weight that is negative,
 * NaN or infinite, a score outside [0, 1]. Naming a row costs one more job, only when there is an error; the
 * DataFrame must then read the same rows again (as one read from files does). Not thread-safe.
 */
public final class SparkFairness extends FairnessOptions<SparkFairness> {
    /** Default row limit of an exact consistency. */
    public static final int DEFAULT_CONSISTENCY_ROWS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(SparkFairness.class);

    private final Dataset<Row> data;
    private int consistencyRows = DEFAULT_CONSISTENCY_ROWS;
    private long seed;

    private SparkFairness(Dataset<Row> data) {
        this.data = data;
    }

    /** Metrics over the rows of {@code data}. */
    public static SparkFairness of(Dataset<Row> data) {
        return new SparkFairness(Objects.requireNonNull(data, "data"));
    }

    /** Consistency on every row up to this many rows, on a seeded sample of this many above it (default 100,000). */
    public SparkFairness consistencyRows(int maxRows) {
        if (maxRows < 1) {
            throw InvalidInputException.problem("is not a row limit").column("consistencyRows").value(maxRows)
                    .expected("an integer >= 1").build();
        }
        this.consistencyRows = maxRows;
        return this;
    }

    /** Seed of the consistency sample (default 0). */
    public SparkFairness seed(long value) {
        this.seed = value;
        return this;
    }

    /** Whether a report of {@code rows} rows computes consistency on a sample. */
    public boolean consistencySampled(long rows) {
        return rows > consistencyRows;
    }

    /** The sufficient statistics: one distributed aggregation. */
    public FairnessStatistics statistics() {
        return FairnessAggregation.run(data, spec()).statistics();
    }

    /** Every metric: one distributed aggregation, and with features one more job for consistency. */
    public FairnessReport report() {
        FairnessSpec spec = spec();
        FairnessAggregation aggregation = FairnessAggregation.run(data, spec);
        FairnessStatistics stats = aggregation.statistics();
        OptionalDouble consistency = OptionalDouble.empty();
        if (!spec.features().isEmpty()) {
            aggregation.checkFeatures();
            if (consistencySampled(stats.rows())) {
                LOG.info("consistency (k-NN) on a sample of {} of {} rows (seed {})", consistencyRows, stats.rows(), seed);
            }
            consistency = OptionalDouble.of(ConsistencySample.of(data, spec, stats.rows(), consistencyRows, seed));
        }
        return Fairness.report(stats, spec, consistency, intervalOptions(), searchOptions());
    }
}
