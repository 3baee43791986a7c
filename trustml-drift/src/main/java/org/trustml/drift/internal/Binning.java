package org.trustml.drift.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.trustml.drift.spi.NumericColumnPair;

/**
 * Shares of reference and current values per bin, for PSI and Jensen–Shannon.
 *
 * <p>Two conventions:
 * <ul>
 *   <li>{@link #quantileBins}: edges at the reference deciles (numpy's linear quantiles, repeated
 *       edges merged), bins {@code (-∞, q1], (q1, q2], …, (q_k, ∞)}. A constant reference leaves
 *       one edge, so two bins (at or below the constant, above it).</li>
 *   <li>{@link #evidentlyBins}: Evidently's {@code get_binned_data}: a numeric column with more
 *       than 20 distinct reference values gets equal-width bins over the pooled range, their
 *       count by Sturges' rule {@code ceil(log2 N) + 1} ({@code N} pooled values, numpy's
 *       {@code histogram_bin_edges(bins='sturges')}; a zero range widens to ±0.5); otherwise one
 *       bin per distinct value.</li>
 * </ul>
 * Empty bins are filled by {@link #fillZeroes} (Evidently): with 1e-4, or with the smallest
 * non-zero share / 10⁶ when that share is itself at most 1e-4.
 */
public final class Binning {
    /** Default PSI epsilon for an empty bin. */
    public static final double EPSILON = 1e-4;

    private Binning() {}

    /** Bin shares of both samples; {@code note} says how the bins were made. */
    public record Shares(double[] reference, double[] current, String note) {}

    /**
     * Decile bins of the reference ({@code bins} bins before merging repeated edges). The quantiles are numpy's
     * linear ones, {@code h = (n - 1) p}, {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}
     * ({@link SortedSample#quantile}); the order statistics and then the counts at the edges are each one
     * batch of queries.
     */
    public static Shares quantileBins(NumericColumnPair pair, int bins) {
        long n = pair.referenceCount();
        long[] ranks = new long[2 * (bins - 1)];
        double[] h = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            h[i - 1] = (n - 1) * ((double) i / bins);
            long lo = (long) Math.floor(h[i - 1]);
            ranks[2 * (i - 1)] = lo;
            ranks[2 * (i - 1) + 1] = Math.min(lo + 1, n - 1);
        }
        double[] at = pair.referenceAt(ranks);
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i < bins - 1; i++) {
            double lo = at[2 * i];
            double q = lo + (h[i] - Math.floor(h[i])) * (at[2 * i + 1] - lo);
            if (edges.isEmpty() || q > edges.get(edges.size() - 1)) {
                edges.add(q);
            }
        }
        long[][] atMost = pair.countAtMost(edges.stream().mapToDouble(Double::doubleValue).toArray());
        long m = pair.currentCount();
        double[] r = new double[edges.size() + 1];
        double[] c = new double[edges.size() + 1];
        long prevR = 0;
        long prevC = 0;
        for (int k = 0; k < edges.size(); k++) {
            r[k] = (double) (atMost[0][k] - prevR) / n;
            c[k] = (double) (atMost[1][k] - prevC) / m;
            prevR = atMost[0][k];
            prevC = atMost[1][k];
        }
        r[edges.size()] = (double) (n - prevR) / n;
        c[edges.size()] = (double) (m - prevC) / m;
        String note = edges.size() + 1 < bins
                ? "reference quantiles repeat: " + (edges.size() + 1) + " bins instead of " + bins
                        + (pair.referenceDistinct(1) == 1 ? " (constant reference: at or below " + edges.get(0) + ", above it)" : "")
                : bins + " bins at reference quantiles";
        return new Shares(r, c, note);
    }

    /** Evidently's numeric bins (see class doc). */
    public static Shares evidentlyBins(NumericColumnPair pair) {
        if (pair.referenceDistinct(20) <= 20) {
            return distinctValueBins(pair);
        }
        double[] range = pair.pooledRange();
        double lo = range[0];
        double hi = range[1];
        long total = pair.referenceCount() + pair.currentCount();
        int nb = (int) Math.ceil(Math.log(total) / Math.log(2) + 1);
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[nb + 1];
        double step = (hi - lo) / nb;
        for (int i = 0; i <= nb; i++) {
            edges[i] = lo + i * step;
        }
        edges[nb] = hi;
        // numpy's histogram: [e_i, e_{i+1}), the last bin closed
        long[][] below = pair.countBelow(edges);
        long[][] atMost = pair.countAtMost(new double[] {edges[nb]});
        return new Shares(histogram(below[0], atMost[0][0], pair.referenceCount()),
                histogram(below[1], atMost[1][0], pair.currentCount()),
                nb + " equal-width bins over the pooled range (Sturges)");
    }

    private static double[] histogram(long[] below, long atMostLast, long size) {
        int nb = below.length - 1;
        double[] out = new double[nb];
        for (int i = 0; i < nb; i++) {
            long upper = i == nb - 1 ? atMostLast : below[i + 1];
            out[i] = (double) (upper - below[i]) / size;
        }
        return out;
    }

    /** One bin per distinct value of either sample (Evidently's route for few distinct values). */
    static Shares distinctValueBins(NumericColumnPair pair) {
        SortedMap<Double, long[]> values = pair.pooledValues();
        double[] r = new double[values.size()];
        double[] c = new double[values.size()];
        int k = 0;
        for (long[] counts : values.values()) {
            r[k] = (double) counts[0] / pair.referenceCount();
            c[k] = (double) counts[1] / pair.currentCount();
            k++;
        }
        return new Shares(r, c, values.size() + " bins, one per distinct value");
    }

    /** Evidently's zero fill (see class doc); returns a new array. */
    public static double[] fillZeroes(double[] shares) {
        double minNonZero = Double.POSITIVE_INFINITY;
        for (double s : shares) {
            if (s > 0 && s < minNonZero) {
                minNonZero = s;
            }
        }
        double fill = minNonZero <= EPSILON ? minNonZero / 1e6 : EPSILON;
        double[] out = shares.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = fill;
            }
        }
        return out;
    }

    /**
     * Population Stability Index {@code Σ (r_i - c_i) ln(r_i / c_i)} over zero-filled shares
     * (Evidently's {@code psi}).
     */
    public static double psi(Shares s) {
        double[] r = fillZeroes(s.reference());
        double[] c = fillZeroes(s.current());
        double psi = 0;
        for (int i = 0; i < r.length; i++) {
            psi += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return psi;
    }

    /**
     * Jensen–Shannon distance (natural log, scipy's {@code jensenshannon}):
     * {@code sqrt((KL(p‖m) + KL(q‖m)) / 2)}, {@code m = (p + q)/2}, shares renormalised, no zero fill.
     */
    public static double jensenShannon(double[] p, double[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / sp;
            double b = q[i] / sq;
            double mid = (a + b) / 2;
            if (a > 0) {
                js += a * Math.log(a / mid);
            }
            if (b > 0) {
                js += b * Math.log(b / mid);
            }
        }
        return Math.sqrt(Math.max(0, js / 2));
    }
}
