package org.trustml.fairness;

import static org.trustml.fairness.FairnessMetric.*;

import java.util.List;
import java.util.Map;
import org.trustml.fairness.internal.Tally;

/**
 * Metrics of labels and predictions, AIF360 v0.6.1 {@code ClassificationMetric}, every count a sum of
 * instance weights:
 * <pre>
 *   TPR = TP/P  TNR = TN/N  FPR = FP/N  FNR = FN/P        GTPR = GTP/P  GTNR = GTN/N  GFPR = GFP/N  GFNR = GFN/P
 *   PPV = TP/(TP+FP)  FDR = FP/(TP+FP)  NPV = TN/(TN+FN)  FOR = FN/(TN+FN)
 *   accuracy = (TP+TN)/(P+N)  error_rate = 1 − accuracy  selection_rate = (TP+FP)/(P+N)
 *   GTP = Σ_{y=fav} w·s  GFN = Σ_{y=fav} w·(1−s)  GFP = Σ_{y=unfav} w·s  GTN = Σ_{y=unfav} w·(1−s)
 *   X_difference = X_u − X_p    X_ratio = X_u / X_p
 *   disparate_impact = selection_rate_ratio   statistical_parity_difference = selection_rate_difference
 *   equal_opportunity_difference = TPR_difference
 *   average_odds_difference = ½(FPR_difference + TPR_difference)
 *   average_abs_odds_difference = ½(|FPR_difference| + |TPR_difference|)
 *   average_predictive_value_difference = ½(PPV_difference + FOR_difference)
 *   equalized_odds_difference = max(|FPR_difference|, |TPR_difference|)
 * </pre>
 * plus the inequality indices ({@link EntropyIndices}), differential fairness bias amplification and the
 * scikit-learn API's {@code kl_divergence} and {@code conditional_demographic_disparity} on predictions.
 *
 * <p>Differs from AIF360: where a denominator is 0 the value is NaN with a reason. AIF360 returns a
 * silent 0 for PPV, NPV, FDR, FOR and accuracy in that case (which reads as "perfectly fair" in a
 * difference) and numpy's nan/inf for the other rates; a 0 would be mistaken for a measurement.
 */
final class ClassificationMetrics {
    private ClassificationMetrics() {}

    /** Each compared rate with its {@code _difference} and {@code _ratio}. */
    static final FairnessMetric[][] COMPARED = {
        {TRUE_POSITIVE_RATE, TRUE_POSITIVE_RATE_DIFFERENCE, TRUE_POSITIVE_RATE_RATIO},
        {TRUE_NEGATIVE_RATE, TRUE_NEGATIVE_RATE_DIFFERENCE, TRUE_NEGATIVE_RATE_RATIO},
        {FALSE_POSITIVE_RATE, FALSE_POSITIVE_RATE_DIFFERENCE, FALSE_POSITIVE_RATE_RATIO},
        {FALSE_NEGATIVE_RATE, FALSE_NEGATIVE_RATE_DIFFERENCE, FALSE_NEGATIVE_RATE_RATIO},
        {POSITIVE_PREDICTIVE_VALUE, POSITIVE_PREDICTIVE_VALUE_DIFFERENCE, POSITIVE_PREDICTIVE_VALUE_RATIO},
        {NEGATIVE_PREDICTIVE_VALUE, NEGATIVE_PREDICTIVE_VALUE_DIFFERENCE, NEGATIVE_PREDICTIVE_VALUE_RATIO},
        {FALSE_DISCOVERY_RATE, FALSE_DISCOVERY_RATE_DIFFERENCE, FALSE_DISCOVERY_RATE_RATIO},
        {FALSE_OMISSION_RATE, FALSE_OMISSION_RATE_DIFFERENCE, FALSE_OMISSION_RATE_RATIO},
        {ACCURACY, ACCURACY_DIFFERENCE, ACCURACY_RATIO},
        {ERROR_RATE, ERROR_RATE_DIFFERENCE, ERROR_RATE_RATIO},
        {SELECTION_RATE, SELECTION_RATE_DIFFERENCE, SELECTION_RATE_RATIO},
    };

