package org.trustml.fairness;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustml.core.evaluation.MetricInterval;

/**
 * Confidence intervals of a fairness report's numbers, computed from its {@link FairnessStatistics} alone:
 * bootstrap (percentile or BCa; see {@link IntervalMethod}) or analytic. In the report's JSON:
 * <pre>{@code
 * "intervals": {"options": {"method": "bca", "level": 0.95, "resamples": 1000, "seed": 7},
 *               "resampling": "stratified by the 4 group keys of [sex, race]: ...",
 *               "values": {"classification.disparate_impact": {"lower": 0.71, "upper": 0.93, "level": 0.95, "method": "bca"},
 *                          "classification.true_positive_rate.privileged": {...},
 *                          "dataset.consistency": {"lower": "NaN", "upper": "NaN", ..., "undefinedReason": "..."}}}
 * }</pre>
 * Keys are the report's {@code undefined} keys, {@code section.metric[.slice]}. An interval that cannot be computed
 * has NaN bounds and its reason. Consistency (a k-NN statistic of the rows, not a function of the statistics) has
 * none. The multiclass per-class table and the intersectional table carry no intervals; the intersectional search
 * ({@link IntersectionalSearch}) gives its own.
 *
 * @param options    how they were computed
 * @param resampling what a resample is (bootstrap), or why there is none (analytic)
 * @param values     {@code section.metric[.slice]} → interval
 */
public record FairnessIntervals(IntervalOptions options, String resampling, Map<String, MetricInterval> values) {
    public FairnessIntervals {
        requireNonNull(options, "options");
        requireNonNull(resampling, "resampling");
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * The intervals of every number the statistics determine. The same statistics and options give the same
     * intervals, bit for bit, however the statistics were accumulated (one pass, or partitions merged with
     * {@link FairnessStatistics#merge}).
     */
    public static FairnessIntervals of(FairnessStatistics statistics, FairnessSpec spec, IntervalOptions options) {
        requireNonNull(statistics, "statistics");
        requireNonNull(spec, "spec");
        requireNonNull(options, "options");
        if (!options.method().bootstrap()) {
            Map<String, String> undefined = new HashMap<>();
            Map<String, Double> point = ReportAssembler.flatValues(statistics, spec, undefined);
            return new FairnessIntervals(options, "none: closed forms on the counts",
                    AnalyticIntervals.compute(statistics, options.level(), point, undefined));
        }
        return new FairnessIntervals(options, resampling(statistics, spec),
                BootstrapIntervals.compute(statistics, spec, options));
    }

    /** The interval of one number of the report. */
    public Optional<MetricInterval> get(String section, FairnessMetric metric, FairnessSlice slice) {
        String key = section + "." + metric.jsonName() + (slice == FairnessSlice.BETWEEN ? "" : "." + slice.jsonName());
        return Optional.ofNullable(values.get(key));
    }

    private static String resampling(FairnessStatistics stats, FairnessSpec spec) {
        String weights = stats.unitWeights()
                ? "unit weights: a resample's counts and sums are the row bootstrap's exactly"
                : "weighted sums as count x the cell's mean weight (exact when the weights are equal within each "
                        + "cell; otherwise the spread of weights within a cell is left out)";
        return "stratified by the " + stats.keyCount() + " group keys of " + stats.keyColumns() + ": within each key, "
                + "multinomial counts of its (label, prediction) cells, the distribution of the cell counts of the "
                + "row bootstrap; " + weights + (spec.score().isPresent() ? "; generalized counts use each cell's mean "
                + "weight x score (the spread of scores within a cell is left out)" : "");
    }
}
