package org.trustml.fairness.mitigation;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;

/**
 * Calibrated equalized-odds post-processing (Pleiss et al., "On Fairness and Calibration", NeurIPS
 * 2017; AIF360 {@code CalibratedEqOddsPostprocessing}). With generalized rates per group
 * GFPR = mean score over unfavorable labels, GFNR = mean (1 − score) over favorable labels, base rate br:
 * <pre>
 *   cost_g = (fp/k)·GFPR_g·(1 − br_g) + (fn/k)·GFNR_g·br_g
 *   cost constraint fnr: fn = 1, fp = 0; fpr: fn = 0, fp = 1; weighted: both 1, k = fp + fn (else k = 1)
 *   trivial cost_g: the same with every score = br_g (GFPR = br_g, GFNR = 1 − br_g)
 *   if cost_u &gt; cost_p: mix_p = (cost_u − cost_p)/(trivial_p − cost_p), mix_u = 0, else the mirror.
 * </pre>
 * {@link #transform} replaces each score of group g by br_g with probability mix_g (seeded), then
 * labels score ≥ threshold (0.5) favorable. The group whose cost is lower is made worse, on purpose,
 * until the costs match: that is the method. Counts are unweighted.
 *
 * <p>Mixing moves the cheaper group's expected cost linearly from cost_g (mix 0) to trivial_g (mix 1).
 * When the cheaper group's scores are no better than its base rate (trivial_g ≤ cost_g), mixing
 * cannot raise its cost and {@link #fit} fails with an {@link InvalidInputException} naming the group
 * and the costs (AIF360 divides by zero or gets a negative rate, and leaves the scores as they are).
 * When the other group costs more than even the cheaper group's trivial cost, the rate is capped at 1
 * (every score replaced, as AIF360's rate above 1 does) and the gap that remains is reported:
 * {@link Fitted#remainingCostDifference()}, the metric {@code remaining_cost_difference} of the stage,
 * and a warning in the log.
 */
public final class CalibratedEqOddsPostprocessing implements Stage<Table, Table> {
    private static final Logger LOG = LoggerFactory.getLogger(CalibratedEqOddsPostprocessing.class);

    /** Which error the method equalises. */
    public enum CostConstraint { FNR, FPR, WEIGHTED }

    /**
     * @param target          labels and groups
     * @param score           favorable-class score column
     * @param outputScore     column written with the mixed scores
     * @param outputLabel     column written with the favorable indicator
     * @param costConstraint  fnr, fpr or weighted
     * @param threshold       label threshold on the mixed score
     */
    public record Config(Target target, String score, String outputScore, String outputLabel,
                         CostConstraint costConstraint, double threshold) {
        public Config {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(outputScore, "outputScore");
            Objects.requireNonNull(outputLabel, "outputLabel");
            Objects.requireNonNull(costConstraint, "costConstraint");
            if (!(threshold >= 0 && threshold <= 1)) {
                throw InvalidInputException.problem("is not a threshold in [0, 1]").column("threshold")
                        .value(Double.toString(threshold)).expected("0 <= threshold <= 1").build();
            }
        }
    }

    /**
     * What {@link #fit} found.
     *
     * @param privilegedBaseRate      base rate of the privileged group, in [0, 1]
     * @param unprivilegedBaseRate    base rate of the unprivileged group, in [0, 1]
     * @param privilegedMixRate       share of privileged scores replaced by the base rate, in [0, 1]
     * @param unprivilegedMixRate     share of unprivileged scores replaced by the base rate, in [0, 1]
     * @param remainingCostDifference expected cost_u − cost_p after mixing: 0 when the costs are equalised, the
     *                                gap left by full mixing when they cannot be
     */
    public record Fitted(double privilegedBaseRate, double unprivilegedBaseRate, double privilegedMixRate,
                         double unprivilegedMixRate, double remainingCostDifference) {
        public Fitted {
            Target.requireRate("privilegedBaseRate", privilegedBaseRate);
            Target.requireRate("unprivilegedBaseRate", unprivilegedBaseRate);
            Target.requireRate("privilegedMixRate", privilegedMixRate);
            Target.requireRate("unprivilegedMixRate", unprivilegedMixRate);
            if (!Double.isFinite(remainingCostDifference)) {
                throw InvalidInputException.problem("is not a finite number").column("remainingCostDifference")
                        .value(Double.toString(remainingCostDifference)).expected("a cost difference").build();
            }
        }
    }

    private final Config config;

    public CalibratedEqOddsPostprocessing(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "calibrated-eq-odds-postprocessing";
    }

    @Override
    public Config config() {
        return config;
    }

