package org.trustml.fairness.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;
import org.trustml.fairness.FairnessMetric;

/** Each mitigation moves its target metric toward zero on a seeded, biased dataset. */
class MitigationTest {
    static final Target TARGET = Target.of("y", Group.where("sex", 1));

    /** sex=1 gets +0.8 on the score and +0.6 on the label's log-odds: both labels and predictions are biased. */
    static Table biased(int n, long seed) {
        Random r = new Random(seed);
        long[] sex = new long[n];
        long[] y = new long[n];
        long[] yhat = new long[n];
        double[] score = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            sex[i] = r.nextInt(2);
            x[i] = r.nextGaussian() + 0.7 * sex[i];
            y[i] = r.nextDouble() < sigmoid(x[i] + 0.6 * sex[i]) ? 1 : 0;
            score[i] = sigmoid(1.5 * x[i] + 0.8 * sex[i] + 0.5 * r.nextGaussian());
            yhat[i] = score[i] > 0.5 ? 1 : 0;
        }
        return Table.of(LongColumn.of("sex", sex), DoubleColumn.of("x", x), LongColumn.of("y", y),
                LongColumn.of("yhat", yhat), DoubleColumn.of("score", score));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static FairnessReport report(Table t, String prediction, String score) {
        Fairness f = Fairness.of(t).label("y").privileged(Group.where("sex", 1));
        if (prediction != null) {
            f.prediction(prediction);
        }
        if (score != null) {
            f.score(score);
        }
        return f.report();
    }

    static double classification(FairnessReport r, FairnessMetric id) {
        return r.classification(id).orElseThrow().between();
    }

