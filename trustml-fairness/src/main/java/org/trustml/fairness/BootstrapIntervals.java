package org.trustml.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.trustml.core.evaluation.MetricInterval;
import org.trustml.fairness.internal.BootstrapMath;
import org.trustml.fairness.internal.Multinomial;

/**
 * Bootstrap intervals of every number of a report, from its sufficient statistics, never from rows.
 *
 * <p><b>The resample.</b> The row bootstrap stratified by group key draws, within each key k, n_k rows with
 * replacement from its n_k rows. How many of the draws land in each cell (key, true label, prediction) of k is
 * then Multinomial(n_k; n_c / n_k over the cells c of k), independently across keys: this is exactly the
 * distribution of the cell counts of the row resample, so a resample of the statistics is drawn as these
 * multinomial counts (a chain of exact binomials, {@link Multinomial}), in value order of the cells, from one
 * {@link SplittableRandom} per resample split off the seed in order. Counts are all the entropy indices read.
 * Weighted sums are {@code count × the cell's mean weight} (and mean weight × score): exactly the row resample's
 * when weights (and weight × score) are equal within each cell, e.g. no weights column and no score column, or
 * Reweighing's weights (one per group and label) without scores; otherwise the resample keeps each cell's mean
 * and leaves out the spread of weights and scores within it (a multinomial over cells cannot see inside them),
 * so such intervals are somewhat too narrow. Multinomial rather than Poisson counts: independent Poisson(n_c)
 * counts are the row bootstrap only conditionally on their sum, and would let group sizes vary.
 *
 * <p><b>The jackknife</b> of BCa leaves out one row: any row of a cell gives the same statistics (one row fewer
 * in that cell), so it takes one evaluation per cell, weighted by the cell's rows.
 *
 * <p>Undefined: a value undefined in the data keeps its reason; a value undefined (NaN) or infinite in any
 * resample gives an undefined interval naming how many resamples and the first one's reason; a BCa interval with
 * the point outside every resample value, or a jackknife value undefined, is undefined with the reason.
 */
final class BootstrapIntervals {
    private BootstrapIntervals() {}

    /**
     * Intervals drawn with the options' seed. Everything is computed on the statistics with their cells in value
     * order ({@link FairnessStatistics#canonical()}), the point values too, so the same data gives the same bits
     * however it was accumulated.
     */
    static Map<String, MetricInterval> compute(FairnessStatistics statistics, FairnessSpec spec, IntervalOptions o) {
        FairnessStatistics stats = statistics.canonical();
        Strata strata = new Strata(stats);
        SplittableRandom root = new SplittableRandom(o.seed());
        return fromDraws(stats, spec, o, o.resamples(), b -> strata.draw(root.split()));
    }

