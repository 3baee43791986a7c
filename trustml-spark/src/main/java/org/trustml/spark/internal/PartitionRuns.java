package org.trustml.spark.internal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * One partition of a range-partitioned, sorted column: its distinct values in ascending order, each with how
 * many reference and current rows hold it (a "run"). Equal values always fall in one partition (range
 * partitioning), so the runs of all partitions, in partition order, are the pooled distinct values of the
 * column. Arrays are owned by this object. Serializable, as Spark caches and ships it.
 */
final class PartitionRuns implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] values;
    final long[] reference;
    final long[] current;

    private PartitionRuns(double[] values, long[] reference, long[] current) {
        this.values = values;
        this.reference = reference;
        this.current = current;
    }

    /** Collapses sorted rows {@code (value, side)} (side 0 reference, 1 current) into runs. */
    static PartitionRuns of(Iterator<Row> sorted) {
        int n = 0;
        double[] v = new double[1024];
        long[] r = new long[1024];
        long[] c = new long[1024];
        while (sorted.hasNext()) {
            Row row = sorted.next();
            double x = row.getDouble(0);
            if (n == 0 || x != v[n - 1]) {
                if (n == v.length) {
                    v = Arrays.copyOf(v, n * 2);
                    r = Arrays.copyOf(r, n * 2);
                    c = Arrays.copyOf(c, n * 2);
                }
                v[n++] = x;
            }
            if (row.getInt(1) == 0) {
                r[n - 1]++;
            } else {
                c[n - 1]++;
            }
        }
        return new PartitionRuns(Arrays.copyOf(v, n), Arrays.copyOf(r, n), Arrays.copyOf(c, n));
    }

    int size() {
        return values.length;
    }

    /** What the driver needs to place this partition among the others. */
    Summary summary(int index) {
        long refTotal = 0;
        long curTotal = 0;
        long refRuns = 0;
        double refSum = 0;
        for (int k = 0; k < values.length; k++) {
            refTotal += reference[k];
            curTotal += current[k];
            if (reference[k] > 0) {
                refRuns++;
                refSum += values[k] * reference[k];
            }
        }
        return new Summary(index, values.length, refRuns, refTotal, curTotal,
                values.length == 0 ? Double.NaN : values[0], values.length == 0 ? Double.NaN : values[values.length - 1],
                refSum);
    }

    /**
     * @param index     partition index
     * @param runs      distinct values in the partition
     * @param refRuns   distinct values the reference holds
     * @param refTotal  reference values
     * @param curTotal  current values
     * @param first     smallest value (NaN when empty)
     * @param last      largest value (NaN when empty)
     * @param refSum    Σ value × reference count
     */
    record Summary(int index, long runs, long refRuns, long refTotal, long curTotal, double first, double last,
                   double refSum) implements Serializable {}

    /**
     * The walk statistics of this partition, given the counts before it and the last value of the partitions
     * before it (NaN when none): the largest KS difference, the Wasserstein terms' sum, the Cramér–von Mises
     * midrank sums and Σ (v − mean)² of the reference values. The expressions are those of the drift module's
     * in-memory walk, term by term, with global positions.
     */
    Walk walk(long refBefore, long curBefore, double previous, long n, long m, double mean) {
        long i = refBefore;
        long j = curBefore;
        double ks = 0;
        double w = 0;
        double sx = 0;
        double sy = 0;
        double squares = 0;
        double prev = previous;
        for (int k = 0; k < values.length; k++) {
            double x = values[k];
            double before = Math.abs((double) i / n - (double) j / m);
            w += before * (x - (Double.isNaN(prev) ? x : prev));
            long a = reference[k];
            long b = current[k];
            double midrank = i + j + (a + b + 1) / 2.0; // 1-based average rank of the tie block
            for (long t = i; t < i + a; t++) {
                double d = midrank - (t + 1);
                sx += d * d;
            }
            for (long t = j; t < j + b; t++) {
                double d = midrank - (t + 1);
                sy += d * d;
            }
            if (a > 0) {
                double d = x - mean;
                squares += d * d * a;
            }
            i += a;
            j += b;
            double diff = Math.abs((double) i / n - (double) j / m);
            if (diff > ks) {
                ks = diff;
            }
            prev = x;
        }
        return new Walk(ks, w, sx, sy, squares);
    }

    /** One partition's share of the walk statistics. */
    record Walk(double ks, double wasserstein, double sx, double sy, double squares) implements Serializable {}

    /** The reference value at each 0-based global rank held here ({@code refBefore} ranks lie before). */
    double[] referenceAt(long refBefore, long[] ranks) {
        double[] out = new double[ranks.length];
        Arrays.fill(out, Double.NaN);
        long i = refBefore;
        int k = 0;
        for (int q = 0; q < ranks.length; q++) {
            long rank = ranks[q];
            if (rank < refBefore) {
                continue;
            }
            // ranks are answered in any order: restart the walk when a rank lies behind it
            if (rank < i) {
                i = refBefore;
                k = 0;
            }
            while (k < values.length && i + reference[k] <= rank) {
                i += reference[k];
                k++;
            }
            if (k < values.length) {
                out[q] = values[k];
            }
        }
        return out;
    }

    /** {@code {reference, current}} counts of values {@code <= x} ({@code below}: {@code < x}) held here. */
    long[][] counts(double[] xs, boolean below) {
        long[] prefixR = new long[values.length + 1];
        long[] prefixC = new long[values.length + 1];
        for (int k = 0; k < values.length; k++) {
            prefixR[k + 1] = prefixR[k] + reference[k];
            prefixC[k + 1] = prefixC[k] + current[k];
        }
        long[][] out = new long[2][xs.length];
        for (int q = 0; q < xs.length; q++) {
            int end = upperIndex(xs[q], below);
            out[0][q] = prefixR[end];
            out[1][q] = prefixC[end];
        }
        return out;
    }

    /** Number of runs whose value is {@code <= x} ({@code below}: {@code < x}). */
    private int upperIndex(double x, boolean below) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (below ? values[mid] < x : values[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
