package org.trustml.drift.internal;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The distribution of exceedances (Gumbel &amp; von Schelling 1950, "The distribution of the
 * number of exceedances", Ann. Math. Statist. 21(2)): of {@code n} new values, how many lie above
 * the {@code j}-th smallest of {@code m} reference values, when all {@code m + n} are exchangeable
 * draws of one continuous distribution. Counting the orderings of the pooled values,
 * <pre>
 *   P(K = k) = C(j - 1 + n - k, n - k) · C(m - j + k, k) / C(m + n, n),   k = 0 … n,
 * </pre>
 * which is the beta-binomial {@code BetaBinomial(n, m - j + 1, j)} (scipy's {@code betabinom}):
 * the share of the distribution above the {@code j}-th order statistic is {@code Beta(m - j + 1, j)}.
 * Unlike a binomial test against the nominal rate, it counts the sampling error of the threshold.
 */
public final class Exceedances {
    private Exceedances() {}

    /**
     * {@code P(K >= x)}: a sum of positive terms in log space, accurate in the far tail.
     *
     * @param m reference values (at least 1)
     * @param j rank of the threshold among them, {@code 1 <= j <= m}
     * @param n new values
     * @param x observed count above the threshold, {@code 0 <= x <= n}
     */
    public static double survival(int m, int j, int n, int x) {
        if (m < 1 || j < 1 || j > m || n < 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("exceedances: m=" + m + ", j=" + j + ", n=" + n + ", x=" + x);
        }
        if (x == 0) {
            return 1.0;
        }
        double logTotal = logChoose(m + n, n);
        double max = Double.NEGATIVE_INFINITY;
        double[] logTerms = new double[n - x + 1];
        for (int k = x; k <= n; k++) {
            double t = logChoose(j - 1 + n - k, n - k) + logChoose(m - j + k, k) - logTotal;
            logTerms[k - x] = t;
            max = Math.max(max, t);
        }
        double sum = 0;
        for (double t : logTerms) {
            sum += Math.exp(t - max);
        }
        return Math.min(1.0, Math.exp(max + Math.log(sum)));
    }

    /**
     * The rank {@code j} of the order statistic at or below numpy's linear {@code q}-quantile of
     * {@code m} values ({@link SortedSample#quantile}): {@code floor((m - 1) q) + 1}. Values above
     * the quantile are at most as many as values above that order statistic, so {@link #survival}
     * at this rank gives a p-value that is exact when the quantile falls on the order statistic and
     * conservative otherwise.
     */
    public static int rankAtOrBelow(int m, double q) {
        return (int) Math.floor((m - 1) * q) + 1;
    }

    private static double logChoose(int a, int b) {
        return LogGamma.value(a + 1.0) - LogGamma.value(b + 1.0) - LogGamma.value(a - b + 1.0);
    }
}
