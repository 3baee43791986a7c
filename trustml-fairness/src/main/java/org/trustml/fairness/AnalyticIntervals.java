package org.trustml.fairness;

import static org.trustml.fairness.FairnessMetric.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.trustml.core.evaluation.MetricInterval;
import org.trustml.fairness.internal.BootstrapMath;
import org.trustml.fairness.internal.Tally;

/**
 * Closed-form intervals where they exist, from the counts, with z = Φ⁻¹(1 − α/2), α = 1 − level:
 * <ul>
 * <li>a rate x/n of one group (TPR, FPR, selection rate, base rate, PPV, …): <b>Wilson</b>'s score interval
 *     (Wilson 1927), {@code (x + z²/2)/(n + z²) ± z/(n + z²)·√(x(n − x)/n + z²/4)};</li>
 * <li>a difference of two groups' rates, d = p_u − p_p ({@code *_difference}, statistical parity difference,
 *     equal opportunity difference): <b>Newcombe</b>'s hybrid score interval (Newcombe 1998, method 10) from the
 *     two Wilson intervals (l_u, u_u), (l_p, u_p): {@code [d − √((p_u − l_u)² + (u_p − p_p)²),
 *     d + √((u_u − p_u)² + (p_p − l_p)²)]};</li>
 * <li>a ratio r = p_u/p_p ({@code *_ratio}, disparate impact): <b>Katz</b>'s log interval (Katz et al. 1978),
 *     {@code exp(ln r ± z·√(1/x_u − 1/n_u + 1/x_p − 1/n_p))}, the delta method on the log scale (needs x_u, x_p > 0);</li>
 * <li>average odds difference ½(ΔFPR + ΔTPR) and average predictive value difference ½(ΔPPV + ΔFOR): <b>Wald</b>
 *     (delta method), {@code ± z·½·√Σ p(1 − p)/n} over the four independent rates (disjoint rows).</li>
 * </ul>
 * Each treats the denominators as fixed (conditional on the group's positives, negatives or predicted
 * positives), as these intervals do. They need unit weights: the binomial variance of a weighted rate is not
 * x(n − x)/n, so with other weights every interval is undefined with that reason (use the bootstrap). Counts,
 * score-based (generalized) rates, entropy indices, differential fairness, KL, CDD, class imbalance, equalized
 * odds (a maximum) and average absolute odds (absolute values) have no such form: their intervals are undefined,
 * naming the bootstrap.
 */
final class AnalyticIntervals {
    private AnalyticIntervals() {}

    /** A rate's numerator and denominator in rows. */
    record Rate(ToLongFunction<Tally> num, ToLongFunction<Tally> den) {}

    /** The row counts of a rate metric. */
    static Rate rate(FairnessMetric metric) {
        return java.util.Objects.requireNonNull(RATES.get(metric), metric.jsonName());
    }

    private static final Map<FairnessMetric, Rate> RATES = new EnumMap<>(FairnessMetric.class);
    private static final Map<FairnessMetric, FairnessMetric> DIFFERENCES = new EnumMap<>(FairnessMetric.class);
    private static final Map<FairnessMetric, FairnessMetric> RATIOS = new EnumMap<>(FairnessMetric.class);

