package org.trustml.fairness;

import static org.trustml.fairness.FairnessMetric.*;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.trustml.fairness.internal.Tally;

/**
 * Metrics of the true labels, AIF360 v0.6.1 {@code BinaryLabelDatasetMetric}: weighted counts
 * {@code num_instances}, {@code num_positives}, {@code num_negatives}, {@code base_rate} = P / N_total per
 * group; {@code disparate_impact} = base_rate_u / base_rate_p; {@code statistical_parity_difference} =
 * base_rate_u − base_rate_p; {@code consistency} (see {@link Consistency});
 * {@code smoothed_empirical_differential_fairness} (see {@link DifferentialFairness}); and the
 * scikit-learn API's {@code class_imbalance}, {@code kl_divergence} and
 * {@code conditional_demographic_disparity} (see {@link DistributionMetrics}).
 *
 * <p>Differs from AIF360: a zero denominator (a group of total weight 0, disparate impact with a
 * privileged base rate of 0) gives NaN and a reason instead of numpy's inf/nan with a warning.
 */
final class DatasetMetrics {
    private DatasetMetrics() {}

    static SectionCollector compute(FairnessStatistics stats, FairnessSpec spec, OptionalDouble consistency,
                                 DifferentialFairness.Result edf, Map<String, String> undefined) {
        SectionCollector s = new SectionCollector("dataset", undefined, stats.tally(FairnessSlice.OVERALL),
                stats.tally(FairnessSlice.PRIVILEGED), stats.tally(FairnessSlice.UNPRIVILEGED));
        s.count(NUM_INSTANCES, Tally::instances);
        s.count(NUM_POSITIVES, Tally::positives);
        s.count(NUM_NEGATIVES, Tally::negatives);
        s.rate(BASE_RATE, Tally::positives, Tally::instances, "num_instances");
        s.putRatio(DISPARATE_IMPACT, BASE_RATE);
        s.putDifference(STATISTICAL_PARITY_DIFFERENCE, BASE_RATE);
        consistency.ifPresent(c -> s.scalar(CONSISTENCY, c, null));
        s.scalar(SMOOTHED_EMPIRICAL_DIFFERENTIAL_FAIRNESS, edf.epsilon(), edf.reason());
        s.scalar(CLASS_IMBALANCE, DistributionMetrics.classImbalance(stats), "the groups have total weight 0");
        s.scalar(KL_DIVERGENCE, DistributionMetrics.klDivergence(stats, false),
                "a label value occurs in the privileged group but not in the unprivileged one: KL is +infinity "
                        + "(as scipy's rel_entr), or a group has total weight 0");
        List<String> cols = spec.intersectionColumns();
        s.scalar(CONDITIONAL_DEMOGRAPHIC_DISPARITY, DistributionMetrics.conditionalDemographicDisparity(stats, cols, false),
                "no favorable or no unfavorable labels overall (0 denominator)");
        return s;
    }
}
