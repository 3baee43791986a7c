package org.trustml.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.trustml.core.InvalidInputException;
import org.trustml.drift.spi.NumericColumnPair;

/**
 * A numeric column of two DataFrames, sorted where the data lives: the non-missing values of both sides (as
 * doubles, {@code -0.0} as {@code 0.0}) are range-partitioned by value and sorted within each partition — an
 * exact distributed sort, no sketch — and each partition is collapsed into runs of equal values with their
 * reference and current counts ({@link PartitionRuns}), cached (memory, then disk). Then:
 * <ol>
 *   <li>one pass gives each partition's counts, first and last value (the driver turns them into the counts
 *       before each partition);</li>
 *   <li>one pass walks every partition from its offsets and gives its share of the Kolmogorov–Smirnov maximum,
 *       the Wasserstein sum, the Cramér–von Mises midrank sums and the reference's squared deviations, each
 *       term computed as the in-memory walk computes it, with global positions (so the KS statistic is the same
 *       double; sums of partial sums agree to rounding);</li>
 *   <li>ranks and counts at given values (the quantile bins of PSI and Jensen–Shannon) are one pass per batch.</li>
 * </ol>
 * A column with few distinct values (at most {@code localRuns}) comes to the driver with the first pass, and
 * the later passes run there, on the same partitions' runs, with the same code.
 * The driver holds a few numbers per partition, never the values. {@link #close()} drops the cached runs.
 */
public final class SparkSortedPair implements NumericColumnPair, AutoCloseable {
    /** At most this many pooled distinct values are handed to the driver for one bin per value. */
    public static final int MAX_POOLED_VALUES = 1_000_000;

    private final String column;
    private final JavaRDD<PartitionRuns> runs;
    private final List<PartitionRuns> local;
    private final List<PartitionRuns.Summary> summaries;
    private final long[] refBefore;
    private final long[] curBefore;
    private final double[] lastBefore;
    private final long n;
    private final long m;
    private final long refMissing;
    private final long curMissing;
    private PartitionRuns.Walk walk;

