package org.trustml.drift.internal;

import java.util.SplittableRandom;

/**
 * Multivariate two-sample test by maximum mean discrepancy with a Gaussian kernel, as
 * alibi-detect's {@code MMDDrift} (Gretton et al. 2012).
 *
 * <p>On the pooled rows {@code z = [x_ref; x_cur]} ({@code n + m} rows):
 * <ul>
 *   <li>kernel {@code k(a, b) = exp(-‖a - b‖² / (2σ²))}, {@code σ = sqrt(median/2)} where the median
 *       is taken over the off-diagonal pooled squared distances (alibi-detect's
 *       {@code sigma_median}: element {@code N + (N² - N)/2 - 1} of the sorted {@code N×N}
 *       distance matrix);</li>
 *   <li>unbiased {@code MMD² = Σ_{i≠j} k_xx/(n(n-1)) + Σ_{i≠j} k_yy/(m(m-1)) - 2 mean(k_xy)};</li>
 *   <li>p-value {@code (1 + A) / (1 + B)}, {@code A} the number of the {@code B} random relabellings
 *       of the pooled rows whose MMD² is at least the observed one (Phipson &amp; Smyth 2010,
 *       "Permutation p-values should never be zero"): the observed labelling is one of the
 *       {@code B + 1} equally likely ones, so {@code P(p <= u) <= u} for every {@code u}.
 *       alibi-detect reports {@code A / B} ({@code (mmd2 <= mmd2_permuted).mean()}), which is 0
 *       when no permutation reaches the observed value and so rejects with probability
 *       {@code 1/(B + 1)} at any threshold, however small (about 1% instead of 0.1% at threshold
 *       0.001 with 100 permutations; 17% instead of 5% at 0.05 with 5). The permutations come from
 *       a {@link SplittableRandom} seeded by the caller.</li>
 * </ul>
 */
public final class MaximumMeanDiscrepancy {
    private MaximumMeanDiscrepancy() {}

    /** Observed MMD², p-value and the kernel bandwidth used. */
    public record Result(double mmd2, double pValue, double sigma, int permutations) {}

    /** Rows are arrays of equal length; {@code reference.length, current.length >= 2}. */
    public static Result test(double[][] reference, double[][] current, int permutations, long seed) {
        int n = reference.length;
        int m = current.length;
        int total = n + m;
        double[][] z = new double[total][];
        System.arraycopy(reference, 0, z, 0, n);
        System.arraycopy(current, 0, z, n, m);
        double[] dist = new double[total * total];
        for (int i = 0; i < total; i++) {
            for (int j = i + 1; j < total; j++) {
                double s = 0;
                for (int c = 0; c < z[i].length; c++) {
                    double d = z[i][c] - z[j][c];
                    s += d * d;
                }
                dist[i * total + j] = s;
                dist[j * total + i] = s;
            }
        }
        double[] sorted = dist.clone();
        java.util.Arrays.sort(sorted);
        long medianIndex = total + ((long) total * total - total) / 2 - 1;
        double median = sorted[(int) medianIndex];
        double sigma = Math.sqrt(0.5 * median);
        double[] kernel = new double[total * total];
        double scale = sigma > 0 ? 1.0 / (2 * sigma * sigma) : Double.POSITIVE_INFINITY;
        for (int i = 0; i < total; i++) {
            for (int j = 0; j < total; j++) {
                kernel[i * total + j] = i == j ? 0.0 : (sigma > 0 ? Math.exp(-dist[i * total + j] * scale)
                        : (dist[i * total + j] == 0 ? 1.0 : 0.0));
            }
        }
        int[] identity = new int[total];
        for (int i = 0; i < total; i++) {
            identity[i] = i;
        }
        double observed = mmd2(kernel, total, identity, n);
        SplittableRandom random = new SplittableRandom(seed);
        int atLeast = 0;
        int[] perm = identity.clone();
        for (int p = 0; p < permutations; p++) {
            for (int i = total - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            if (observed <= mmd2(kernel, total, perm, n)) {
                atLeast++;
            }
        }
        return new Result(observed, (1.0 + atLeast) / (1.0 + permutations), sigma, permutations);
    }

    /** Unbiased MMD² when rows {@code order[0..n)} are the reference and the rest the current. */
    static double mmd2(double[] kernel, int total, int[] order, int n) {
        int m = total - n;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int a = 0; a < total; a++) {
            int row = order[a] * total;
            boolean aRef = a < n;
            for (int b = 0; b < total; b++) {
                double k = kernel[row + order[b]];
                boolean bRef = b < n;
                if (aRef && bRef) {
                    xx += k;
                } else if (!aRef && !bRef) {
                    yy += k;
                } else if (!aRef) {
                    xy += k;
                }
            }
        }
        return xx / ((double) n * (n - 1)) + yy / ((double) m * (m - 1)) - 2 * xy / ((double) n * m);
    }
}