    /**
     * Intervals from {@code resamples} resamples of statistics in value order, drawn in order by {@code draw}:
     * {@code draw.apply(b)[c]} rows of cell {@code c} in resample b (tests feed the resamples another tool drew).
     * Memory: one value per number of the report and resample, not the resamples themselves.
     */
    static Map<String, MetricInterval> fromDraws(FairnessStatistics stats, FairnessSpec spec, IntervalOptions o,
                                                     int resamples, java.util.function.IntFunction<long[]> draw) {
        Map<String, String> pointUndefined = new HashMap<>();
        Map<String, Double> point = ReportAssembler.flatValues(stats, spec, pointUndefined);
        List<String> keys = new ArrayList<>(new TreeMap<>(point).keySet());
        int b = resamples;
        double[][] values = new double[keys.size()][b];
        String[] firstReason = new String[keys.size()];
        int[] undefinedIn = new int[keys.size()];
        for (int r = 0; r < b; r++) {
            Map<String, String> why = new HashMap<>();
            Map<String, Double> v = ReportAssembler.flatValues(stats.resampled(draw.apply(r)), spec, why);
            for (int k = 0; k < keys.size(); k++) {
                double x = v.get(keys.get(k));
                values[k][r] = x;
                if (!Double.isFinite(x)) {
                    undefinedIn[k]++;
                    if (firstReason[k] == null) {
                        firstReason[k] = why.getOrDefault(keys.get(k), Double.isNaN(x) ? "undefined" : "infinite");
                    }
                }
            }
        }
        double[][] jackknife = o.method() == IntervalMethod.BCA ? jackknife(stats, spec, keys) : null;
        Strata strata = new Strata(stats);
        Map<String, MetricInterval> out = new TreeMap<>();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            double theta = point.get(key);
            MetricInterval ci;
            if (Double.isNaN(theta)) {
                ci = undefined(o, "the value is undefined: " + pointUndefined.getOrDefault(key, "NaN"));
            } else if (Double.isInfinite(theta)) {
                ci = undefined(o, "the value is infinite" + reasonOf(pointUndefined, key));
            } else if (undefinedIn[k] > 0) {
                ci = undefined(o, "undefined or infinite in " + undefinedIn[k] + " of " + b + " resamples (first: "
                        + firstReason[k] + ")");
            } else {
                ci = interval(theta, values[k], o, jackknife == null ? null : jackknife[k], strata);
            }
            out.put(key, ci);
        }
        return out;
    }

    private static String reasonOf(Map<String, String> undefined, String key) {
        String r = undefined.get(key);
        return r == null ? "" : ": " + r;
    }

    private static MetricInterval interval(double theta, double[] values, IntervalOptions o, double[] jack,
                                               Strata strata) {
        double[] sorted = BootstrapMath.sorted(values);
        double alpha = (1 - o.level()) / 2;
        double lo;
        double hi;
        if (o.method() == IntervalMethod.PERCENTILE) {
            lo = BootstrapMath.quantile(sorted, alpha);
            hi = BootstrapMath.quantile(sorted, 1 - alpha);
        } else {
            double pct = BootstrapMath.percentileOfScore(sorted, theta);
            if (pct == 0 || pct == 1) {
                return undefined(o, "the value lies " + (pct == 0 ? "below" : "above") + " every resample's value, so "
                        + "BCa's bias correction is infinite (use --ci-method percentile)");
            }
            double a = BootstrapMath.acceleration(jack, strata.sizes, strata.stratum, strata.count);
            if (Double.isNaN(a)) {
                return undefined(o, "leaving one row out makes the value undefined (a denominator of a single row), "
                        + "so BCa's acceleration is undefined (use --ci-method percentile)");
            }
            double[] levels = BootstrapMath.bcaLevels(BootstrapMath.normalQuantile(pct), a, o.level());
            lo = BootstrapMath.quantile(sorted, levels[0]);
            hi = BootstrapMath.quantile(sorted, levels[1]);
        }
        return MetricInterval.of(Math.min(lo, hi), Math.max(lo, hi), o.level(), o.method().jsonName());
    }

    private static MetricInterval undefined(IntervalOptions o, String reason) {
        return MetricInterval.undefined(o.level(), o.method().jsonName(), reason);
    }

    /**
     * {@code [key][i]}: each value with one row left out of the i-th cell in value order ({@link Strata#order}), so
     * the acceleration sums in an order that does not depend on how the statistics were accumulated.
     */
    static double[][] jackknife(FairnessStatistics stats, FairnessSpec spec, List<String> keys) {
        long[] rows = stats.cellRows();
        int[] order = stats.canonicalCellOrder();
        double[][] out = new double[keys.size()][rows.length];
        for (int i = 0; i < order.length; i++) {
            long[] less = rows.clone();
            less[order[i]]--;
            Map<String, Double> v = ReportAssembler.flatValues(stats.resampled(less), spec, new HashMap<>());
            for (int k = 0; k < keys.size(); k++) {
                out[k][i] = v.get(keys.get(k));
            }
        }
        return out;
    }

    /** The strata (group keys) of the cells, in value order: everything indexed by position in {@link #order}. */
    static final class Strata {
        /** The cells in value order. */
        final int[] order;
        /** Rows of the i-th cell. */
        final long[] sizes;
        /** Stratum of the i-th cell. */
        final int[] stratum;
        final int count;
        /** {@code start[s]..start[s+1]}: the positions of the cells of stratum s. */
        final int[] start;

        Strata(FairnessStatistics stats) {
            order = stats.canonicalCellOrder();
            sizes = new long[order.length];
            stratum = new int[order.length];
            List<Integer> starts = new ArrayList<>();
            int s = -1;
            for (int i = 0; i < order.length; i++) {
                if (i == 0 || stats.cellKeyOf(order[i]) != stats.cellKeyOf(order[i - 1])) {
                    s++;
                    starts.add(i);
                }
                stratum[i] = s;
                sizes[i] = stats.cellRows(order[i]);
            }
            starts.add(order.length);
            count = s + 1;
            start = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** One resample's cell counts (indexed by cell): a multinomial within each stratum, in value order. */
        long[] draw(SplittableRandom random) {
            long[] drawn = new long[order.length];
            for (int s = 0; s < count; s++) {
                long n = 0;
                for (int i = start[s]; i < start[s + 1]; i++) {
                    n += sizes[i];
                }
                Multinomial.draw(random, n, sizes, start[s], start[s + 1], drawn);
            }
            long[] byCell = new long[order.length];
            for (int i = 0; i < order.length; i++) {
                byCell[order[i]] = drawn[i];
            }
            return byCell;
        }
    }
}
