package org.trustml.fairness.mitigation;

import java.util.Objects;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;

/**
 * Reject option classification (Kamiran, Karim and Zhang, ICDM 2012; AIF360
 * {@code RejectOptionClassification} with its defaults): predict favorable when score &gt; θ, except in
 * the critical region θ − m &lt; score ≤ θ + m, where the unprivileged get the favorable label and the
 * privileged the unfavorable one. {@link #fit} searches θ over {@code numThresholds} values from
 * {@code lowThreshold} to {@code highThreshold} and m over {@code numMargins} values from 0 to
 * min(θ, 1 − θ), keeps the pairs whose fairness metric (unprivileged − privileged) lies in
 * [{@code metricLow}, {@code metricHigh}] and among them maximises balanced accuracy ½(TPR + TNR).
 * If no pair satisfies the bounds, the pair with the smallest |metric| is taken (AIF360 warns and
 * takes the smallest signed value). Counts are unweighted. The output column holds the favorable
 * indicator (1 favorable, 0 not).
 */
public final class RejectOptionClassification implements Stage<Table, Table> {

    /** The fairness metric the search bounds. */
    public enum Metric { STATISTICAL_PARITY_DIFFERENCE, AVERAGE_ODDS_DIFFERENCE, EQUAL_OPPORTUNITY_DIFFERENCE }

    /** Search settings; {@link #defaults} are AIF360's. */
    public record Config(Target target, String score, String output, double lowThreshold, double highThreshold,
                         int numThresholds, int numMargins, Metric metric, double metricLow, double metricHigh) {
        public Config {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(metric, "metric");
            if (!(lowThreshold > 0 && lowThreshold <= highThreshold && highThreshold < 1) || numThresholds < 1 || numMargins < 1) {
                throw InvalidInputException.problem("is not a valid search grid").column("thresholds")
                        .value(lowThreshold + ".." + highThreshold + " x" + numThresholds + ", margins x" + numMargins)
                        .expected("0 < low <= high < 1 and counts >= 1").build();
            }
        }

        /** θ ∈ 0.01..0.99 ×100, margins ×50, statistical parity within ±0.05. */
        public static Config defaults(Target target, String score, String output) {
            return new Config(target, score, output, 0.01, 0.99, 100, 50, Metric.STATISTICAL_PARITY_DIFFERENCE, -0.05, 0.05);
        }
    }

    /**
     * The chosen threshold and margin (θ and m in [0, 1]) with the metric and balanced accuracy they gave on
     * the fitting data.
     */
    public record Fitted(double threshold, double margin, double metric, double balancedAccuracy) {
        public Fitted {
            Target.requireRate("threshold", threshold);
            Target.requireRate("margin", margin);
        }
    }

    private final Config config;

    public RejectOptionClassification(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "reject-option-classification";
    }

    @Override
    public Config config() {
        return config;
    }

    /** Fits on the input (labels and scores) and writes the adjusted predictions. */
    @Override
    public Table apply(Table input, RunContext context) {
        return transform(input, fit(input));
    }

    /** Searches the grid on a table with labels and scores. */
    public Fitted fit(Table table) {
        double[] s = Target.scores(table, config.score());
        byte[] g = config.target().membership(table);
        boolean[] y = config.target().favorable(table, config.target().label());
        requireBothLabels(y);
        Fitted best = null;
        Fitted closest = null;
        for (int t = 0; t < config.numThresholds(); t++) {
            double theta = config.numThresholds() == 1 ? config.lowThreshold()
                    : config.lowThreshold() + t * (config.highThreshold() - config.lowThreshold()) / (config.numThresholds() - 1);
            double maxMargin = Math.min(theta, 1 - theta);
            for (int m = 0; m < config.numMargins(); m++) {
                double margin = config.numMargins() == 1 ? 0 : m * maxMargin / (config.numMargins() - 1);
                Fitted f = evaluate(s, g, y, theta, margin);
                if (f.metric() >= config.metricLow() && f.metric() <= config.metricHigh()
                        && (best == null || f.balancedAccuracy() > best.balancedAccuracy())) {
                    best = f;
                }
                if (!Double.isNaN(f.metric()) && (closest == null || Math.abs(f.metric()) < Math.abs(closest.metric()))) {
                    closest = f;
                }
            }
        }
        if (best == null && closest == null) {
            throw InvalidInputException.problem("leaves the fairness metric undefined for every threshold")
                    .column(config.target().label()).expected("both groups with favorable and unfavorable labels").build();
        }
        return best != null ? best : closest;
    }

    /** Balanced accuracy, which the search maximises, needs rows of both labels. */
    private void requireBothLabels(boolean[] y) {
        long favorable = 0;
        for (boolean v : y) {
            favorable += v ? 1 : 0;
        }
        if (favorable == 0 || favorable == y.length) {
            throw InvalidInputException.problem("has only " + (favorable == 0 ? "unfavorable" : "favorable") + " labels ("
                    + y.length + " rows), so the balanced accuracy the search maximises is undefined")
                    .column(config.target().label()).expected("rows with each of the two label values").build();
        }
    }

    private Fitted evaluate(double[] s, byte[] g, boolean[] y, double theta, double margin) {
        long[][] c = new long[3][4];
        for (int i = 0; i < s.length; i++) {
            boolean pred = predict(s[i], g[i], theta, margin);
            c[g[i]][(y[i] ? 2 : 0) + (pred ? 1 : 0)]++;
        }
        long tn = c[0][0] + c[1][0] + c[2][0];
        long fp = c[0][1] + c[1][1] + c[2][1];
        long fn = c[0][2] + c[1][2] + c[2][2];
        long tp = c[0][3] + c[1][3] + c[2][3];
        double bacc = 0.5 * ((double) tp / (tp + fn) + (double) tn / (tn + fp));
        double metric = switch (config.metric()) {
            case STATISTICAL_PARITY_DIFFERENCE -> selection(c[2]) - selection(c[1]);
            case EQUAL_OPPORTUNITY_DIFFERENCE -> tpr(c[2]) - tpr(c[1]);
            case AVERAGE_ODDS_DIFFERENCE -> 0.5 * (fpr(c[2]) - fpr(c[1]) + tpr(c[2]) - tpr(c[1]));
        };
        return new Fitted(theta, margin, metric, bacc);
    }

    private static double selection(long[] c) {
        return (double) (c[1] + c[3]) / (c[0] + c[1] + c[2] + c[3]);
    }

    private static double tpr(long[] c) {
        return (double) c[3] / (c[2] + c[3]);
    }

    private static double fpr(long[] c) {
        return (double) c[1] / (c[0] + c[1]);
    }

    private static boolean predict(double score, byte group, double theta, double margin) {
        boolean critical = score > theta - margin && score <= theta + margin;
        if (critical && group == 2) {
            return true;
        }
        if (critical && group == 1) {
            return false;
        }
        return score > theta;
    }

    /** Writes the adjusted predictions of a fitted search. */
    public Table transform(Table table, Fitted fitted) {
        double[] s = Target.scores(table, config.score());
        byte[] g = config.target().membership(table);
        long[] out = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = predict(s[i], g[i], fitted.threshold(), fitted.margin()) ? 1 : 0;
        }
        return table.withColumn(LongColumn.of(config.output(), out));
    }
}