    static {
        ToLongFunction<Tally> pos = Tally::rowsPositive;
        ToLongFunction<Tally> neg = t -> t.rows() - t.rowsPositive();
        ToLongFunction<Tally> predPos = t -> t.rowsTp() + t.rowsFp();
        ToLongFunction<Tally> predNeg = t -> t.rowsTn() + t.rowsFn();
        RATES.put(BASE_RATE, new Rate(pos, Tally::rows));
        RATES.put(TRUE_POSITIVE_RATE, new Rate(Tally::rowsTp, pos));
        RATES.put(FALSE_NEGATIVE_RATE, new Rate(Tally::rowsFn, pos));
        RATES.put(TRUE_NEGATIVE_RATE, new Rate(Tally::rowsTn, neg));
        RATES.put(FALSE_POSITIVE_RATE, new Rate(Tally::rowsFp, neg));
        RATES.put(POSITIVE_PREDICTIVE_VALUE, new Rate(Tally::rowsTp, predPos));
        RATES.put(FALSE_DISCOVERY_RATE, new Rate(Tally::rowsFp, predPos));
        RATES.put(NEGATIVE_PREDICTIVE_VALUE, new Rate(Tally::rowsTn, predNeg));
        RATES.put(FALSE_OMISSION_RATE, new Rate(Tally::rowsFn, predNeg));
        RATES.put(ACCURACY, new Rate(t -> t.rowsTp() + t.rowsTn(), Tally::rows));
        RATES.put(ERROR_RATE, new Rate(t -> t.rowsFp() + t.rowsFn(), Tally::rows));
        RATES.put(SELECTION_RATE, new Rate(predPos, Tally::rows));
        for (FairnessMetric[] m : ClassificationMetrics.COMPARED) {
            DIFFERENCES.put(m[1], m[0]);
            RATIOS.put(m[2], m[0]);
        }
        DIFFERENCES.put(STATISTICAL_PARITY_DIFFERENCE, SELECTION_RATE);
        DIFFERENCES.put(EQUAL_OPPORTUNITY_DIFFERENCE, TRUE_POSITIVE_RATE);
        RATIOS.put(DISPARATE_IMPACT, SELECTION_RATE);
    }

    /** The interval of every key of {@code point} ({@code section.metric[.slice]}). */
    static Map<String, MetricInterval> compute(FairnessStatistics stats, double level, Map<String, Double> point,
                                                   Map<String, String> pointUndefined) {
        double z = BootstrapMath.normalQuantile(1 - (1 - level) / 2);
        Map<FairnessSlice, Tally> tallies = new EnumMap<>(FairnessSlice.class);
        for (FairnessSlice s : new FairnessSlice[] {FairnessSlice.OVERALL, FairnessSlice.PRIVILEGED, FairnessSlice.UNPRIVILEGED}) {
            tallies.put(s, stats.tally(s));
        }
        boolean unit = stats.unitWeights();
        Map<String, MetricInterval> out = new TreeMap<>();
        point.forEach((key, theta) -> {
            String[] parts = key.split("\\.");
            FairnessMetric metric = FairnessMetric.fromJsonName(parts[1]);
            // the dataset section's disparate impact and parity difference compare base rates
            boolean dataset = parts[0].equals("dataset");
            String method = method(metric);
            MetricInterval ci;
            if (method == null) {
                ci = MetricInterval.undefined(level, "analytic", "no closed-form interval for " + metric.jsonName()
                        + "; use the bootstrap (--ci-method percentile or bca)");
            } else if (!unit) {
                ci = MetricInterval.undefined(level, method, "the analytic intervals need unit weights (the "
                        + "binomial variance of a weighted rate is not x(n - x)/n); use the bootstrap");
            } else if (Double.isNaN(theta)) {
                ci = MetricInterval.undefined(level, method, "the value is undefined: "
                        + pointUndefined.getOrDefault(key, "NaN"));
            } else {
                ci = interval(metric, dataset, parts.length > 2 ? FairnessSlice.valueOf(parts[2].toUpperCase(java.util.Locale.ROOT))
                        : FairnessSlice.BETWEEN, tallies, z, level, method);
            }
            out.put(key, ci);
        });
        return out;
    }

    /** The method's name for a metric, or null when it has none. */
    private static String method(FairnessMetric m) {
        if (RATES.containsKey(m)) {
            return "wilson";
        }
        if (DIFFERENCES.containsKey(m)) {
            return "newcombe";
        }
        if (RATIOS.containsKey(m)) {
            return "katz-log";
        }
        return m == AVERAGE_ODDS_DIFFERENCE || m == AVERAGE_PREDICTIVE_VALUE_DIFFERENCE ? "wald" : null;
    }