    static SectionCollector compute(FairnessStatistics stats, FairnessSpec spec, DifferentialFairness.Result edfData,
                                 Map<String, String> undefined) {
        SectionCollector s = new SectionCollector("classification", undefined, stats.tally(FairnessSlice.OVERALL),
                stats.tally(FairnessSlice.PRIVILEGED), stats.tally(FairnessSlice.UNPRIVILEGED));
        counts(s);
        rates(s);
        for (FairnessMetric[] m : COMPARED) {
            s.putDifference(m[1], m[0]);
            s.putRatio(m[2], m[0]);
        }
        s.putRatio(DISPARATE_IMPACT, SELECTION_RATE);
        s.putDifference(STATISTICAL_PARITY_DIFFERENCE, SELECTION_RATE);
        s.putDifference(EQUAL_OPPORTUNITY_DIFFERENCE, TRUE_POSITIVE_RATE);
        double[] odds = s.putAverageOdds();
        double fpr = odds[0];
        double tpr = odds[1];
        s.scalar(AVERAGE_ABS_ODDS_DIFFERENCE, 0.5 * (Math.abs(fpr) + Math.abs(tpr)), "FPR or TPR is undefined for a group");
        s.scalar(EQUALIZED_ODDS_DIFFERENCE, nanMax(Math.abs(fpr), Math.abs(tpr)), "FPR or TPR is undefined for a group");
        double ppv = s.difference(AVERAGE_PREDICTIVE_VALUE_DIFFERENCE, POSITIVE_PREDICTIVE_VALUE);
        double forDiff = s.difference(AVERAGE_PREDICTIVE_VALUE_DIFFERENCE, FALSE_OMISSION_RATE);
        s.scalar(AVERAGE_PREDICTIVE_VALUE_DIFFERENCE, 0.5 * (ppv + forDiff), null);
        double gfpr = s.difference(GENERALIZED_EQUALIZED_ODDS_DIFFERENCE, GENERALIZED_FALSE_POSITIVE_RATE);
        double gtpr = s.difference(GENERALIZED_EQUALIZED_ODDS_DIFFERENCE, GENERALIZED_TRUE_POSITIVE_RATE);
        s.scalar(GENERALIZED_EQUALIZED_ODDS_DIFFERENCE, nanMax(Math.abs(gfpr), Math.abs(gtpr)), null);
        entropy(s, stats, spec.intersectionColumns());
        DifferentialFairness.Result edfPred = DifferentialFairness.smoothedEdf(stats, spec.intersectionColumns(),
                spec.concentration(), true);
        s.scalar(DIFFERENTIAL_FAIRNESS_BIAS_AMPLIFICATION, edfPred.epsilon() - edfData.epsilon(),
                edfPred.reason().isEmpty() ? edfData.reason() : edfPred.reason());
        s.scalar(KL_DIVERGENCE, DistributionMetrics.klDivergence(stats, true),
                "a predicted value occurs in the privileged group but not in the unprivileged one: KL is +infinity");
        s.scalar(CONDITIONAL_DEMOGRAPHIC_DISPARITY,
                DistributionMetrics.conditionalDemographicDisparity(stats, spec.intersectionColumns(), true),
                "no favorable or no unfavorable predictions overall (0 denominator)");
        return s;
    }

    private static void counts(SectionCollector s) {
        s.count(NUM_TRUE_POSITIVES, Tally::truePositives);
        s.count(NUM_FALSE_POSITIVES, Tally::falsePositives);
        s.count(NUM_TRUE_NEGATIVES, Tally::trueNegatives);
        s.count(NUM_FALSE_NEGATIVES, Tally::falseNegatives);
        s.count(NUM_GENERALIZED_TRUE_POSITIVES, Tally::generalizedTruePositives);
        s.count(NUM_GENERALIZED_FALSE_POSITIVES, Tally::generalizedFalsePositives);
        s.count(NUM_GENERALIZED_TRUE_NEGATIVES, Tally::generalizedTrueNegatives);
        s.count(NUM_GENERALIZED_FALSE_NEGATIVES, Tally::generalizedFalseNegatives);
        s.count(NUM_PRED_POSITIVES, Tally::predictedPositives);
        s.count(NUM_PRED_NEGATIVES, Tally::predictedNegatives);
    }

