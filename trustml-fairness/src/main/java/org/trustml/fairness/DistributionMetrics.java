package org.trustml.fairness;

import java.util.List;
import org.trustml.fairness.internal.Tally;

/**
 * The extras of AIF360's scikit-learn API ({@code aif360.sklearn.metrics}, v0.6.1), from the same
 * sufficient statistics, with instance weights as {@code sample_weight}:
 * <ul>
 * <li>{@code class_imbalance} = (N_u − N_p) / (N_u + N_p), weighted group sizes;</li>
 * <li>{@code kl_divergence} = KL(P_p ‖ P_u) = Σ_y P_p(y) ln(P_p(y) / P_u(y)) over the label values present
 *     in the true labels, P_g the distribution of true labels (or predictions) in group g; a term with
 *     P_p(y) = 0 is 0, one with P_u(y) = 0 &lt; P_p(y) is +∞ (scipy's {@code rel_entr});</li>
 * <li>{@code conditional_demographic_disparity} (Wachter, Mittelstadt and Russell 2021) =
 *     Σ_i N_i·DD_i / Σ_i N_i with DD_i = N_{i,−}/N_− − N_{i,+}/N_+ over the intersections i of the
 *     protected columns, on the true labels (or the predictions).</li>
 * </ul>
 */
public final class DistributionMetrics {
    private DistributionMetrics() {}

    /** (N_u − N_p) / (N_u + N_p). */
    public static double classImbalance(FairnessStatistics stats) {
        double u = stats.tally(FairnessSlice.UNPRIVILEGED).instances();
        double p = stats.tally(FairnessSlice.PRIVILEGED).instances();
        return (u - p) / (u + p);
    }

    /** KL(P_p ‖ P_u) of the label (or prediction) distributions. */
    public static double klDivergence(FairnessStatistics stats, boolean predictions) {
        double[] p = stats.classWeights(stats::isPrivileged, predictions);
        double[] u = stats.classWeights(stats::isUnprivileged, predictions);
        long[] present = stats.classRows(false);
        double np = sum(p);
        double nu = sum(u);
        double kl = 0;
        for (int y = 0; y < p.length; y++) {
            double pp = p[y] / np;
            double pu = u[y] / nu;
            if (present[y] == 0 || pp == 0) {
                continue;
            }
            kl += pu == 0 ? Double.POSITIVE_INFINITY : pp * Math.log(pp / pu);
        }
        return kl;
    }

    /** Σ_i N_i·DD_i / Σ_i N_i over the intersections of {@code columns}. */
    public static double conditionalDemographicDisparity(FairnessStatistics stats, List<String> columns, boolean predictions) {
        Tally all = stats.tally(FairnessSlice.OVERALL);
        double pos = predictions ? all.predictedPositives() : all.positives();
        double neg = predictions ? all.predictedNegatives() : all.negatives();
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        FairnessStatistics.Intersections in = stats.intersections(columns);
        double acc = 0;
        double n = 0;
        for (int i = 0; i < in.groups().size(); i++) {
            final int group = i;
            Tally t = stats.tally(k -> in.groupOfKey()[k] == group);
            double gp = predictions ? t.predictedPositives() : t.positives();
            double gn = predictions ? t.predictedNegatives() : t.negatives();
            acc += t.instances() * (gn / neg - gp / pos);
            n += t.instances();
        }
        return acc / n;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