    private static MetricInterval interval(FairnessMetric m, boolean dataset, FairnessSlice slice,
                                               Map<FairnessSlice, Tally> t, double z, double level, String method) {
        Tally u = t.get(FairnessSlice.UNPRIVILEGED);
        Tally p = t.get(FairnessSlice.PRIVILEGED);
        if (RATES.containsKey(m)) {
            Rate r = RATES.get(m);
            Tally g = t.get(slice);
            return ci(wilson(r.num.applyAsLong(g), r.den.applyAsLong(g), z), level, method);
        }
        if (DIFFERENCES.containsKey(m)) {
            Rate r = RATES.get(dataset ? BASE_RATE : DIFFERENCES.get(m));
            return ci(newcombe(r.num.applyAsLong(u), r.den.applyAsLong(u), r.num.applyAsLong(p), r.den.applyAsLong(p), z),
                    level, method);
        }
        if (RATIOS.containsKey(m)) {
            Rate r = RATES.get(dataset ? BASE_RATE : RATIOS.get(m));
            long xu = r.num.applyAsLong(u);
            long xp = r.num.applyAsLong(p);
            if (xu == 0 || xp == 0) {
                return MetricInterval.undefined(level, method, "Katz's interval needs a positive numerator in both "
                        + "groups (ln 0)");
            }
            return ci(katzLog(xu, r.den.applyAsLong(u), xp, r.den.applyAsLong(p), z), level, method);
        }
        Rate first = RATES.get(m == AVERAGE_ODDS_DIFFERENCE ? FALSE_POSITIVE_RATE : POSITIVE_PREDICTIVE_VALUE);
        Rate second = RATES.get(m == AVERAGE_ODDS_DIFFERENCE ? TRUE_POSITIVE_RATE : FALSE_OMISSION_RATE);
        return ci(waldAverage(new long[][] {
            {first.num.applyAsLong(u), first.den.applyAsLong(u)}, {first.num.applyAsLong(p), first.den.applyAsLong(p)},
            {second.num.applyAsLong(u), second.den.applyAsLong(u)}, {second.num.applyAsLong(p), second.den.applyAsLong(p)}},
                z), level, method);
    }

    private static MetricInterval ci(double[] bounds, double level, String method) {
        return MetricInterval.of(bounds[0], bounds[1], level, method);
    }

    /** Wilson's score interval of x successes in n trials, n > 0. */
    static double[] wilson(long x, long n, double z) {
        double z2 = z * z;
        double centre = (x + z2 / 2) / (n + z2);
        double half = z / (n + z2) * Math.sqrt((double) x * (n - x) / n + z2 / 4);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Newcombe's hybrid score interval of x1/n1 − x2/n2. */
    static double[] newcombe(long x1, long n1, long x2, long n2, double z) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = wilson(x1, n1, z);
        double[] w2 = wilson(x2, n2, z);
        double d = p1 - p2;
        return new double[] {d - Math.hypot(p1 - w1[0], w2[1] - p2), d + Math.hypot(w1[1] - p1, p2 - w2[0])};
    }

    /** Katz's log interval of (x1/n1)/(x2/n2), x1, x2 > 0. */
    static double[] katzLog(long x1, long n1, long x2, long n2, double z) {
        double lr = Math.log(((double) x1 / n1) / ((double) x2 / n2));
        double se = Math.sqrt(1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2);
        return new double[] {Math.exp(lr - z * se), Math.exp(lr + z * se)};
    }

    /** Wald interval of ½((a_u − a_p) + (b_u − b_p)) from rates {x, n}: a_u, a_p, b_u, b_p. */
    static double[] waldAverage(long[][] rates, double z) {
        double[] p = new double[4];
        double var = 0;
        for (int i = 0; i < 4; i++) {
            p[i] = (double) rates[i][0] / rates[i][1];
            var += p[i] * (1 - p[i]) / rates[i][1];
        }
        double d = 0.5 * ((p[0] - p[1]) + (p[2] - p[3]));
        double half = z * 0.5 * Math.sqrt(var);
        return new double[] {d - half, d + half};
    }
}