    static void rates(SectionCollector s) {
        s.rate(TRUE_POSITIVE_RATE, Tally::truePositives, Tally::positives, "P (num_positives)");
        s.rate(FALSE_NEGATIVE_RATE, Tally::falseNegatives, Tally::positives, "P (num_positives)");
        s.rate(TRUE_NEGATIVE_RATE, Tally::trueNegatives, Tally::negatives, "N (num_negatives)");
        s.rate(FALSE_POSITIVE_RATE, Tally::falsePositives, Tally::negatives, "N (num_negatives)");
        s.rate(GENERALIZED_TRUE_POSITIVE_RATE, Tally::generalizedTruePositives, Tally::positives, "P (num_positives)");
        s.rate(GENERALIZED_FALSE_NEGATIVE_RATE, Tally::generalizedFalseNegatives, Tally::positives, "P (num_positives)");
        s.rate(GENERALIZED_TRUE_NEGATIVE_RATE, Tally::generalizedTrueNegatives, Tally::negatives, "N (num_negatives)");
        s.rate(GENERALIZED_FALSE_POSITIVE_RATE, Tally::generalizedFalsePositives, Tally::negatives, "N (num_negatives)");
        s.rate(POSITIVE_PREDICTIVE_VALUE, Tally::truePositives, Tally::predictedPositives, "TP + FP");
        s.rate(FALSE_DISCOVERY_RATE, Tally::falsePositives, Tally::predictedPositives, "TP + FP");
        s.rate(NEGATIVE_PREDICTIVE_VALUE, Tally::trueNegatives, Tally::predictedNegatives, "TN + FN");
        s.rate(FALSE_OMISSION_RATE, Tally::falseNegatives, Tally::predictedNegatives, "TN + FN");
        s.rate(ACCURACY, t -> t.truePositives() + t.trueNegatives(), Tally::instances, "P + N");
        s.derived(ERROR_RATE, ACCURACY, a -> 1 - a);
        s.rate(SELECTION_RATE, Tally::predictedPositives, Tally::instances, "num_instances");
    }

    private static void entropy(SectionCollector s, FairnessStatistics stats, List<String> columns) {
        EntropyIndices.Index gei2 = EntropyIndices.overall(stats, 2);
        EntropyIndices.Index theil = EntropyIndices.overall(stats, 1);
        s.scalar(GENERALIZED_ENTROPY_INDEX, gei2.value(), gei2.reason());
        s.scalar(THEIL_INDEX, theil.value(), theil.reason());
        s.scalar(COEFFICIENT_OF_VARIATION, Math.sqrt(2 * gei2.value()), gei2.reason());
        EntropyIndices.Index bg2 = EntropyIndices.betweenGroup(stats, 2);
        EntropyIndices.Index bg1 = EntropyIndices.betweenGroup(stats, 1);
        s.scalar(BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX, bg2.value(), bg2.reason());
        s.scalar(BETWEEN_GROUP_THEIL_INDEX, bg1.value(), bg1.reason());
        s.scalar(BETWEEN_GROUP_COEFFICIENT_OF_VARIATION, Math.sqrt(2 * bg2.value()), bg2.reason());
        EntropyIndices.Index ba2 = EntropyIndices.betweenAllGroups(stats, columns, 2);
        EntropyIndices.Index ba1 = EntropyIndices.betweenAllGroups(stats, columns, 1);
        s.scalar(BETWEEN_ALL_GROUPS_GENERALIZED_ENTROPY_INDEX, ba2.value(), ba2.reason());
        s.scalar(BETWEEN_ALL_GROUPS_THEIL_INDEX, ba1.value(), ba1.reason());
        s.scalar(BETWEEN_ALL_GROUPS_COEFFICIENT_OF_VARIATION, Math.sqrt(2 * ba2.value()), ba2.reason());
    }

    private static double nanMax(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }
}
