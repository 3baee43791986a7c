package org.trustml.drift.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Two-sample Cramér–von Mises test as scipy's {@code cramervonmises_2samp(method='auto')}.
 *
 * <p>With midranks {@code r} of the pooled sample (ties averaged),
 * {@code U = n Σ_i (r_i - i)² + m Σ_j (s_j - j)²} and
 * {@code T = U / (n m N) - (4 n m - 1) / (6 N)}, {@code N = n + m} (Anderson 1962, eq. 9–10).
 * P-value: exact (enumeration of {@code U} over all {@code C(N, n)} splits, Xiao, Gordon &
 * Yakovlev 2006) when {@code max(n, m) <= 20}; otherwise Anderson's normalisation
 * {@code t_n = 1/6 + (T - E T)/sqrt(45 Var T)} referred to the limiting one-sample distribution:
 * {@code p = 1 - CDF_∞(t_n)} by the Csörgő–Faraway series (scipy) while that is above 1e-6,
 * and Smirnov's (1937) series for the survival function beyond, which sums positive terms and
 * stays accurate where {@code 1 - CDF} would cancel to 0.
 */
public final class CramerVonMises {
    /** scipy's threshold: exact p-values when both samples have at most this many values. */
    public static final int MAX_EXACT_N = 20;

    private CramerVonMises() {}

    /** Statistic T and its p-value. */
    public record Result(double statistic, double pValue, boolean exact) {}

    /** The test on two sorted samples of at least two values each. */
    public static Result test(double[] x, double[] y) {
        return test(midrankSums(x, y), x.length, y.length);
    }

    /**
     * The test from the midrank sums {@code {Σ_i (r_i - i)², Σ_j (s_j - j)²}} of {@code n} and {@code m}
     * values ({@code U = n·sums[0] + m·sums[1]}).
     */
    public static Result test(double[] sums, long sizeX, long sizeY) {
        int n = Math.toIntExact(sizeX);
        int m = Math.toIntExact(sizeY);
        double u = n * sums[0] + m * sums[1];
        double k = (double) n * m;
        double bigN = n + m;
        double t = u / (k * bigN) - (4 * k - 1) / (6 * bigN);
        if (Math.max(n, m) <= MAX_EXACT_N) {
            return new Result(t, exactP(u, n, m), true);
        }
        double et = (1 + 1 / bigN) / 6;
        double vt = (bigN + 1) * (4 * k * bigN - 3 * ((double) n * n + (double) m * m) - 2 * k);
        vt = vt / (45 * bigN * bigN * 4 * k);
        double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
        return new Result(t, limitingSf(tn), false);
    }

    /** {@code {Σ_i (r_i - i)², Σ_j (s_j - j)²}} from midranks, walking the two sorted samples in merge order. */
    public static double[] midrankSums(double[] x, double[] y) {
        int n = x.length;
        int m = y.length;
        int i = 0;
        int j = 0;
        double sx = 0;
        double sy = 0;
        while (i < n || j < m) {
            double v = j >= m || (i < n && x[i] <= y[j]) ? x[i] : y[j];
            int i0 = i;
            int j0 = j;
            while (i < n && x[i] == v) {
                i++;
            }
            while (j < m && y[j] == v) {
                j++;
            }
            int ties = (i - i0) + (j - j0);
            double midrank = i0 + j0 + (ties + 1) / 2.0; // 1-based average rank of the tie block
            for (int a = i0; a < i; a++) {
                double d = midrank - (a + 1);
                sx += d * d;
            }
            for (int b = j0; b < j; b++) {
                double d = midrank - (b + 1);
                sy += d * d;
            }
        }
        return new double[] {sx, sy};
    }

    /**
     * Exact {@code P(U' >= u)} over all splits: the distribution of
     * {@code ζ = Σ over the lattice path of (a·v - b·u)²} (Xiao et al. 2006, Algorithm 1),
     * with {@code a = lcm/n}, {@code b = lcm/m}; {@code U >= u} iff
     * {@code ζ >= lcm² N (6u - nm(4nm - 1)) / (6 n² m²)}.
     */
    static double exactP(double u, int n, int m) {
        long lcm = n / KolmogorovSmirnov.gcd(n, m) * m;
        long a = lcm / n;
        long b = lcm / m;
        double nm = (double) n * m;
        // all factors are small integers for n, m <= 20: exact in double, floored as scipy's //
        double zeta = Math.floor((double) lcm * lcm * (n + m) * (6 * u - nm * (4 * nm - 1)) / (6 * nm * nm));
        // gs[v]: map value -> number of paths reaching (v, current u-row)
        @SuppressWarnings("unchecked")
        Map<Long, Double>[] gs = new Map[n + 1];
        gs[0] = new HashMap<>(Map.of(0L, 1.0));
        for (int v = 1; v <= n; v++) {
            gs[v] = new HashMap<>();
        }
        for (int uu = 0; uu <= m; uu++) {
            Map<Long, Double> tmp = new HashMap<>();
            for (int v = 0; v <= n; v++) {
                Map<Long, Double> merged = new HashMap<>(tmp);
                gs[v].forEach((key, c) -> merged.merge(key, c, Double::sum));
                long res = (a * v - b * uu) * (a * v - b * uu);
                Map<Long, Double> shifted = new HashMap<>(merged.size() * 2);
                merged.forEach((key, c) -> shifted.put(key + res, c));
                gs[v] = shifted;
                tmp = shifted;
            }
        }
        double total = 0;
        double hits = 0;
        for (Map.Entry<Long, Double> e : gs[n].entrySet()) {
            total += e.getValue();
            if (e.getKey() >= zeta) {
                hits += e.getValue();
            }
        }
        return hits / total;
    }

