package org.trustml.fairness.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;
import org.trustml.fairness.Group;

/**
 * Where a mitigation cannot do what it promises it fails, naming the group and what is missing, instead of
 * writing unmitigated output, NaN weights or numbers corrupted by another group's missing value.
 */
class UndefinedMitigationTest {
    static final Target TARGET = Target.of("y", Group.where("sex", 1));

    /** Four privileged rows (sex 1) then four unprivileged, labels 1, 0, 1, 0 in each group: base rates 1/2. */
    static Table scored(double[] score) {
        return Table.of(LongColumn.of("sex", 1, 1, 1, 1, 0, 0, 0, 0), LongColumn.of("y", 1, 0, 1, 0, 1, 0, 1, 0),
                DoubleColumn.of("score", score));
    }

    static CalibratedEqOddsPostprocessing fnr() {
        return new CalibratedEqOddsPostprocessing(new CalibratedEqOddsPostprocessing.Config(TARGET, "score",
                "ceo_score", "ceo", CalibratedEqOddsPostprocessing.CostConstraint.FNR, 0.5));
    }

    @Test
    void calibratedEqOddsRefusesAGroupWhoseScoresAreNoBetterThanItsBaseRate() {
        // fnr cost = GFNR · br (Pleiss et al.). Privileged: every score 0.5 = its base rate, so GFNR = 0.5 and its
        // cost 0.25 equals its trivial cost (1 − br) · br = 0.25. Unprivileged: favorable rows scored 0.2, GFNR 0.8,
        // cost 0.4 > 0.25. The rate (0.4 − 0.25)/(0.25 − 0.25) divides by zero; it used to become 0 (no mitigation).
        Table t = scored(new double[] {0.5, 0.5, 0.5, 0.5, 0.2, 0.3, 0.2, 0.3});
        assertThatThrownBy(() -> fnr().fit(t)).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'score': gives the privileged group a fnr cost of 0.2500, no less than its trivial "
                        + "cost 0.2500 (every score equal to its base rate 0.5000), so mixing its scores with the base "
                        + "rate cannot raise its cost to the unprivileged group's 0.4000 (expected scores that beat the "
                        + "base rate in the group that costs less)");
    }

    @Test
    void calibratedEqOddsReportsTheGapThatFullMixingLeaves() {
        // privileged: favorable rows scored 0.9, GFNR 0.1, cost 0.05, trivial 0.25; unprivileged as above, cost 0.4.
        // The rate (0.4 − 0.05)/(0.25 − 0.05) = 1.75 was silently clamped to 1; it still is (AIF360's rate above 1
        // replaces every score too), and the gap 0.4 − 0.25 = 0.15 that full mixing leaves is reported
        CalibratedEqOddsPostprocessing.Fitted f = fnr().fit(scored(new double[] {0.9, 0.1, 0.9, 0.1, 0.2, 0.3, 0.2, 0.3}));
        assertThat(f.privilegedMixRate()).isEqualTo(1.0);
        assertThat(f.unprivilegedMixRate()).isZero();
        assertThat(f.remainingCostDifference()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void calibratedEqOddsMixesWhenTheCostsCanBeEqualised() {
        // privileged cost 0.05, trivial 0.25; unprivileged favorable rows scored 0.7: GFNR 0.3, cost 0.15.
        // mix = (0.15 − 0.05)/(0.25 − 0.05) = 0.5
        CalibratedEqOddsPostprocessing.Fitted f = fnr().fit(scored(new double[] {0.9, 0.1, 0.9, 0.1, 0.7, 0.3, 0.7, 0.3}));
        assertThat(f.privilegedMixRate()).isCloseTo(0.5, within(1e-12));
        assertThat(f.unprivilegedMixRate()).isZero();
        assertThat(f.remainingCostDifference()).isZero();
    }

    @Test
    void fittedRatesOutsideTheUnitIntervalAreRefused() {
        // a NaN rate used to mix nothing (random ≤ NaN is false) and a NaN flip probability flipped nothing
        assertThatThrownBy(() -> new CalibratedEqOddsPostprocessing.Fitted(0.5, 0.5, Double.NaN, 0, 0))
                .hasMessage("column 'privilegedMixRate': value 'NaN' is not a rate in [0, 1] (expected a number in [0, 1])");
        assertThatThrownBy(() -> new EqOddsPostprocessing.Fitted(1, 0, 1.5, 0))
                .hasMessage("column 'unprivilegedP2p': value '1.5' is not a rate in [0, 1] (expected a number in [0, 1])");
        assertThatThrownBy(() -> new RejectOptionClassification.Fitted(Double.NaN, 0, 0, 0.5))
                .hasMessage("column 'threshold': value 'NaN' is not a rate in [0, 1] (expected a number in [0, 1])");
    }

    @Test
    void rejectOptionRefusesLabelsOfOneValue() {
        // balanced accuracy ½(TPR + TNR) has TN + FP = 0 here: it was NaN for every pair, and the first pair within
        // the metric bounds was returned as if it were the best
        Table t = Table.of(LongColumn.of("sex", 1, 1, 0, 0), LongColumn.of("y", 1, 1, 1, 1),
                DoubleColumn.of("score", 0.9, 0.6, 0.4, 0.2));
        RejectOptionClassification roc = new RejectOptionClassification(
                RejectOptionClassification.Config.defaults(TARGET, "score", "roc"));
        assertThatThrownBy(() -> roc.fit(t)).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'y': has only favorable labels (4 rows), so the balanced accuracy the search "
                        + "maximises is undefined (expected rows with each of the two label values)");
    }

    @Test
    void reweighingRefusesACellWithoutWeight() {
        // the privileged favorable rows (rows 1 and 3) have weight 0: W_{p,fav} = 0, and 0 · W_y · W_g / (W · 0)
        // used to be written as NaN weights
        Table t = scored(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5})
                .withColumn(DoubleColumn.of("w", 0, 1, 0, 1, 1, 1, 1, 1));
        Reweighing zeroWeight = new Reweighing(new Reweighing.Config(TARGET, Optional.of("w"), "rw"));
        assertThatThrownBy(() -> zeroWeight.transform(t)).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'y': has no favorable labels with a positive weight in the privileged group, so no "
                        + "weights make label and group independent (expected both label values, with a positive total "
                        + "weight, in both groups)");
        // an empty cell: the unprivileged group has no unfavorable rows; the weights used to leave its
        // favorable rate at 1, far from the privileged 1/2
        Table empty = Table.of(LongColumn.of("sex", 1, 1, 0, 0), LongColumn.of("y", 1, 0, 1, 1));
        Reweighing unweighted = new Reweighing(new Reweighing.Config(TARGET, Optional.empty(), "rw"));
        assertThatThrownBy(() -> unweighted.transform(empty))
                .hasMessage("column 'y': has no unfavorable labels in the unprivileged group, so no weights make label "
                        + "and group independent (expected both label values, with a positive total weight, in both "
                        + "groups)");
    }

    @Test
    void disparateImpactRemoverRefusesAMissingValue() {
        // a NaN in the privileged group sorts last into its quantiles; the unprivileged row at the top quantile
        // took the median of 3 and NaN, and became NaN
        Table t = Table.of(LongColumn.of("sex", 1, 1, 1, 0, 0, 0), DoubleColumn.of("x", 1, 2, Double.NaN, 1, 2, 3));
        DisparateImpactRemover dir = new DisparateImpactRemover(new DisparateImpactRemover.Config(List.of("x"), "sex", 1));
        assertThatThrownBy(() -> dir.transform(t)).isInstanceOf(InvalidInputException.class)
                .hasMessage("row 3, column 'x': is missing (expected a finite number in every row of a repaired feature "
                        + "(impute missing values first))");
        Table inf = Table.of(LongColumn.of("sex", 1, 0), DoubleColumn.of("x", 1, Double.POSITIVE_INFINITY));
        assertThatThrownBy(() -> dir.transform(inf))
                .hasMessageStartingWith("row 2, column 'x': value 'Infinity' is not a finite number");
    }
}
