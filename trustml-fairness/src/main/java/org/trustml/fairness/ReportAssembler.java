package org.trustml.fairness;

import static org.trustml.fairness.FairnessMetric.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.trustml.fairness.internal.Tally;

/** Turns sufficient statistics (and consistency, which needs the rows) into a {@link FairnessReport}. */
final class ReportAssembler {
    private ReportAssembler() {}

    /**
     * Every value of the dataset and classification sections that the statistics determine (all but consistency),
     * keyed {@code section.metric[.slice]} as the report's {@code undefined} map is; reasons go to {@code undefined}.
     * What the bootstrap recomputes for each resample.
     */
    static Map<String, Double> flatValues(FairnessStatistics stats, FairnessSpec spec, Map<String, String> undefined) {
        List<String> cols = spec.intersectionColumns();
        DifferentialFairness.Result edf = DifferentialFairness.smoothedEdf(stats, cols, spec.concentration(), false);
        Map<String, Double> out = new HashMap<>();
        flatten("dataset", DatasetMetrics.compute(stats, spec, OptionalDouble.empty(), edf, undefined).values(), out);
        if (stats.hasPredictions()) {
            flatten("classification", ClassificationMetrics.compute(stats, spec, edf, undefined).values(), out);
        }
        return out;
    }

    /** {@code section.metric.slice} (per group) or {@code section.metric} → value. */
    static void flatten(String section, Map<String, FairnessValue> values, Map<String, Double> out) {
        values.forEach((name, v) -> {
            if (v.perGroup()) {
                for (FairnessSlice s : FairnessSlice.values()) {
                    if (s != FairnessSlice.BETWEEN) {
                        out.put(section + "." + name + "." + s.jsonName(), v.get(s));
                    }
                }
            } else {
                out.put(section + "." + name, v.between());
            }
        });
    }

    static FairnessReport assemble(FairnessStatistics stats, FairnessSpec spec, OptionalDouble consistency) {
        return assemble(stats, spec, consistency, Optional.empty(), Optional.empty());
    }

    /** The report, with intervals and the intersectional search when their options are given. */
    static FairnessReport assemble(FairnessStatistics stats, FairnessSpec spec, OptionalDouble consistency,
                                   Optional<IntervalOptions> intervals, Optional<IntersectionalSearch.Options> search) {
        Map<String, String> undefined = new TreeMap<>();
        List<String> cols = spec.intersectionColumns();
        DifferentialFairness.Result edf = DifferentialFairness.smoothedEdf(stats, cols, spec.concentration(), false);
        SectionCollector dataset = DatasetMetrics.compute(stats, spec, consistency, edf, undefined);
        Map<String, FairnessValue> classification = Map.of();
        Optional<DifferentialFairness.Result> edfPred = Optional.empty();
        if (stats.hasPredictions()) {
            classification = ClassificationMetrics.compute(stats, spec, edf, undefined).values();
            edfPred = Optional.of(DifferentialFairness.smoothedEdf(stats, cols, spec.concentration(), true));
        }
        List<ClassMetrics> perClass = spec.labels().multiclass() ? perClass(stats) : List.of();
        Optional<FairnessIntervals> ci = intervals.map(o -> {
            FairnessIntervals fromStats = FairnessIntervals.of(stats, spec, o);
            Map<String, org.trustml.core.evaluation.MetricInterval> all = new HashMap<>(fromStats.values());
            consistency.ifPresent(c -> all.put("dataset." + CONSISTENCY.jsonName(),
                    org.trustml.core.evaluation.MetricInterval.undefined(o.level(), o.method().jsonName(),
                            "consistency is a k-nearest-neighbour statistic of the rows, not a function of the "
                                    + "sufficient statistics: it has no interval")));
            return new FairnessIntervals(o, fromStats.resampling(), all);
        });
        return new FairnessReport(FairnessReport.SCHEMA_VERSION, spec, stats.rows(), dataset.values(), classification,
                undefined, edf, edfPred, intersectional(stats, cols), perClass, ci,
                search.map(o -> IntersectionalSearch.of(stats, spec, o)));
    }

    private static List<ClassMetrics> perClass(FairnessStatistics stats) {
        List<ClassMetrics> rows = new ArrayList<>();
        for (String c : stats.classes()) {
            FairnessStatistics one = stats.withFavorable(List.of(c));
            Map<String, String> undefined = new HashMap<>();
            SectionCollector s = new SectionCollector("class_" + c, undefined, one.tally(FairnessSlice.OVERALL),
                    one.tally(FairnessSlice.PRIVILEGED), one.tally(FairnessSlice.UNPRIVILEGED));
            s.count(NUM_POSITIVES, Tally::positives);
            s.rate(BASE_RATE, Tally::positives, Tally::instances, "num_instances");
            s.putDifference(STATISTICAL_PARITY_DIFFERENCE, BASE_RATE);
            s.putRatio(DISPARATE_IMPACT, BASE_RATE);
            if (stats.hasPredictions()) {
                s.rate(SELECTION_RATE, Tally::predictedPositives, Tally::instances, "num_instances");
                s.rate(TRUE_POSITIVE_RATE, Tally::truePositives, Tally::positives, "P (num_positives)");
                s.rate(FALSE_POSITIVE_RATE, Tally::falsePositives, Tally::negatives, "N (num_negatives)");
                s.rate(POSITIVE_PREDICTIVE_VALUE, Tally::truePositives, Tally::predictedPositives, "TP + FP");
                s.putDifference(SELECTION_RATE_DIFFERENCE, SELECTION_RATE);
                s.putRatio(SELECTION_RATE_RATIO, SELECTION_RATE);
                s.putDifference(EQUAL_OPPORTUNITY_DIFFERENCE, TRUE_POSITIVE_RATE);
                s.putAverageOdds();
            }
            rows.add(new ClassMetrics(c, s.values(), undefined));
        }
        return rows;
    }

    private static IntersectionalReport intersectional(FairnessStatistics stats, List<String> cols) {
        FairnessStatistics.Intersections in = stats.intersections(cols);
        boolean pred = stats.hasPredictions();
        List<IntersectionalReport.GroupRow> rows = new ArrayList<>();
        String worst = "";
        double worstDiff = Double.POSITIVE_INFINITY;
        for (int g = 0; g < in.groups().size(); g++) {
            final int group = g;
            Tally t = stats.tally(k -> in.groupOfKey()[k] == group);
            Tally rest = stats.tally(k -> in.groupOfKey()[k] != group);
            double rate = pred ? div(t.predictedPositives(), t.instances()) : div(t.positives(), t.instances());
            double restRate = pred ? div(rest.predictedPositives(), rest.instances()) : div(rest.positives(), rest.instances());
            double diff = rate - restRate;
            double ratio = restRate == 0 ? Double.NaN : rate / restRate;
            rows.add(new IntersectionalReport.GroupRow(in.describe(g), t.instances(), div(t.positives(), t.instances()),
                    pred ? rate : Double.NaN, pred ? div(t.truePositives(), t.positives()) : Double.NaN,
                    pred ? div(t.falsePositives(), t.negatives()) : Double.NaN,
                    pred ? div(t.truePositives() + t.trueNegatives(), t.instances()) : Double.NaN, diff, ratio));
            if (diff < worstDiff) {
                worstDiff = diff;
                worst = in.describe(g);
            }
        }
        return new IntersectionalReport(cols, pred ? "selection_rate" : "base_rate", rows, worst);
    }

    private static double div(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
