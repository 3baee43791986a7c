package org.trustml.fairness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.io.Json;

/**
 * The result of a fairness evaluation. In JSON ({@link #toJson()}):
 * <pre>{@code
 * {"schemaVersion": 2, "rows": 1000,
 *  "dataset":        {"base_rate": {"overall": x, "privileged": y, "unprivileged": z}, "disparate_impact": 0.8, ...},
 *  "classification": {"true_positive_rate": {...}, "equal_opportunity_difference": -0.1, ...},
 *  "undefined":      {"classification.positive_predictive_value.privileged": "TP + FP = 0 in the privileged rows ..."},
 *  "differentialFairness": {...}, "intersectional": {...}, "perClass": [...], "spec": {...},
 *  "intervals": {...}, "intersectionalSearch": {...}}
 * }</pre>
 * Metric names are AIF360's method names; a NaN value is listed in {@code undefined} with the reason.
 * Look values up by typed id with {@link #dataset(FairnessMetric)} / {@link #classification(FairnessMetric)}, or list
 * them all as (section, name, slice, value) with {@link #entries()} for a model card or a gate.
 *
 * <p>Schema version 2 adds the optional {@code intervals} ({@link FairnessIntervals}) and
 * {@code intersectionalSearch} ({@link IntersectionalSearch}) sections, written only when computed; every field of
 * version 1 is unchanged, so a version-1 reader that ignores unknown fields reads version 2.
 *
 * @param schemaVersion             2
 * @param spec                      what was evaluated (provenance)
 * @param rows                      number of rows
 * @param dataset                   metrics of the true labels
 * @param classification            metrics of labels and predictions; empty without predictions
 * @param undefined                 {@code section.metric[.slice]} → why the value is NaN or infinite
 * @param differentialFairness      smoothed EDF of the true labels and the pair of groups attaining it
 * @param differentialFairnessPredictions smoothed EDF of the predictions, when there are predictions
 * @param intersectional            metrics for every intersection of the protected columns
 * @param perClass                  one-vs-rest metrics per label value (multiclass mode only)
 * @param intervals                 confidence intervals of the dataset and classification numbers, when asked for
 * @param intersectionalSearch      subgroups that differ significantly from the rest, when asked for
 */
