package org.trustml.drift.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trustml.drift.spi.CategoricalCounts;

/**
 * Counts of each category in reference and current (missing values left out), and the tests
 * that read them: the two-sample (contingency) and one-sample (Evidently's) chi-square, the
 * two-proportion z-test, and the binned distances.
 */
public final class CategoryCounts {
    private final Map<String, long[]> counts; // category -> {reference, current}, sorted by name
    private final long referenceTotal;
    private final long currentTotal;

    private CategoryCounts(Map<String, long[]> counts, long referenceTotal, long currentTotal) {
        this.counts = counts;
        this.referenceTotal = referenceTotal;
        this.currentTotal = currentTotal;
    }

    /** Counts from two lists of category labels (null = missing). */
    public static CategoryCounts of(List<String> reference, List<String> current) {
        Map<String, long[]> counts = new TreeMap<>();
        long r = 0;
        long c = 0;
        for (String s : reference) {
            if (s != null) {
                counts.computeIfAbsent(s, k -> new long[2])[0]++;
                r++;
            }
        }
        for (String s : current) {
            if (s != null) {
                counts.computeIfAbsent(s, k -> new long[2])[1]++;
                c++;
            }
        }
        return new CategoryCounts(counts, r, c);
    }

    /** Counts summarised elsewhere (an engine's {@link CategoricalCounts}). */
    public static CategoryCounts of(CategoricalCounts summary) {
        Map<String, long[]> counts = new TreeMap<>();
        long r = 0;
        long c = 0;
        for (Map.Entry<String, Long> e : summary.reference().entrySet()) {
            counts.computeIfAbsent(e.getKey(), k -> new long[2])[0] = e.getValue();
            r += e.getValue();
        }
        for (Map.Entry<String, Long> e : summary.current().entrySet()) {
            counts.computeIfAbsent(e.getKey(), k -> new long[2])[1] = e.getValue();
            c += e.getValue();
        }
        return new CategoryCounts(counts, r, c);
    }

    public long referenceTotal() {
        return referenceTotal;
    }

    public long currentTotal() {
        return currentTotal;
    }

    public int categoryCount() {
        return counts.size();
    }

    /** Categories seen in current but never in reference, by name. */
    public List<String> unseenInReference() {
        List<String> out = new ArrayList<>();
        counts.forEach((k, v) -> {
            if (v[0] == 0) {
                out.add(k);
            }
        });
        return out;
    }

    /** Share of each category in reference and current, keyed by category. */
    public Map<String, double[]> shares() {
        Map<String, double[]> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k,
                new double[] {(double) v[0] / referenceTotal, (double) v[1] / currentTotal}));
        return out;
    }

    /** The shares as two aligned arrays for the binned distances. */
    public Binning.Shares binShares() {
        double[] r = new double[counts.size()];
        double[] c = new double[counts.size()];
        int i = 0;
        for (long[] v : counts.values()) {
            r[i] = (double) v[0] / referenceTotal;
            c[i] = (double) v[1] / currentTotal;
            i++;
        }
        return new Binning.Shares(r, c, counts.size() + " bins, one per category");
    }

    /** Chi-square statistic, degrees of freedom and p-value. */
    public record ChiSquare(double statistic, int degreesOfFreedom, double pValue) {}

    /**
     * The two-sample test, scipy's {@code chi2_contingency(table, correction=False)} on the 2×K
     * table whose rows are reference and current and whose columns are the categories seen in
     * either (a column with no count on either side would be dropped; counting only seen
     * categories, there is none): expected {@code E_sj = n_s · c_j / N} ({@code n_s} the row
     * total, {@code c_j} the category total, {@code N = n_ref + n_cur}),
     * {@code χ² = Σ_s Σ_j (O_sj - E_sj)² / E_sj}, {@code K - 1} degrees of freedom,
     * {@code p = Q(χ²)}; no Yates correction, also for K = 2 (then {@code χ² = z²} of
     * {@link #zTest()}). One category gives {@code χ² = 0}, p = 1, as scipy. A category seen on
     * one side only is an ordinary cell, not an infinite statistic.
     */
    public ChiSquare chiSquareContingency() {
        double total = (double) referenceTotal + currentTotal;
        double stat = 0;
        int columns = 0;
        for (long[] v : counts.values()) {
            long column = v[0] + v[1];
            if (column == 0) {
                continue;
            }
            columns++;
            double eRef = (double) referenceTotal * column / total; // scipy: outer(row, column sums) / N
            double eCur = (double) currentTotal * column / total;
            double dRef = v[0] - eRef;
            double dCur = v[1] - eCur;
            stat += dRef * dRef / eRef + dCur * dCur / eCur;
        }
        return withPValue(columns > 1 ? stat : 0.0, columns - 1);
    }

    /**
     * The one-sample test, Evidently's {@code chi_stat_test}: observed = current counts,
     * expected = reference counts scaled by {@code n_cur / n_ref}, taken as exact;
     * {@code χ² = Σ (o - e)² / e}, {@code k - 1} degrees of freedom, {@code p = Q(χ²)} by the
     * chi-squared survival function. A category unseen in the reference has {@code e = 0}: the
     * statistic is infinite and p = 0, as scipy's {@code chisquare}. Anti-conservative when the
     * reference is itself a sample (its sampling error is ignored).
     */
    public ChiSquare chiSquareGoodnessOfFit() {
        double scale = (double) currentTotal / referenceTotal;
        double stat = 0;
        for (long[] v : counts.values()) {
            double e = v[0] * scale;
            double d = v[1] - e;
            stat += e == 0 ? (v[1] == 0 ? 0 : Double.POSITIVE_INFINITY) : d * d / e;
        }
        return withPValue(stat, counts.size() - 1);
    }

    private static ChiSquare withPValue(double stat, int dof) {
        double p;
        if (dof == 0) {
            p = 1.0;
        } else if (Double.isInfinite(stat)) {
            p = 0.0;
        } else {
            p = ChiSquaredDistribution.of(dof).survivalProbability(stat);
        }
        return new ChiSquare(stat, dof, p);
    }

    /** z statistic and two-sided p-value. */
    public record ZTest(double statistic, double pValue) {}

    /**
     * Evidently's {@code z_stat_test} for a binary column: indicator "not the first category in
     * sorted order", pooled two-proportion z statistic
     * {@code z = (p_r - p_c) / sqrt(P(1-P)(1/n_r + 1/n_c))}, {@code P} the pooled share;
     * {@code p = 2 Φ̄(|z|)}, by the normal survival function (accurate in the tail where
     * Evidently's {@code 2(1 - Φ(|z|))} would round to 0). One shared category gives p = 1.
     */
    public ZTest zTest() {
        if (counts.size() <= 1) {
            return new ZTest(0.0, 1.0);
        }
        long[] first = counts.values().iterator().next();
        double pr = (double) (referenceTotal - first[0]) / referenceTotal;
        double pc = (double) (currentTotal - first[1]) / currentTotal;
        double pooled = (pr * referenceTotal + pc * currentTotal) / (referenceTotal + currentTotal);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / referenceTotal + 1.0 / currentTotal));
        double z = (pr - pc) / se;
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
        return new ZTest(z, Math.min(1.0, p));
    }
}