    /** Survival function of the limiting (n = ∞) one-sample Cramér–von Mises statistic. */
    public static double limitingSf(double x) {
        if (x < 0.003) {
            return 1.0; // scipy: CDF below 1.3e-18 there
        }
        double viaCdf = Math.max(0.0, 1.0 - limitingCdf(x));
        if (viaCdf > 1e-6) {
            return viaCdf;
        }
        return smirnovSf(x);
    }

    /**
     * Csörgő & Faraway (1996) eq. 1.2: {@code CDF(x) = Σ_k Γ(k+1/2)/(Γ(1/2) k!)·sqrt(4k+1)/(π sqrt x)
     * · exp(-(4k+1)²/(16x)) K_{1/4}((4k+1)²/(16x))}, terms added until below 1e-7 (as scipy).
     */
    static double limitingCdf(double x) {
        double total = 0;
        for (int k = 0; k < 1000; k++) {
            double logRatio = org.apache.commons.numbers.gamma.LogGamma.value(k + 0.5)
                    - org.apache.commons.numbers.gamma.LogGamma.value(k + 1.0);
            double u = Math.exp(logRatio) / (Math.pow(Math.PI, 1.5) * Math.sqrt(x));
            double y = 4 * k + 1;
            double q = y * y / (16 * x);
            double term = u * Math.sqrt(y) * Math.exp(-2 * q) * scaledBesselK(0.25, q);
            total += term;
            if (Math.abs(term) < 1e-7) {
                break;
            }
        }
        return total;
    }

    /**
     * {@code exp(z) K_ν(z)} with {@code K_ν(z) = ∫_0^∞ exp(-z cosh t) cosh(ν t) dt}, by the
     * trapezoid rule, which converges geometrically for this doubly-exponentially decaying
     * integrand (step 0.02: relative error below 1e-15 for the arguments used here).
     */
    static double scaledBesselK(double nu, double z) {
        double h = 0.02;
        double sum = 0.5;
        for (int i = 1; i < 1_000_000; i++) {
            double t = i * h;
            double term = Math.exp(-z * (Math.cosh(t) - 1)) * Math.cosh(nu * t);
            sum += term;
            if (term < 1e-18 * sum) {
                break;
            }
        }
        return sum * h;
    }

    /**
     * Smirnov's (1937) series for the limiting distribution's survival function:
     * {@code P(W² > x) = (1/π) Σ_{k>=1} (-1)^{k+1} ∫_{(2k-1)²π²}^{(2k)²π²}
     * sqrt(-sqrt(y)/sin sqrt(y)) exp(-x y/2) / y dy}. The endpoint singularities are removed
     * with {@code y = a + (b - a) sin²φ}; each integral uses a 2000-point midpoint
     * rule on φ, which converges fast for the smoothed integrand.
     */
    static double smirnovSf(double x) {
        double total = 0;
        for (int k = 1; k <= 50; k++) {
            double a = Math.pow((2 * k - 1) * Math.PI, 2);
            double b = Math.pow(2 * k * Math.PI, 2);
            int steps = 2000;
            double hphi = (Math.PI / 2) / steps;
            double s = 0;
            for (int i = 0; i < steps; i++) {
                double phi = (i + 0.5) * hphi;
                double sin = Math.sin(phi);
                double cos = Math.cos(phi);
                double y = a + (b - a) * sin * sin;
                double dy = (b - a) * 2 * sin * cos;
                double r = Math.sqrt(y);
                double f = Math.sqrt(-r / Math.sin(r)) * Math.exp(-x * (y - a) / 2) / y;
                s += f * dy;
            }
            double term = s * hphi * Math.exp(-x * a / 2) / Math.PI;
            total += (k % 2 == 1 ? term : -term);
            if (term < 1e-17 * Math.abs(total)) {
                break;
            }
        }
        return total;
    }
}
