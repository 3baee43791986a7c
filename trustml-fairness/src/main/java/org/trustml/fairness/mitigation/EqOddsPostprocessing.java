package org.trustml.fairness.mitigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;

/**
 * Equalized-odds post-processing (Hardt, Price and Srebro, NeurIPS 2016; AIF360
 * {@code EqOddsPostprocessing}, after Pleiss et al.): per group g, keep a favorable prediction with
 * probability p2p_g and turn an unfavorable one favorable with probability n2p_g, where the four
 * probabilities solve the linear program
 * <pre>
 *   minimise   Σ_g (FPR'_g + FNR'_g)
 *   subject to TPR'_priv = TPR'_unpriv,  FPR'_priv = FPR'_unpriv,  0 ≤ p ≤ 1
 *   with TPR'_g = p2p_g·TPR_g + n2p_g·(1 − TPR_g),  FPR'_g = p2p_g·FPR_g + n2p_g·(1 − FPR_g)
 * </pre>
 * solved with Commons Math's {@link SimplexSolver}. Like AIF360, {@link #transform} flips
 * ⌊n·(1 − p2p)⌋ favorable and ⌊n·n2p⌋ unfavorable predictions of each group, chosen by a seeded shuffle:
 * the same seed gives the same labels. Counts are unweighted. The output holds the favorable indicator.
 */
public final class EqOddsPostprocessing implements Stage<Table, Table> {

    /**
     * @param target     labels and groups
     * @param prediction the predicted-label column to adjust
     * @param output     the column written
     */
    public record Config(Target target, String prediction, String output) {
        public Config {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(prediction, "prediction");
            Objects.requireNonNull(output, "output");
        }
    }

    /** The mixing probabilities of the privileged and unprivileged groups, each in [0, 1]. */
    public record Fitted(double privilegedP2p, double privilegedN2p, double unprivilegedP2p, double unprivilegedN2p) {
        public Fitted {
            Target.requireRate("privilegedP2p", privilegedP2p);
            Target.requireRate("privilegedN2p", privilegedN2p);
            Target.requireRate("unprivilegedP2p", unprivilegedP2p);
            Target.requireRate("unprivilegedN2p", unprivilegedN2p);
        }
    }

    private final Config config;

    public EqOddsPostprocessing(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "eq-odds-postprocessing";
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Table apply(Table input, RunContext context) {
        return transform(input, fit(input), context.seed());
    }

    /** Solves the LP on a table with labels and predictions. */
    public Fitted fit(Table table) {
        byte[] g = config.target().membership(table);
        boolean[] y = config.target().favorable(table, config.target().label());
        boolean[] p = config.target().favorable(table, config.prediction());
        double[] sp = rates(g, y, p, (byte) 1);
        double[] op = rates(g, y, p, (byte) 2);
        double sTpr = sp[0];
        double sFpr = sp[1];
        double oTpr = op[0];
        double oFpr = op[1];
        // variables x = [sp2p, sn2p, op2p, on2p]; FPR' + FNR' = FPR' − TPR' + 1
        LinearObjectiveFunction objective = new LinearObjectiveFunction(
                new double[] {sFpr - sTpr, sTpr - sFpr, oFpr - oTpr, oTpr - oFpr}, 2);
        List<LinearConstraint> constraints = new ArrayList<>();
        constraints.add(new LinearConstraint(new double[] {sTpr, 1 - sTpr, -oTpr, -(1 - oTpr)}, Relationship.EQ, 0));
        constraints.add(new LinearConstraint(new double[] {sFpr, 1 - sFpr, -oFpr, -(1 - oFpr)}, Relationship.EQ, 0));
        for (int i = 0; i < 4; i++) {
            double[] unit = new double[4];
            unit[i] = 1;
            constraints.add(new LinearConstraint(unit, Relationship.LEQ, 1));
        }
        PointValuePair solution = new SimplexSolver().optimize(new MaxIter(1000), objective,
                new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true));
        double[] x = solution.getPoint();
        return new Fitted(clamp(x[0]), clamp(x[1]), clamp(x[2]), clamp(x[3]));
    }

    /** The LP bounds keep 0 ≤ p ≤ 1 up to the simplex's round-off; this removes the round-off. */
    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** TPR and FPR of one group. */
    private double[] rates(byte[] g, boolean[] y, boolean[] p, byte group) {
        long tp = 0;
        long pos = 0;
        long fp = 0;
        long neg = 0;
        for (int i = 0; i < g.length; i++) {
            if (g[i] != group) {
                continue;
            }
            if (y[i]) {
                pos++;
                tp += p[i] ? 1 : 0;
            } else {
                neg++;
                fp += p[i] ? 1 : 0;
            }
        }
        config.target().requireBothLabels(pos, neg, group, ", to equalise TPR and FPR");
        return new double[] {(double) tp / pos, (double) fp / neg};
    }

    /** Flips predictions with the fitted probabilities; the seed fixes which rows flip. */
    public Table transform(Table table, Fitted fitted, long seed) {
        byte[] g = config.target().membership(table);
        boolean[] p = config.target().favorable(table, config.prediction());
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] ? 1 : 0;
        }
        SplittableRandom random = new SplittableRandom(seed);
        flip(g, p, out, (byte) 1, fitted.privilegedP2p(), fitted.privilegedN2p(), random);
        flip(g, p, out, (byte) 2, fitted.unprivilegedP2p(), fitted.unprivilegedN2p(), random);
        return table.withColumn(LongColumn.of(config.output(), out));
    }

    private static void flip(byte[] g, boolean[] p, long[] out, byte group, double p2p, double n2p, SplittableRandom random) {
        int[] pos = indices(g, p, group, true);
        int[] neg = indices(g, p, group, false);
        shuffle(pos, random);
        shuffle(neg, random);
        for (int i = 0; i < (int) (neg.length * n2p); i++) {
            out[neg[i]] = 1;
        }
        for (int i = 0; i < (int) (pos.length * (1 - p2p)); i++) {
            out[pos[i]] = 0;
        }
    }

    private static int[] indices(byte[] g, boolean[] p, byte group, boolean favorable) {
        return java.util.stream.IntStream.range(0, g.length).filter(i -> g[i] == group && p[i] == favorable).toArray();
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
