package org.trustml.fairness;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.special.Erf;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.MetricInterval;
import org.trustml.fairness.internal.BootstrapMath;
import org.trustml.fairness.internal.Tally;

/**
 * Subgroups whose rate differs significantly from the rest of the rows (AIF360 issues #537, #558, #443): every
 * combination of values of up to {@code depth} protected columns ({@code {race=black}}, {@code {sex=0, race=black}},
 * …) with at least {@code minSupport} rows in the rate's denominator is compared with all other rows by the
 * two-sided two-proportion z-test with pooled variance,
 * <pre>  z = (p_g − p_r) / √(p̂(1 − p̂)(1/n_g + 1/n_r)),  p̂ = (x_g + x_r)/(n_g + n_r),  p-value = erfc(|z|/√2)</pre>
 * (z² is Pearson's χ² of the 2×2 table without continuity correction, {@code scipy.stats.chi2_contingency(...,
 * correction=False)}); when p̂ is 0 or 1 both rates are equal and the p-value is 1 (Fisher's exact test gives 1).
 * The p-values of all m tested subgroups are controlled for the false discovery rate by Benjamini and Hochberg
 * (1995): sorted ascending, {@code q_(i) = min_{j ≥ i} min(1, m·p_(j)/j)} ({@code scipy.stats.false_discovery_control},
 * method 'bh'); a subgroup is significant when {@code q ≤ fdr}. The worst subgroup is the significant one whose
 * rate is furthest on the harmful side (lowest for a favorable rate such as the selection rate, highest for an
 * error rate such as the false positive rate), with Newcombe's interval of its difference. A test needs counts of
 * independent rows, so the search counts rows; instance weights are not used (they are not frequencies).
 *
 * @param options       what was searched
 * @param rate          the rate compared, e.g. {@code selection_rate}
 * @param higherIsWorse whether a higher rate is the harmful side
 * @param considered    subgroups present in the data
 * @param tested        subgroups with at least {@code minSupport} rows and some rows outside them (the m of BH)
 * @param subgroups     the tested subgroups, most significant first (then by name)
 * @param worst         the worst significant subgroup, if any is significant
 * @param note          what the numbers are made of (rows, not weights)
 */