    /** Fits on the input, records the mixing rates and the remaining cost difference, and mixes (seeded). */
    @Override
    public Table apply(Table input, RunContext context) {
        Fitted fitted = fit(input);
        context.logMetric("privileged_mix_rate", fitted.privilegedMixRate());
        context.logMetric("unprivileged_mix_rate", fitted.unprivilegedMixRate());
        context.logMetric("remaining_cost_difference", fitted.remainingCostDifference());
        return transform(input, fitted, context.seed());
    }

    /** Fits on a table with labels and scores. */
    public Fitted fit(Table table) {
        double[] s = Target.scores(table, config.score());
        byte[] g = config.target().membership(table);
        boolean[] y = config.target().favorable(table, config.target().label());
        double[] p = costs(s, g, y, (byte) 1);
        double[] u = costs(s, g, y, (byte) 2);
        if (u[0] > p[0]) {
            double mix = mixRate(p, u, (byte) 1);
            return new Fitted(p[2], u[2], mix, 0, mix < 1 ? 0 : u[0] - p[1]);
        }
        if (u[0] < p[0]) {
            double mix = mixRate(u, p, (byte) 2);
            return new Fitted(p[2], u[2], 0, mix, mix < 1 ? 0 : u[1] - p[0]);
        }
        return new Fitted(p[2], u[2], 0, 0, 0);
    }

    /**
     * The share of the cheaper group's scores to replace by its base rate so that its expected cost rises to
     * the other group's: (cost_other − cost_g)/(trivial_g − cost_g), capped at 1 (with a warning).
     *
     * @param cheaper [cost, trivial cost, base rate] of the group that is mixed
     * @param other   the same for the group that costs more
     */
    private double mixRate(double[] cheaper, double[] other, byte group) {
        String name = group == 1 ? "privileged" : "unprivileged";
        String otherName = group == 1 ? "unprivileged" : "privileged";
        String constraint = config.costConstraint().name().toLowerCase(Locale.ROOT);
        if (!(cheaper[1] > cheaper[0])) {
            throw InvalidInputException.problem("gives the " + name + " group a " + constraint + " cost of " + fmt(cheaper[0])
                    + ", no less than its trivial cost " + fmt(cheaper[1]) + " (every score equal to its base rate "
                    + fmt(cheaper[2]) + "), so mixing its scores with the base rate cannot raise its cost to the "
                    + otherName + " group's " + fmt(other[0])).column(config.score())
                    .expected("scores that beat the base rate in the group that costs less").build();
        }
        double rate = (other[0] - cheaper[0]) / (cheaper[1] - cheaper[0]);
        if (rate > 1) {
            LOG.warn("calibrated equalized odds: the {} group's {} cost {} is above the {} group's trivial cost {}; "
                    + "every {} score is replaced by its base rate and the costs stay {} apart", otherName, constraint,
                    fmt(other[0]), name, fmt(cheaper[1]), name, fmt(other[0] - cheaper[1]));
            return 1;
        }
        return rate;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** [cost, trivial cost, base rate] of one group. */
    private double[] costs(double[] s, byte[] g, boolean[] y, byte group) {
        double sumFp = 0;
        double sumFn = 0;
        long pos = 0;
        long neg = 0;
        for (int i = 0; i < s.length; i++) {
            if (g[i] != group) {
                continue;
            }
            if (y[i]) {
                pos++;
                sumFn += 1 - s[i];
            } else {
                neg++;
                sumFp += s[i];
            }
        }
        config.target().requireBothLabels(pos, neg, group, "");
        double br = (double) pos / (pos + neg);
        return new double[] {cost(sumFp / neg, sumFn / pos, br), cost(br, 1 - br, br), br};
    }

    private double cost(double gfpr, double gfnr, double br) {
        double fp = config.costConstraint() == CostConstraint.FNR ? 0 : 1;
        double fn = config.costConstraint() == CostConstraint.FPR ? 0 : 1;
        double k = fp != 0 && fn != 0 ? fp + fn : 1;
        return fp / k * gfpr * (1 - br) + fn / k * gfnr * br;
    }

    /** Mixes scores with the group base rates (seeded) and thresholds them. */
    public Table transform(Table table, Fitted fitted, long seed) {
        double[] s = Target.scores(table, config.score());
        byte[] g = config.target().membership(table);
        SplittableRandom random = new SplittableRandom(seed);
        double[] mixed = new double[s.length];
        long[] label = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            mixed[i] = s[i];
            if (g[i] == 1 && random.nextDouble() <= fitted.privilegedMixRate()) {
                mixed[i] = fitted.privilegedBaseRate();
            } else if (g[i] == 2 && random.nextDouble() <= fitted.unprivilegedMixRate()) {
                mixed[i] = fitted.unprivilegedBaseRate();
            }
            label[i] = mixed[i] >= config.threshold() ? 1 : 0;
        }
        return table.withColumn(DoubleColumn.of(config.outputScore(), mixed))
                .withColumn(LongColumn.of(config.outputLabel(), label));
    }
}