public record FairnessReport(int schemaVersion, FairnessSpec spec, long rows, Map<String, FairnessValue> dataset,
                             Map<String, FairnessValue> classification, Map<String, String> undefined,
                             DifferentialFairness.Result differentialFairness,
                             Optional<DifferentialFairness.Result> differentialFairnessPredictions,
                             IntersectionalReport intersectional, List<ClassMetrics> perClass,
                             Optional<FairnessIntervals> intervals, Optional<IntersectionalSearch> intersectionalSearch)
        implements MetricSource {
    /** The schema version written by this code. */
    public static final int SCHEMA_VERSION = 2;

    public FairnessReport {
        Objects.requireNonNull(spec, "spec");
        dataset = Collections.unmodifiableMap(new TreeMap<>(dataset));
        classification = Collections.unmodifiableMap(new TreeMap<>(classification));
        undefined = Collections.unmodifiableMap(new TreeMap<>(undefined));
        Objects.requireNonNull(differentialFairness, "differentialFairness");
        Objects.requireNonNull(differentialFairnessPredictions, "differentialFairnessPredictions");
        Objects.requireNonNull(intersectional, "intersectional");
        perClass = List.copyOf(perClass);
        Objects.requireNonNull(intervals, "intervals");
        Objects.requireNonNull(intersectionalSearch, "intersectionalSearch");
    }

    /** The confidence interval of one number of the report, when intervals were computed. */
    public Optional<org.trustml.core.evaluation.MetricInterval> interval(String section, FairnessMetric metric,
                                                                            FairnessSlice slice) {
        return intervals.flatMap(i -> i.get(section, metric, slice));
    }

    /** A dataset metric by id. */
    public Optional<FairnessValue> dataset(FairnessMetric id) {
        return Optional.ofNullable(dataset.get(id.jsonName()));
    }

    /** A classification metric by id. */
    public Optional<FairnessValue> classification(FairnessMetric id) {
        return Optional.ofNullable(classification.get(id.jsonName()));
    }

    /** One value: the classification metric if there is one of that id, else the dataset metric. */
    public OptionalDouble value(FairnessMetric id, FairnessSlice slice) {
        Optional<FairnessValue> v = classification(id).or(() -> dataset(id));
        return v.map(m -> OptionalDouble.of(m.get(slice))).orElse(OptionalDouble.empty());
    }

    /** One (section, metric, slice, value) per number in the report, for model cards and gates. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        add(out, "dataset", dataset);
        add(out, "classification", classification);
        return out;
    }

    private static void add(List<Entry> out, String section, Map<String, FairnessValue> values) {
        values.forEach((name, v) -> {
            FairnessMetric id = FairnessMetric.fromJsonName(name);
            if (v.perGroup()) {
                for (FairnessSlice s : new FairnessSlice[] {FairnessSlice.OVERALL, FairnessSlice.PRIVILEGED, FairnessSlice.UNPRIVILEGED}) {
                    out.add(new Entry(section, id, s, v.get(s)));
                }
            } else {
                out.add(new Entry(section, id, FairnessSlice.BETWEEN, v.between()));
            }
        });
    }

    /**
     * The report's numbers for gates and model cards ({@link MetricSource}): classification metrics
     * under their AIF360 names ({@code equal_opportunity_difference}), dataset metrics prefixed
     * {@code dataset.} ({@code dataset.disparate_impact}), since AIF360 has both a dataset and a
     * classification {@code disparate_impact} ({@link FairnessMetric} and {@link FairnessMetric#ofDataset()} are
     * the typed keys). A per-group metric gives three values, on the slices
     * {@code overall}, {@code group=privileged} and {@code group=unprivileged}; a between-group
     * number is on {@code overall}. Undefined values are NaN with the report's reason. With intervals, each value
     * carries its {@link org.trustml.core.evaluation.MetricValue#interval()}, which a gate can require wholly within
     * its bounds.
     */
    @Override
    public List<org.trustml.core.evaluation.MetricValue> metrics() {
        List<org.trustml.core.evaluation.MetricValue> out = new ArrayList<>();
        for (Entry e : entries()) {
            String name = (e.section().equals("dataset") ? e.metric().ofDataset() : e.metric()).jsonName();
            org.trustml.core.evaluation.Slice slice = switch (e.slice()) {
                case OVERALL, BETWEEN -> org.trustml.core.evaluation.Slice.OVERALL;
                case PRIVILEGED -> org.trustml.core.evaluation.Slice.of("group", "privileged");
                case UNPRIVILEGED -> org.trustml.core.evaluation.Slice.of("group", "unprivileged");
            };
            org.trustml.core.evaluation.MetricValue v;
            if (Double.isNaN(e.value())) {
                String key = e.section() + "." + e.metric().jsonName();
                String reason = undefined.getOrDefault(key + "." + e.slice().jsonName(),
                        undefined.getOrDefault(key, "undefined (see the report)"));
                v = org.trustml.core.evaluation.MetricValue.undefined(name, slice, reason);
            } else {
                v = org.trustml.core.evaluation.MetricValue.of(name, slice, e.value());
            }
            out.add(interval(e.section(), e.metric(), e.slice()).map(v::withInterval).orElse(v));
        }
        return out;
    }

    /** The report as pretty-printed JSON. */
    public String toJson() {
        return Json.toJson(this);
    }

    /**
     * One number of the report.
     *
     * @param section {@code dataset} or {@code classification}
     * @param metric  the metric
     * @param slice   which rows
     * @param value   the value (NaN when undefined)
     */
    public record Entry(String section, FairnessMetric metric, FairnessSlice slice, double value) {}
}