public record IntersectionalSearch(Options options, String rate, boolean higherIsWorse, int considered, int tested,
                                   List<Subgroup> subgroups, Optional<Subgroup> worst, String note) {
    /** Rates the search can compare; each lower-is-worse unless listed in {@link #HIGHER_IS_WORSE}. */
    public static final Set<FairnessMetric> RATES = Set.of(FairnessMetric.SELECTION_RATE, FairnessMetric.BASE_RATE,
            FairnessMetric.TRUE_POSITIVE_RATE, FairnessMetric.TRUE_NEGATIVE_RATE, FairnessMetric.FALSE_POSITIVE_RATE,
            FairnessMetric.FALSE_NEGATIVE_RATE, FairnessMetric.POSITIVE_PREDICTIVE_VALUE,
            FairnessMetric.NEGATIVE_PREDICTIVE_VALUE, FairnessMetric.FALSE_DISCOVERY_RATE,
            FairnessMetric.FALSE_OMISSION_RATE, FairnessMetric.ACCURACY, FairnessMetric.ERROR_RATE);
    /** The rates where a higher value harms the group. */
    public static final Set<FairnessMetric> HIGHER_IS_WORSE = Set.of(FairnessMetric.FALSE_POSITIVE_RATE,
            FairnessMetric.FALSE_NEGATIVE_RATE, FairnessMetric.FALSE_DISCOVERY_RATE, FairnessMetric.FALSE_OMISSION_RATE,
            FairnessMetric.ERROR_RATE);

    public IntersectionalSearch {
        requireNonNull(options, "options");
        requireNonNull(rate, "rate");
        subgroups = List.copyOf(subgroups);
        requireNonNull(worst, "worst");
        requireNonNull(note, "note");
    }

    /**
     * What to search.
     *
     * @param depth      the largest number of protected columns combined, at least 1
     * @param minSupport the fewest rows (in the rate's denominator) a subgroup needs to be tested, at least 1
     * @param fdr        the false discovery rate controlled, in (0, 1), e.g. 0.05
     * @param level      the level of each subgroup's interval, in (0, 1)
     * @param rate       the rate compared (one of {@link #RATES}); empty means the selection rate with predictions,
     *                   the base rate without
     */
    public record Options(int depth, long minSupport, double fdr, double level, Optional<FairnessMetric> rate) {
        public Options {
            requireNonNull(rate, "rate");
            if (depth < 1) {
                throw InvalidInputException.problem("is not a search depth").column("depth").value(depth)
                        .expected("at least 1 protected column").build();
            }
            if (minSupport < 1) {
                throw InvalidInputException.problem("is not a minimum support").column("minSupport").value(minSupport)
                        .expected("at least 1 row").build();
            }
            if (!(fdr > 0 && fdr < 1)) {
                throw InvalidInputException.problem("is not a false discovery rate").column("fdr").value(fdr)
                        .expected("a number strictly between 0 and 1, e.g. 0.05").build();
            }
            if (!(level > 0 && level < 1)) {
                throw InvalidInputException.problem("is not a confidence level").column("level").value(level)
                        .expected("a number strictly between 0 and 1, e.g. 0.95").build();
            }
            if (rate.isPresent() && !RATES.contains(rate.get())) {
                throw InvalidInputException.problem("is not a rate the search compares").column("rate")
                        .value(rate.get().jsonName()).expected("one of " + RATES.stream().map(FairnessMetric::jsonName)
                                .sorted().toList()).build();
            }
        }

        /** Depth {@code depth}, 30 rows of support, FDR 5%, 95% intervals, the default rate. */
        public static Options depth(int depth) {
            return new Options(depth, 30, 0.05, 0.95, Optional.empty());
        }

        /** The same with another minimum support. */
        public Options minSupport(long rows) {
            return new Options(depth, rows, fdr, level, rate);
        }

        /** The same with another false discovery rate. */
        public Options fdr(double q) {
            return new Options(depth, minSupport, q, level, rate);
        }

        /** The same comparing another rate. */
        public Options rate(FairnessMetric metric) {
            return new Options(depth, minSupport, fdr, level, Optional.of(metric));
        }
    }

    /**
     * One subgroup against the rest.
     *
     * @param group              {@code {sex=0, race=black}}
     * @param depth              number of columns fixed
     * @param rows               rows in the rate's denominator in the subgroup (its support)
     * @param rate               the subgroup's rate
     * @param restRows           rows in the rate's denominator outside it
     * @param restRate           the rate of every other row
     * @param difference         rate − restRate
     * @param differenceInterval Newcombe's interval of the difference
     * @param z                  the test statistic (NaN when p̂ is 0 or 1)
     * @param pValue             two-sided
     * @param adjustedPValue     Benjamini–Hochberg
     * @param significant        {@code adjustedPValue ≤ fdr}
     */
    public record Subgroup(String group, int depth, long rows, double rate, long restRows, double restRate,
                           double difference, MetricInterval differenceInterval, double z, double pValue,
                           double adjustedPValue, boolean significant) {}

    /** Searches the statistics' protected columns ({@code spec.intersectionColumns()}). */
    public static IntersectionalSearch of(FairnessStatistics stats, FairnessSpec spec, Options options) {
        requireNonNull(stats, "stats");
        requireNonNull(options, "options");
        FairnessMetric metric = options.rate().orElse(stats.hasPredictions() ? FairnessMetric.SELECTION_RATE
                : FairnessMetric.BASE_RATE);
        if (!stats.hasPredictions() && metric != FairnessMetric.BASE_RATE) {
            throw InvalidInputException.problem("needs predictions").column("rate").value(metric.jsonName())
                    .expected("base_rate without a prediction column").build();
        }
        AnalyticIntervals.Rate r = AnalyticIntervals.rate(metric);
        double z = BootstrapMath.normalQuantile(1 - (1 - options.level()) / 2);
        List<String> columns = spec.intersectionColumns();
        int considered = 0;
        List<double[]> tests = new ArrayList<>();
        List<Subgroup> found = new ArrayList<>();
        for (List<String> subset : subsets(columns, Math.min(options.depth(), columns.size()))) {
            FairnessStatistics.Intersections in = stats.intersections(subset);
            for (int g = 0; g < in.groups().size(); g++) {
                final int group = g;
                considered++;
                Tally t = stats.tally(k -> in.groupOfKey()[k] == group);
                Tally rest = stats.tally(k -> in.groupOfKey()[k] != group);
                long x = r.num().applyAsLong(t);
                long n = r.den().applyAsLong(t);
                long xr = r.num().applyAsLong(rest);
                long nr = r.den().applyAsLong(rest);
                if (n < options.minSupport() || nr == 0) {
                    continue;
                }
                double p1 = (double) x / n;
                double p2 = (double) xr / nr;
                double pooled = (double) (x + xr) / (n + nr);
                double zStat = pooled == 0 || pooled == 1 ? Double.NaN
                        : (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n + 1.0 / nr));
                double p = Double.isNaN(zStat) ? 1 : Erf.erfc(Math.abs(zStat) / Math.sqrt(2));
                double[] ci = AnalyticIntervals.newcombe(x, n, xr, nr, z);
                found.add(new Subgroup(in.describe(g), subset.size(), n, p1, nr, p2, p1 - p2,
                        MetricInterval.of(ci[0], ci[1], options.level(), "newcombe"), zStat, p, Double.NaN, false));
            }
        }
        double[] q = benjaminiHochberg(found.stream().mapToDouble(Subgroup::pValue).toArray());
        List<Subgroup> judged = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Subgroup s = found.get(i);
            judged.add(new Subgroup(s.group(), s.depth(), s.rows(), s.rate(), s.restRows(), s.restRate(), s.difference(),
                    s.differenceInterval(), s.z(), s.pValue(), q[i], q[i] <= options.fdr()));
        }
        judged.sort(Comparator.comparingDouble(Subgroup::adjustedPValue).thenComparingDouble(Subgroup::pValue)
                .thenComparing(Subgroup::group));
        boolean higherIsWorse = HIGHER_IS_WORSE.contains(metric);
        Comparator<Subgroup> harm = Comparator.comparingDouble(s -> higherIsWorse ? -s.difference() : s.difference());
        Optional<Subgroup> worst = judged.stream().filter(Subgroup::significant)
                .min(harm.thenComparingDouble(Subgroup::pValue).thenComparing(Subgroup::group));
        String note = "rows counted, not weights: a test needs counts of independent rows"
                + (stats.unitWeights() ? "" : " (this data has instance weights, which the search does not use)");
        return new IntersectionalSearch(options, metric.jsonName(), higherIsWorse, considered, found.size(), judged,
                worst, note);
    }

    /**
     * Benjamini–Hochberg adjusted p-values, in the input's order: {@code q_(i) = min_{j ≥ i} min(1, m·p_(j)/j)}
     * over the p-values sorted ascending.
     */
    static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, Math.min(1, m * p[i] / rank));
            q[i] = running;
        }
        return q;
    }

    /** Every subset of 1..depth columns, smaller first, each in the columns' order. */
    static List<List<String>> subsets(List<String> columns, int depth) {
        List<List<String>> out = new ArrayList<>();
        for (int size = 1; size <= depth; size++) {
            combine(columns, size, 0, new ArrayList<>(), out);
        }
        return out;
    }

    private static void combine(List<String> columns, int size, int from, List<String> prefix, List<List<String>> out) {
        if (prefix.size() == size) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = from; i < columns.size(); i++) {
            prefix.add(columns.get(i));
            combine(columns, size, i + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
