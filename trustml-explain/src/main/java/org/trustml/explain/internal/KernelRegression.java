package org.trustml.explain.internal;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * KernelSHAP's constrained weighted least squares, as shap 0.4x's {@code KernelExplainer.solve} without its
 * optional l1 feature selection. With {@code z} the coalition masks, {@code π} their kernel weights,
 * {@code y = link(v(S)) − link(v(∅))} and {@code Δ = link(v(N)) − link(v(∅))}, the constraint {@code Σφ = Δ} is
 * eliminated through the last player: {@code X_j = z_j − z_M}, {@code y' = y − z_M Δ}; then
 * {@code (XᵀΠX) w = XᵀΠy'} is solved by LU (numpy's {@code solve}; a singular system falls back to the minimum-norm
 * least squares solution through the SVD, as shap falls back to {@code lstsq}); {@code φ_j = w_j} for
 * {@code j < M} and {@code φ_M = Δ − Σw}. Values below {@code 10⁻¹⁰} in magnitude become 0, as in shap.
 */
public final class KernelRegression {
    private KernelRegression() {}

    /** The solution, and whether the normal equations were singular (the least squares fallback was used). */
    public record Solution(double[][] phi, boolean singular) {}

    /**
     * φ for every output.
     *
     * @param masks   the coalitions (rows); rows with weight 0 are ignored
     * @param weights their kernel weights
     * @param y       {@code [row][output]}: {@code link(v(S)) − link(v(∅))}
     * @param delta   per output: {@code link(v(N)) − link(v(∅))}
     */
    public static Solution solve(List<boolean[]> masks, double[] weights, double[][] y, double[] delta) {
        int m = masks.get(0).length;
        int outputs = delta.length;
        int p = m - 1;
        double[][] a = new double[p][p];
        double[][] b = new double[outputs][p];
        double[] x = new double[p];
        for (int r = 0; r < masks.size(); r++) {
            double w = weights[r];
            if (w == 0) {
                continue;
            }
            boolean[] z = masks.get(r);
            double last = z[m - 1] ? 1 : 0;
            for (int j = 0; j < p; j++) {
                x[j] = (z[j] ? 1 : 0) - last;
            }
            for (int i = 0; i < p; i++) {
                if (x[i] == 0) {
                    continue;
                }
                double wi = w * x[i];
                for (int j = 0; j < p; j++) {
                    a[i][j] += wi * x[j];
                }
                for (int d = 0; d < outputs; d++) {
                    b[d][i] += wi * (y[r][d] - last * delta[d]);
                }
            }
        }
        double[][] phi = new double[outputs][m];
        DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver();
        boolean singular = !lu.isNonSingular();
        DecompositionSolver svd = null;
        double[][] sqrtWx = null;
        if (singular) {
            int n = masks.size();
            sqrtWx = new double[n][p];
            for (int r = 0; r < n; r++) {
                boolean[] z = masks.get(r);
                double s = Math.sqrt(weights[r]);
                double last = z[m - 1] ? 1 : 0;
                for (int j = 0; j < p; j++) {
                    sqrtWx[r][j] = s * ((z[j] ? 1 : 0) - last);
                }
            }
            RealMatrix design = new Array2DRowRealMatrix(sqrtWx, false);
            svd = new SingularValueDecomposition(design).getSolver();
        }
        for (int d = 0; d < outputs; d++) {
            double[] w;
            if (!singular) {
                w = lu.solve(new ArrayRealVector(b[d], false)).toArray();
            } else {
                double[] rhs = new double[masks.size()];
                for (int r = 0; r < rhs.length; r++) {
                    double last = masks.get(r)[m - 1] ? 1 : 0;
                    rhs[r] = Math.sqrt(weights[r]) * (y[r][d] - last * delta[d]);
                }
                w = svd.solve(new ArrayRealVector(rhs, false)).toArray();
            }
            double sum = 0;
            for (int j = 0; j < p; j++) {
                phi[d][j] = w[j];
                sum += w[j];
            }
            phi[d][m - 1] = delta[d] - sum;
            for (int j = 0; j < m; j++) {
                if (Math.abs(phi[d][j]) < 1e-10) {
                    phi[d][j] = 0;
                }
            }
        }
        return new Solution(phi, singular);
    }
}
