package org.trustml.fairness.internal;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The arithmetic of bootstrap intervals, as {@code scipy.stats.bootstrap} (1.10–1.17, {@code _resampling.py})
 * does it, so that the same resampled values give the same interval:
 * <ul>
 * <li>quantiles by linear interpolation between order statistics (numpy's and scipy's default, Hyndman and
 *     Fan's type 7): {@code h = (B − 1)q}, {@code x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋))};</li>
 * <li>BCa's bias correction {@code z₀ = Φ⁻¹((#{θ*_b < θ̂} + #{θ*_b ≤ θ̂}) / 2B)};</li>
 * <li>its acceleration from the jackknife of several independent samples (strata), Efron and Tibshirani
 *     (1993) eq. 15.36 as scipy sums it: {@code U_ji = (n_j − 1)(θ̄_j − θ_ji)},
 *     {@code a = Σ_j Σ_i U_ji³/n_j³ / (6 (Σ_j Σ_i U_ji²/n_j²)^{3/2})}, where θ_ji leaves out row i of stratum
 *     j and θ̄_j is their mean over stratum j;</li>
 * <li>BCa's levels {@code α₁ = Φ(z₀ + (z₀ + z_α)/(1 − a(z₀ + z_α)))}, {@code α₂} likewise with {@code z_{1−α}},
 *     α = (1 − level)/2.</li>
 * </ul>
 * Stateless.
 */
public final class BootstrapMath {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private BootstrapMath() {}

    /** Φ⁻¹(p), the standard normal quantile. */
    public static double normalQuantile(double p) {
        return NORMAL.inverseCumulativeProbability(p);
    }

    /** Φ(x). */
    public static double normalCdf(double x) {
        return NORMAL.cumulativeProbability(x);
    }

    /** The type-7 quantile of ascending values {@code sorted} at {@code q} in [0, 1]. */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        // numpy's _lerp: from the nearer end, so q = 1 gives the maximum exactly
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    /** {@code (#{x < score} + #{x ≤ score}) / 2B}: the "mean" percentile of a score, as a fraction. */
    public static double percentileOfScore(double[] values, double score) {
        long below = 0;
        long atOrBelow = 0;
        for (double v : values) {
            below += v < score ? 1 : 0;
            atOrBelow += v <= score ? 1 : 0;
        }
        return (below + atOrBelow) / (2.0 * values.length);
    }

    /**
     * BCa's acceleration from grouped jackknife values: leaving out any one of the {@code rows[i]} rows of group
     * {@code i} gives {@code theta[i]}; group i belongs to stratum {@code stratum[i]}. Strata of one row add
     * nothing ({@code n_j − 1 = 0}). NaN when a value of a stratum of two or more rows is not finite; 0 when
     * every leave-one-out value equals its stratum's mean (scipy gives NaN there).
     */
    public static double acceleration(double[] theta, long[] rows, int[] stratum, int strata) {
        long[] n = new long[strata];
        double[] sum = new double[strata];
        for (int i = 0; i < theta.length; i++) {
            n[stratum[i]] += rows[i];
            sum[stratum[i]] += rows[i] * theta[i];
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < theta.length; i++) {
            long nj = n[stratum[i]];
            if (nj < 2 || rows[i] == 0) {
                continue;
            }
            if (!Double.isFinite(theta[i])) {
                return Double.NaN;
            }
            double u = (nj - 1) * (sum[stratum[i]] / nj - theta[i]);
            double n2 = (double) nj * nj;
            num += rows[i] * u * u * u / (n2 * nj);
            den += rows[i] * u * u / n2;
        }
        return den == 0 ? 0 : num / (6 * Math.pow(den, 1.5));
    }

    /** BCa's two quantile levels, {α₁, α₂}; NaN when z₀ is infinite (the point outside every resample). */
    public static double[] bcaLevels(double z0, double acceleration, double level) {
        double zAlpha = normalQuantile((1 - level) / 2);
        double n1 = z0 + zAlpha;
        double n2 = z0 - zAlpha;
        return new double[] {normalCdf(z0 + n1 / (1 - acceleration * n1)), normalCdf(z0 + n2 / (1 - acceleration * n2))};
    }

    /** A sorted copy. */
    public static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }
}