    @Test
    void reweighingMakesWeightedStatisticalParityZero(@TempDir Path dir) {
        Table data = biased(2000, 1);
        double before = report(data, null, null).dataset(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE).orElseThrow().between();
        Reweighing stage = new Reweighing(new Reweighing.Config(TARGET, Optional.empty(), "w"));
        // used as a pipeline stage
        Stage<Void, Table> source = new Stage<>() {
            public String name() {
                return "data";
            }

            public Object config() {
                return "biased(2000, 1)";
            }

            public Table apply(Void in, RunContext ctx) {
                return data;
            }
        };
        Table out = Pipeline.from(source).then(stage).run(RunOptions.seed(1).withTracker(Tracker.none(dir))).output();
        double after = Fairness.of(out).label("y").weights("w").privileged(Group.where("sex", 1)).report()
                .dataset(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE).orElseThrow().between();
        assertThat(Math.abs(before)).isGreaterThan(0.15);
        assertThat(after).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void rejectOptionBringsStatisticalParityWithinBounds() {
        Table data = biased(2000, 2);
        RejectOptionClassification roc = new RejectOptionClassification(
                RejectOptionClassification.Config.defaults(TARGET, "score", "roc"));
        RejectOptionClassification.Fitted fitted = roc.fit(data);
        Table out = roc.transform(data, fitted);
        double before = classification(report(data, "yhat", null), FairnessMetric.STATISTICAL_PARITY_DIFFERENCE);
        double after = classification(report(out, "roc", null), FairnessMetric.STATISTICAL_PARITY_DIFFERENCE);
        assertThat(Math.abs(before)).isGreaterThan(0.2);
        assertThat(after).isBetween(-0.05, 0.05).isEqualTo(fitted.metric());
    }

    @Test
    void eqOddsReducesAverageOddsDifferenceAndIsSeeded() {
        Table data = biased(4000, 3);
        EqOddsPostprocessing eo = new EqOddsPostprocessing(new EqOddsPostprocessing.Config(TARGET, "yhat", "eo"));
        EqOddsPostprocessing.Fitted fitted = eo.fit(data);
        Table out = eo.transform(data, fitted, 42);
        double before = classification(report(data, "yhat", null), FairnessMetric.AVERAGE_ODDS_DIFFERENCE);
        double after = classification(report(out, "eo", null), FairnessMetric.AVERAGE_ODDS_DIFFERENCE);
        assertThat(Math.abs(after)).isLessThan(Math.abs(before) / 3);
        assertThat(eo.transform(data, fitted, 42).longs("eo")).isEqualTo(out.longs("eo"));
        assertThat(eo.transform(data, fitted, 43).longs("eo")).isNotEqualTo(out.longs("eo"));
    }

    @Test
    void calibratedEqOddsEqualisesTheFnrCost() {
        Table data = biased(4000, 4);
        CalibratedEqOddsPostprocessing ceo = new CalibratedEqOddsPostprocessing(new CalibratedEqOddsPostprocessing.Config(
                TARGET, "score", "ceo_score", "ceo", CalibratedEqOddsPostprocessing.CostConstraint.FNR, 0.5));
        Table out = ceo.transform(data, ceo.fit(data), 7);
        double before = gfnrDifference(report(data, "yhat", "score"));
        double after = gfnrDifference(report(out, "ceo", "ceo_score"));
        assertThat(Math.abs(after)).isLessThan(Math.abs(before) / 2);
        assertThat(ceo.transform(data, ceo.fit(data), 7).doubles("ceo_score")).isEqualTo(out.doubles("ceo_score"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = CalibratedEqOddsPostprocessing.CostConstraint.class,
            names = {"FPR", "WEIGHTED"})
    void calibratedEqOddsEqualisesTheFprAndWeightedCosts(CalibratedEqOddsPostprocessing.CostConstraint constraint) {
        Table data = biased(4000, 4);
        CalibratedEqOddsPostprocessing ceo = new CalibratedEqOddsPostprocessing(new CalibratedEqOddsPostprocessing.Config(
                TARGET, "score", "ceo_score", "ceo", constraint, 0.5));
        Table out = ceo.transform(data, ceo.fit(data), 7);
        double before = costDifference(report(data, "yhat", "score"), constraint);
        double after = costDifference(report(out, "ceo", "ceo_score"), constraint);
        assertThat(Math.abs(after)).isLessThan(Math.abs(before) / 2);
    }

    /**
     * AIF360's cost per group (Pleiss et al.): fpr → GFPR·(1 − br); weighted → ½(GFPR·(1 − br) + GFNR·br);
     * unprivileged minus privileged.
     */
    static double costDifference(FairnessReport r, CalibratedEqOddsPostprocessing.CostConstraint constraint) {
        var fpr = r.classification(FairnessMetric.GENERALIZED_FALSE_POSITIVE_RATE).orElseThrow();
        var fnr = r.classification(FairnessMetric.GENERALIZED_FALSE_NEGATIVE_RATE).orElseThrow();
        var br = r.dataset(FairnessMetric.BASE_RATE).orElseThrow();
        double fpU = fpr.unprivileged() * (1 - br.unprivileged());
        double fpP = fpr.privileged() * (1 - br.privileged());
        if (constraint == CalibratedEqOddsPostprocessing.CostConstraint.FPR) {
            return fpU - fpP;
        }
        return 0.5 * (fpU + fnr.unprivileged() * br.unprivileged()) - 0.5 * (fpP + fnr.privileged() * br.privileged());
    }

    /** The cost the fnr constraint equalises (Pleiss et al.): GFNR_g · base_rate_g, unprivileged minus privileged. */
    static double gfnrDifference(FairnessReport r) {
        var v = r.classification(FairnessMetric.GENERALIZED_FALSE_NEGATIVE_RATE).orElseThrow();
        var br = r.dataset(FairnessMetric.BASE_RATE).orElseThrow();
        return v.unprivileged() * br.unprivileged() - v.privileged() * br.privileged();
    }

    @Test
    void disparateImpactRemoverMakesAThresholdOnTheFeatureFair() {
        Table data = biased(2000, 5);
        Table repaired = new DisparateImpactRemover(new DisparateImpactRemover.Config(List.of("x"), "sex", 1.0))
                .transform(data);
        Table before = data.deriveLong("rule", r -> r.number("x") > 0.35 ? 1 : 0);
        Table after = repaired.deriveLong("rule", r -> r.number("x") > 0.35 ? 1 : 0);
        double spdBefore = classification(report(before, "rule", null), FairnessMetric.STATISTICAL_PARITY_DIFFERENCE);
        double spdAfter = classification(report(after, "rule", null), FairnessMetric.STATISTICAL_PARITY_DIFFERENCE);
        assertThat(Math.abs(spdBefore)).isGreaterThan(0.2);
        assertThat(Math.abs(spdAfter)).isLessThan(0.02);
        Table none = new DisparateImpactRemover(new DisparateImpactRemover.Config(List.of("x"), "sex", 0.0)).transform(data);
        assertThat(none.doubles("x")).isEqualTo(data.doubles("x"));
    }
}
