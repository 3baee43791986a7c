package org.trustml.fairness;

import java.util.List;
import org.trustml.fairness.internal.Tally;

/**
 * Generalized entropy indices of the benefit {@code b_i = 1 + ŷ_i − y_i} (1 for a correct prediction,
 * 2 for a false positive, 0 for a false negative), after Speicher et al., "A Unified Approach to
 * Quantifying Algorithmic Unfairness", KDD 2018, as AIF360 v0.6.1 {@code ClassificationMetric} computes them:
 * <pre>
 *   GE(α) = 1/(n·α(α−1)) Σ [(b_i/μ)^α − 1]      α ∉ {0, 1}
 *   GE(1) = 1/n Σ (b_i/μ) ln(b_i/μ)              (Theil index; a term with b_i = 0 is 0)
 *   GE(0) = −1/n Σ ln(b_i/μ) / μ                  (AIF360 divides by μ here, unlike the paper)
 *   coefficient of variation = √(2·GE(2))
 * </pre>
 * Because b takes only the values 0, 1 and 2, the indices are exact functions of the unweighted
 * confusion counts: no per-row term is kept. Like AIF360, they ignore instance weights.
 * Between-group versions replace each b_i by the mean benefit of the row's group; for the
 * privileged/unprivileged pair, rows in neither group get b_i = 0, as in AIF360.
 * GE(0) is +∞ as soon as one b_i = 0 (as in AIF360, where numpy gives inf); the report then says why.
 */
public final class EntropyIndices {
    private EntropyIndices() {}

    /** A value with the reason it is not finite, or null. */
    record Index(double value, String reason) {}

    /** GE(α) over all rows. */
    public static double generalizedEntropyIndex(FairnessStatistics stats, double alpha) {
        return overall(stats, alpha).value();
    }

    /** GE(α) between the privileged and unprivileged groups. */
    public static double betweenGroupGeneralizedEntropyIndex(FairnessStatistics stats, double alpha) {
        return betweenGroup(stats, alpha).value();
    }

    /** GE(α) between all intersections of {@code columns}. */
    public static double betweenAllGroupsGeneralizedEntropyIndex(FairnessStatistics stats, List<String> columns, double alpha) {
        return betweenAllGroups(stats, columns, alpha).value();
    }

    static Index overall(FairnessStatistics stats, double alpha) {
        Tally t = stats.tally(FairnessSlice.OVERALL);
        return of(new double[] {1, 2, 0}, new long[] {t.rowsTp() + t.rowsTn(), t.rowsFp(), t.rowsFn()}, alpha);
    }

    static Index betweenGroup(FairnessStatistics stats, double alpha) {
        Tally u = stats.tally(FairnessSlice.UNPRIVILEGED);
        Tally p = stats.tally(FairnessSlice.PRIVILEGED);
        long rest = stats.rows() - u.rows() - p.rows();
        return of(new double[] {meanBenefit(u), meanBenefit(p), 0}, new long[] {u.rows(), p.rows(), rest}, alpha);
    }

    static Index betweenAllGroups(FairnessStatistics stats, List<String> columns, double alpha) {
        FairnessStatistics.Intersections in = stats.intersections(columns);
        int g = in.groups().size();
        double[] b = new double[g];
        long[] n = new long[g];
        for (int i = 0; i < g; i++) {
            final int group = i;
            Tally t = stats.tally(k -> in.groupOfKey()[k] == group);
            b[i] = meanBenefit(t);
            n[i] = t.rows();
        }
        return of(b, n, alpha);
    }

    /** Mean of 1 + ŷ − y over a group's rows: (n + FP − FN) / n, unweighted. */
    private static double meanBenefit(Tally t) {
        return t.rows() == 0 ? 0 : (double) (t.rows() + t.rowsFp() - t.rowsFn()) / t.rows();
    }

    /** GE(α) of a distribution given as distinct benefits {@code b} with multiplicities {@code n}. */
    static Index of(double[] b, long[] n, double alpha) {
        long total = 0;
        double sum = 0;
        for (int i = 0; i < b.length; i++) {
            total += n[i];
            sum += n[i] * b[i];
        }
        if (total == 0) {
            return new Index(Double.NaN, "no rows");
        }
        double mu = sum / total;
        if (mu == 0) {
            return new Index(Double.NaN, "mean benefit is 0 (every row a false negative): b/μ is 0/0");
        }
        double acc = 0;
        for (int i = 0; i < b.length; i++) {
            if (n[i] == 0) {
                continue;
            }
            double r = b[i] / mu;
            if (alpha == 1) {
                acc += n[i] * (b[i] == 0 ? 0 : r * Math.log(r));
            } else if (alpha == 0) {
                if (b[i] == 0) {
                    return new Index(Double.POSITIVE_INFINITY, "alpha = 0 takes ln(b_i) and some b_i = 0 (a false negative): "
                            + "the index is +infinity, as in AIF360");
                }
                acc -= n[i] * Math.log(r) / mu;
            } else {
                acc += n[i] * (Math.pow(r, alpha) - 1);
            }
        }
        double value = alpha == 0 || alpha == 1 ? acc / total : acc / total / (alpha * (alpha - 1));
        return new Index(value, null);
    }
}
