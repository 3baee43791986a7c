package org.trustml.fairness.internal;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Exact binomial and multinomial variates, for resampling cell counts. A binomial variate is drawn by inversion
 * from the mode: one uniform u is compared with the probabilities of the mode, mode + 1, mode − 1, mode + 2, …
 * (each from the previous by the ratio {@code P(k+1)/P(k) = (n−k)/(k+1) · p/(1−p)}), so every k is returned with
 * probability P(k) (up to the rounding of the probabilities) and the expected work is about 1.6 standard deviations
 * of steps, √(np(1−p)), whatever n is. The mode's probability comes from Loader's saddle-point expansion
 * (commons-math3 {@code BinomialDistribution.logProbability}), accurate for n in the millions. A multinomial
 * draw is a chain of binomials: {@code m_i ~ Bin(M − Σ_{j<i} m_j, n_i / (N − Σ_{j<i} n_j))}. Stateless.
 */
public final class Multinomial {
    private Multinomial() {}

    /** One Bin(n, p) variate. */
    public static long binomial(SplittableRandom random, long n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(random, n, 1 - p);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " trials, got " + n);
        }
        double q = 1 - p;
        double r = p / q;
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        double pm = Math.exp(new BinomialDistribution(null, (int) n, p).logProbability((int) mode));
        double u = random.nextDouble() - pm;
        if (u < 0) {
            return mode;
        }
        long lo = mode;
        long hi = mode;
        double plo = pm;
        double phi = pm;
        while (true) {
            if (hi < n) {
                phi *= (double) (n - hi) / (hi + 1) * r;
                hi++;
                u -= phi;
                if (u < 0) {
                    return hi;
                }
            }
            if (lo > 0) {
                plo *= (double) lo / (n - lo + 1) / r;
                lo--;
                u -= plo;
                if (u < 0) {
                    return lo;
                }
            }
            if ((hi == n || phi == 0) && (lo == 0 || plo == 0)) {
                return mode;  // u beyond the rounded total probability: about 1e-15 of the draws
            }
        }
    }

    /**
     * Draws {@code total} items among categories of sizes {@code sizes[from..to)}, each item landing in a category
     * with probability proportional to its size, and writes the counts to {@code out[from..to)}.
     */
    public static void draw(SplittableRandom random, long total, long[] sizes, int from, int to, long[] out) {
        long remainingSize = 0;
        for (int i = from; i < to; i++) {
            remainingSize += sizes[i];
        }
        long remaining = total;
        for (int i = from; i < to; i++) {
            long m = i == to - 1 ? remaining : binomial(random, remaining, (double) sizes[i] / remainingSize);
            out[i] = m;
            remaining -= m;
            remainingSize -= sizes[i];
        }
    }
}
