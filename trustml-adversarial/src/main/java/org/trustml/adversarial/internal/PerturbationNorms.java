package org.trustml.adversarial.internal;

/** Per-sample ‖a − b‖∞, ‖a − b‖₁ and ‖a − b‖₂ of row-major arrays (computed in double). */
public final class PerturbationNorms {
    private PerturbationNorms() {}

    /** {@code [linf[], l1[], l2[]]}, one value per sample of {@code d} features. */
    public static double[][] of(float[] a, float[] b, int d) {
        return norms(a, b, d);
    }

    /** Per-sample ‖a‖∞, ‖a‖₁ and ‖a‖₂ (without a zero array the size of {@code a}). */
    public static double[][] of(float[] a, int d) {
        return norms(a, null, d);
    }

    private static double[][] norms(float[] a, float[] b, int d) {
        int n = a.length / d;
        double[][] out = new double[3][n];
        for (int i = 0; i < n; i++) {
            double inf = 0;
            double l1 = 0;
            double l2 = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                double v = Math.abs(b == null ? (double) a[j] : (double) a[j] - b[j]);
                inf = Math.max(inf, v);
                l1 += v;
                l2 += v * v;
            }
            out[0][i] = inf;
            out[1][i] = l1;
            out[2][i] = Math.sqrt(l2);
        }
        return out;
    }
}
