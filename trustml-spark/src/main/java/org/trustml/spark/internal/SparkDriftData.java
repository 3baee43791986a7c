package org.trustml.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.trustml.drift.spi.CategoricalCounts;
import org.trustml.drift.spi.DriftData;
import org.trustml.drift.spi.NumericColumnPair;

/**
 * Two DataFrames as the drift module reads them. Numeric columns (any Spark numeric type) are sorted where
 * the data lives ({@link SparkSortedPair}); other columns, and numeric ones read as categories, are counted
 * per value with one aggregation per table, and only the (value, count) pairs reach the driver. Values are
 * named as a {@code Table} column formats them: integers without a fraction, other numbers as
 * {@link Double#toString}, booleans {@code true}/{@code false}, text as is; null, and NaN in a float or
 * double column, are missing. Columns may be asked for from several threads; each Spark job runs on the
 * shared SparkContext. {@link #release()} drops the cached sorts.
 */
public final class SparkDriftData implements DriftData {
    private final Dataset<Row> reference;
    private final Dataset<Row> current;
    private final int partitions;
    private final int localRuns;
    private final Map<Side, Long> rows = new ConcurrentHashMap<>();
    private final List<SparkSortedPair> sorted = new ArrayList<>();

    /** {@code partitions} value: choose the number of range partitions from the row counts. */
    public static final int AUTO_PARTITIONS = 0;
    /** Rows (both tables) per range partition when the number is chosen. */
    public static final long ROWS_PER_PARTITION = 2_000_000;

    /**
     * {@code partitions}: range partitions of each numeric column's sort ({@link #AUTO_PARTITIONS}:
     * {@code max(default parallelism, ⌈rows / ROWS_PER_PARTITION⌉)}); {@code localRuns}: a numeric column
     * with at most this many distinct values is finished on the driver ({@link SparkSortedPair}).
     */
    public SparkDriftData(Dataset<Row> reference, Dataset<Row> current, int partitions, int localRuns) {
        this.reference = reference;
        this.current = current;
        this.partitions = partitions;
        this.localRuns = localRuns;
    }

    private Dataset<Row> frame(Side side) {
        return side == Side.REFERENCE ? reference : current;
    }

    @Override
    public long rows(Side side) {
        return rows.computeIfAbsent(side, s -> frame(s).count());
    }

    @Override
    public List<String> referenceColumns() {
        return List.of(reference.schema().fieldNames());
    }

    @Override
    public boolean has(Side side, String column) {
        return Arrays.asList(frame(side).schema().fieldNames()).contains(column);
    }

    @Override
    public boolean isNumeric(Side side, String column) {
        return SparkColumns.type(frame(side), column) instanceof NumericType;
    }

    @Override
    public NumericColumnPair numeric(String column) {
        long all = rows(Side.REFERENCE) + rows(Side.CURRENT);
        int p = partitions != AUTO_PARTITIONS ? partitions : (int) Math.max(reference.sparkSession().sparkContext()
                .defaultParallelism(), Math.min(Integer.MAX_VALUE, (all + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
        SparkSortedPair pair = new SparkSortedPair(reference, current, column, rows(Side.REFERENCE), rows(Side.CURRENT),
                p, localRuns);
        synchronized (sorted) {
            sorted.add(pair);
        }
        return pair;
    }

    @Override
    public CategoricalCounts categorical(String column) {
        long[] missing = new long[2];
        List<Map<String, Long>> counts = List.of(new HashMap<>(), new HashMap<>());
        if (SparkColumns.type(reference, column).equals(SparkColumns.type(current, column))) {
            // one job: both tables' values with their side, counted together
            Dataset<Row> both = reference.select(SparkColumns.column(column).as("v"), lit(0).as("s"))
                    .union(current.select(SparkColumns.column(column).as("v"), lit(1).as("s")));
            for (Row r : both.groupBy(col("v"), col("s")).count().collectAsList()) {
                add(counts, missing, r.getInt(1), r.get(0), r.getLong(2));
            }
        } else {
            for (Side side : Side.values()) {
                for (Row r : frame(side).groupBy(SparkColumns.column(column)).count().collectAsList()) {
                    add(counts, missing, side.ordinal(), r.get(0), r.getLong(1));
                }
            }
        }
        return new CategoricalCounts(counts.get(0), counts.get(1), missing[0], missing[1]);
    }

    private static void add(List<Map<String, Long>> counts, long[] missing, int side, Object value, long count) {
        if (SparkColumns.isMissing(value)) {
            missing[side] += count;
        } else {
            counts.get(side).merge(label(value), count, Long::sum);
        }
    }

    /** A value's text as a {@code Table} column formats it. */
    static String label(Object v) {
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return Double.toString(((Number) v).doubleValue());
        }
        if (v instanceof Number num) {
            return Long.toString(num.longValue());
        }
        return v.toString();
    }

    @Override
    public void release() {
        synchronized (sorted) {
            sorted.forEach(SparkSortedPair::close);
            sorted.clear();
        }
    }
}
