package org.trustml.explain.internal;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * KernelSHAP's constrained weighted least squares, as shap 0.4x's {@code KernelExplainer.solve} without its
 * optional l1 feature selection. With {@code z} the coalition masks, {@code π} their kernel weights,
 * {@code y = link(v(S)) − link(v(∅))} and {@code Δ = link(v(N)) − link(v(∅))}, the constraint {@code Σφ = Δ} is
 * eliminated through the last player: {@code X_j = z_j − z_M}, {@code y' = y − z_M Δ}; then
 * {@code (XᵀΠX) w = XᵀΠy'} is solved by LU (numpy's {@code solve}; a singular system falls back to the minimum-norm
 * least squares solution through the SVD, as shap falls back to {@code lstsq}); {@code φ_j = w_j} for
 * {@code j < M} and {@code φ_M = Δ − Σw}. Values below {@code 10⁻¹⁰} in magnitude become 0, as in shap.
 *
 * <p>The normal equations are sums over coalitions, so they are kept as {@link Equations} that grow as coalitions
 * are drawn and combine with a weight each (enumerated part + scaled draw counts): each solve then costs
 * {@code O(M³)}, not a pass over every coalition.
 */
public final class KernelRegression {
    private KernelRegression() {}

    /** The solution, and whether the normal equations were singular (the least squares fallback was used). */
    public record Solution(double[][] phi, boolean singular) {}

    /** {@code XᵀΠX} and {@code XᵀΠy'} per output, summed over the coalitions added. */
    public static final class Equations {
        final int m;
        final double[][] a;
        final double[][] b;

        public Equations(int m, int outputs) {
            this.m = m;
            this.a = new double[m - 1][m - 1];
            this.b = new double[outputs][m - 1];
        }

        /** Adds coalition {@code z} with weight {@code w} and adjusted values {@code y} (per output). */
        public void add(boolean[] z, double w, double[] y, double[] delta) {
            int p = m - 1;
            double last = z[p] ? 1 : 0;
            for (int i = 0; i < p; i++) {
                double xi = (z[i] ? 1 : 0) - last;
                if (xi == 0) {
                    continue;
                }
                double wi = w * xi;
                double[] row = a[i];
                for (int j = 0; j < p; j++) {
                    row[j] += wi * ((z[j] ? 1 : 0) - last);
                }
                for (int d = 0; d < b.length; d++) {
                    b[d][i] += wi * (y[d] - last * delta[d]);
                }
            }
        }

        /** {@code this + scale · other}, a new object. */
        public Equations plus(Equations other, double scale) {
            Equations out = new Equations(m, b.length);
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a.length; j++) {
                    out.a[i][j] = a[i][j] + scale * other.a[i][j];
                }
            }
            for (int d = 0; d < b.length; d++) {
                for (int i = 0; i < a.length; i++) {
                    out.b[d][i] = b[d][i] + scale * other.b[d][i];
                }
            }
            return out;
        }
    }

    /** φ from the normal equations by LU, or null when they are singular. */
    public static double[][] solve(Equations eq, double[] delta) {
        double scale = 0;
        for (double[] row : eq.a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        // singular: a pivot below 10⁻¹² of the largest entry (the system carries no information there)
        DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(eq.a, true), 1e-12 * scale).getSolver();
        if (!lu.isNonSingular()) {
            return null;
        }
        double[][] phi = new double[delta.length][];
        for (int d = 0; d < delta.length; d++) {
            phi[d] = finish(lu.solve(new ArrayRealVector(eq.b[d], true)).toArray(), delta[d]);
        }
        return phi;
    }

    /**
     * φ for every output from the coalitions themselves: by LU, or by the SVD's least squares when singular.
     *
     * @param masks   the coalitions (rows); rows with weight 0 are ignored
     * @param weights their kernel weights
     * @param y       {@code [row][output]}: {@code link(v(S)) − link(v(∅))}
     * @param delta   per output: {@code link(v(N)) − link(v(∅))}
     */
    public static Solution solve(List<boolean[]> masks, double[] weights, double[][] y, double[] delta) {
        int m = masks.get(0).length;
        Equations eq = new Equations(m, delta.length);
        for (int r = 0; r < masks.size(); r++) {
            if (weights[r] != 0) {
                eq.add(masks.get(r), weights[r], y[r], delta);
            }
        }
        double[][] phi = solve(eq, delta);
        if (phi != null) {
            return new Solution(phi, false);
        }
        int p = m - 1;
        int n = masks.size();
        double[][] design = new double[n][p];
        for (int r = 0; r < n; r++) {
            boolean[] z = masks.get(r);
            double s = Math.sqrt(weights[r]);
            double last = z[p] ? 1 : 0;
            for (int j = 0; j < p; j++) {
                design[r][j] = s * ((z[j] ? 1 : 0) - last);
            }
        }
        DecompositionSolver svd = new SingularValueDecomposition(new Array2DRowRealMatrix(design, false)).getSolver();
        phi = new double[delta.length][];
        for (int d = 0; d < delta.length; d++) {
            double[] rhs = new double[n];
            for (int r = 0; r < n; r++) {
                double last = masks.get(r)[p] ? 1 : 0;
                rhs[r] = Math.sqrt(weights[r]) * (y[r][d] - last * delta[d]);
            }
            phi[d] = finish(svd.solve(new ArrayRealVector(rhs, false)).toArray(), delta[d]);
        }
        return new Solution(phi, true);
    }

    /** φ from the eliminated regression's {@code w}: the last player takes {@code Δ − Σw}; tiny values become 0. */
    private static double[] finish(double[] w, double delta) {
        double[] phi = new double[w.length + 1];
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            phi[j] = w[j];
            sum += w[j];
        }
        phi[w.length] = delta - sum;
        for (int j = 0; j < phi.length; j++) {
            if (Math.abs(phi[j]) < 1e-10) {
                phi[j] = 0;
            }
        }
        return phi;
    }
}