    /**
     * Sorts the column. {@code referenceRows}, {@code currentRows}: the tables' row counts (missing values are
     * the rows that are not counted in the sort); {@code partitions}: the number of range partitions;
     * {@code localRuns}: when the whole column has at most this many distinct values, they come to the driver
     * with the first pass and every later pass runs there, on the same partitions' runs with the same code
     * (fewer jobs for small columns; 0 keeps every pass distributed).
     */
    public SparkSortedPair(Dataset<Row> reference, Dataset<Row> current, String column, long referenceRows,
                           long currentRows, int partitions, int localRuns) {
        this.column = column;
        Column v = col("v");
        Dataset<Row> values = side(reference, column, 0).union(side(current, column, 1))
                .where(v.isNotNull().and(not(isnan(v))))
                .select(when(v.equalTo(0), lit(0.0)).otherwise(v).as("v"), col("s"))
                .repartitionByRange(partitions, v).sortWithinPartitions(v);
        this.runs = values.javaRDD().mapPartitions(rows -> List.of(PartitionRuns.of(rows)).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long perPartition = localRuns / Math.max(1, runs.getNumPartitions());
        List<Placed> placed = runs.mapPartitionsWithIndex((index, it) -> {
            PartitionRuns r = it.next();
            return List.of(new Placed(r.summary(index), r.size() <= perPartition ? r : null)).iterator();
        }, true).collect();
        List<PartitionRuns.Summary> s = new ArrayList<>();
        List<PartitionRuns> held = new ArrayList<>();
        for (Placed p : placed) {
            s.add(p.summary());
            held.add(p.runs());
        }
        this.summaries = List.copyOf(s);
        this.local = held.contains(null) ? null : held;
        if (local != null) {
            runs.unpersist(false);
        }
        int p = summaries.size();
        refBefore = new long[p];
        curBefore = new long[p];
        lastBefore = new double[p];
        long r = 0;
        long c = 0;
        double last = Double.NaN;
        for (int k = 0; k < p; k++) {
            refBefore[k] = r;
            curBefore[k] = c;
            lastBefore[k] = last;
            PartitionRuns.Summary sk = summaries.get(k);
            r += sk.refTotal();
            c += sk.curTotal();
            if (sk.runs() > 0) {
                last = sk.last();
            }
        }
        this.n = r;
        this.m = c;
        this.refMissing = referenceRows - n;
        this.curMissing = currentRows - m;
    }

    /** A partition's summary, and its runs when they are few enough to come to the driver. */
    private record Placed(PartitionRuns.Summary summary, PartitionRuns runs) implements java.io.Serializable {}

    /** {@code task} on every partition's runs, results in partition order: on the executors, or on the driver. */
    private <T> List<T> eachPartition(Function2<Integer, PartitionRuns, T> task) {
        if (local == null) {
            return runs.mapPartitionsWithIndex((index, it) -> List.of(task.call(index, it.next())).iterator(), true)
                    .collect();
        }
        List<T> out = new ArrayList<>();
        try {
            for (int i = 0; i < local.size(); i++) {
                out.add(task.call(i, local.get(i)));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Dataset<Row> side(Dataset<Row> df, String column, int side) {
        return df.select(SparkColumns.column(column).cast("double").as("v"), lit(side).as("s"));
    }

    @Override
    public long referenceCount() {
        return n;
    }

    @Override
    public long currentCount() {
        return m;
    }

    @Override
    public long referenceMissing() {
        return refMissing;
    }

    @Override
    public long currentMissing() {
        return curMissing;
    }

    /** The walk statistics, one pass, on first use. */
    private synchronized PartitionRuns.Walk walk() {
        if (walk == null) {
            long[] rb = refBefore;
            long[] cb = curBefore;
            double[] lb = lastBefore;
            long nn = n;
            long mm = m;
            double mean = referenceMean();
            List<PartitionRuns.Walk> parts = eachPartition((index, r) -> r.walk(rb[index], cb[index], lb[index], nn, mm, mean));
            double ks = 0;
            double w = 0;
            double sx = 0;
            double sy = 0;
            double squares = 0;
            // partitions in order: collect() keeps it
            for (PartitionRuns.Walk part : parts) {
                ks = Math.max(ks, part.ks());
                w += part.wasserstein();
                sx += part.sx();
                sy += part.sy();
                squares += part.squares();
            }
            walk = new PartitionRuns.Walk(ks, w, sx, sy, squares);
        }
        return walk;
    }

    @Override
    public double ksStatistic() {
        return walk().ks();
    }

    @Override
    public double wasserstein() {
        return walk().wasserstein();
    }

    @Override
    public double[] cramerVonMisesSums() {
        return new double[] {walk().sx(), walk().sy()};
    }

    @Override
    public double referenceMean() {
        double sum = 0;
        for (PartitionRuns.Summary s : summaries) {
            sum += s.refSum();
        }
        return sum / n;
    }

    @Override
    public double referenceStd() {
        return Math.sqrt(walk().squares() / n);
    }

    @Override
    public long pooledDistinct(int cap) {
        return summaries.stream().mapToLong(PartitionRuns.Summary::runs).sum();
    }

    @Override
    public long referenceDistinct(int cap) {
        return summaries.stream().mapToLong(PartitionRuns.Summary::refRuns).sum();
    }

    @Override
    public double[] pooledRange() {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (PartitionRuns.Summary s : summaries) {
            if (s.runs() > 0) {
                lo = Double.isNaN(lo) ? s.first() : lo;
                hi = s.last();
            }
        }
        return new double[] {lo, hi};
    }

    @Override
    public double[] referenceAt(long[] ranks) {
        for (long rank : ranks) {
            if (rank < 0 || rank >= n) {
                throw new IllegalArgumentException("rank " + rank + " outside 0.." + (n - 1));
            }
        }
        long[] rb = refBefore;
        List<double[]> parts = eachPartition((index, r) -> r.referenceAt(rb[index], ranks));
        double[] out = new double[ranks.length];
        for (int q = 0; q < ranks.length; q++) {
            int p = partitionOfRank(ranks[q]);
            out[q] = parts.get(p)[q];
        }
        return out;
    }

    /** The partition holding the reference value of this rank. */
    private int partitionOfRank(long rank) {
        for (int p = summaries.size() - 1; p >= 0; p--) {
            if (refBefore[p] <= rank && summaries.get(p).refTotal() > 0) {
                return p;
            }
        }
        throw new IllegalStateException("no partition holds rank " + rank);
    }

    @Override
    public long[][] countAtMost(double[] x) {
        return counts(x, false);
    }

    @Override
    public long[][] countBelow(double[] x) {
        return counts(x, true);
    }

    private long[][] counts(double[] xs, boolean below) {
        long[][] out = new long[2][xs.length];
        for (long[][] part : eachPartition((index, r) -> r.counts(xs, below))) {
            for (int q = 0; q < xs.length; q++) {
                out[0][q] += part[0][q];
                out[1][q] += part[1][q];
            }
        }
        return out;
    }

    @Override
    public SortedMap<Double, long[]> pooledValues() {
        long distinct = pooledDistinct(MAX_POOLED_VALUES);
        if (distinct > MAX_POOLED_VALUES) {
            throw InvalidInputException.problem("has too many distinct values for one bin per value").column(column)
                    .value(distinct + " distinct values").expected("at most " + MAX_POOLED_VALUES
                            + " (Evidently binning with few reference values); use quantile binning").build();
        }
        SortedMap<Double, long[]> out = new TreeMap<>();
        for (PartitionRuns r : local != null ? local : runs.collect()) {
            for (int k = 0; k < r.size(); k++) {
                out.put(r.values[k], new long[] {r.reference[k], r.current[k]});
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    @Override
    public void close() {
        if (local == null) {
            runs.unpersist(false);
        }
    }
}
