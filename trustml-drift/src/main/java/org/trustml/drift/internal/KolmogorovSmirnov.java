package org.trustml.drift.internal;

/**
 * Two-sample, two-sided Kolmogorov–Smirnov test with scipy's {@code ks_2samp(method='auto')}
 * p-value.
 *
 * <p>Statistic {@code D = max_x |F_ref(x) - F_cur(x)|} over the right-continuous empirical CDFs.
 * P-value, as scipy (Hodges 1958; Simard & L'Ecuyer 2011):
 * <ul>
 *   <li>exact when {@code max(n, m) <= 10000}: with {@code g = gcd(n, m)}, {@code h = round(D·lcm)},
 *       {@code p = P(D_{n,m} >= h/lcm)}, the share of the {@code C(n+m, n)} monotone lattice paths
 *       from (0,0) to (n,m) that touch {@code |i·m - j·n| >= h·g}. We count the paths that have
 *       already touched the boundary (normalised by {@code C(i+j, i)}), which sums positive terms
 *       and stays accurate in the far tail, where scipy's {@code 1 - inside} loses digits;</li>
 *   <li>asymptotic otherwise: {@code kstwo.sf(D, round(n·m/(n+m)))}, the survival function of the
 *       one-sample two-sided statistic ({@link KolmogorovDistribution}, Simard & L'Ecuyer's
 *       method, the one scipy follows).</li>
 * </ul>
 */
public final class KolmogorovSmirnov {
    /** scipy's {@code MAX_AUTO_N}: exact p-values up to this size of the larger sample. */
    public static final int MAX_EXACT_N = 10_000;

    private KolmogorovSmirnov() {}

    /** Result: statistic, p-value and whether the exact distribution was used. */
    public record Result(double statistic, double pValue, boolean exact) {}

    /** The statistic D from two sorted samples (one merge walk). */
    public static double statistic(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n && j < m) {
            double x = Math.min(a[i], b[j]);
            while (i < n && a[i] == x) {
                i++;
            }
            while (j < m && b[j] == x) {
                j++;
            }
            double diff = Math.abs((double) i / n - (double) j / m);
            if (diff > d) {
                d = diff;
            }
        }
        // after one sample is exhausted the difference only shrinks toward 0
        return d;
    }

    /** The test on two sorted, non-empty samples. */
    public static Result test(double[] a, double[] b) {
        return test(statistic(a, b), a.length, b.length);
    }

    /** The test from the statistic {@code d} of samples of {@code sizeA} and {@code sizeB} values. */
    public static Result test(double d, long sizeA, long sizeB) {
        int n = Math.toIntExact(sizeA);
        int m = Math.toIntExact(sizeB);
        if (Math.max(n, m) <= MAX_EXACT_N) {
            long g = gcd(n, m);
            long lcm = (n / g) * (long) m;
            long h = Math.round(d * lcm);
            double dExact = (double) h / lcm;
            if (h == 0) {
                return new Result(dExact, 1.0, true);
            }
            return new Result(dExact, exactPValue(n, m, h), true);
        }
        double en = (double) Math.max(n, m) * Math.min(n, m) / ((double) n + m);
        return new Result(d, oneSampleSf(d, (int) Math.round(en)), false);
    }

    /**
     * The exact {@code P(D_{n,m} >= h / lcm(n, m))}, {@code 1 <= h <= lcm(n, m)}: the p-value of the
     * exact path, and, as a function of {@code h}, every value it can take.
     */
    public static double exactPValue(int n, int m, long h) {
        return n == m ? outsideSquare(n, (int) h) : exactOutside(n, m, gcd(n, m), h);
    }

    /**
     * {@code P(D_{n,n} >= h/n)} by the reflection formula
     * {@code 2 Σ_{k>=1} (-1)^{k+1} C(2n, n-kh) / C(2n, n)}, evaluated Horner-style from the last
     * term, {@code P = 2 A_1 (1 - A_2 (1 - A_3 (...)))} with
     * {@code A_k = Π_{j<h} (n-kh+h-j... )}; each ratio is a product of {@code h} simple factors.
     */
    static double outsideSquare(int n, int h) {
        double p = 0.0;
        for (int k = n / h; k >= 0; k--) {
            double a = 1.0;
            for (int j = 0; j < h; j++) {
                a = (n - (double) k * h - j) * a / (n + (double) k * h + j + 1);
            }
            p = a * (1.0 - p);
        }
        return 2 * p;
    }

    /**
     * Share of lattice paths from (0,0) to (n,m) that touch {@code |i·m - j·n| >= h·g}.
     * {@code o(i,j) = (i·o(i-1,j) + j·o(i,j-1)) / (i+j)} inside the band, 1 on and outside it.
     */
    static double exactOutside(int n, int m, long g, long hl) {
        if (n < m) {
            int t = n;
            n = m;
            m = t;
        }
        long bound = hl * g;
        double[] col = new double[m + 1];
        // column i = 0: cell (0, j) is outside when j·n >= bound
        for (int j = 0; j <= m; j++) {
            col[j] = (long) j * n >= bound ? 1.0 : 0.0;
        }
        for (int i = 1; i <= n; i++) {
            long im = (long) i * m;
            for (int j = 0; j <= m; j++) {
                long diff = Math.abs(im - (long) j * n);
                if (diff >= bound) {
                    col[j] = 1.0;
                } else if (j == 0) {
                    // only reachable from (i-1, 0): col[0] already holds it
                    continue;
                } else {
                    col[j] = (i * col[j] + j * col[j - 1]) / (i + j);
                }
            }
        }
        return Math.min(1.0, col[m]);
    }

    /** {@code P(D_n >= d)} for the one-sample two-sided statistic (scipy's {@code kstwo.sf}). */
    public static double oneSampleSf(double d, int n) {
        return KolmogorovDistribution.sf(d, n);
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
