package org.trustml.report.internal;

import static org.trustml.report.internal.ReportView.dataUri;
import static org.trustml.report.internal.ReportView.num;
import static org.trustml.report.internal.ReportView.row;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.trustml.adversarial.RobustnessEvaluation;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.Verdict;
import org.trustml.drift.ColumnDrift;
import org.trustml.drift.DriftReport;
import org.trustml.drift.TestResult;
import org.trustml.explain.ExplanationReport;
import org.trustml.explain.FeatureWeight;
import org.trustml.fairness.FairnessReport;
import org.trustml.vision.evaluation.ImageEvaluation;

/**
 * The report sections of the pluggable evaluators, chosen by the type of each evaluator's result:
 * {@link FairnessReport}, {@link ExplanationReport}, {@link RobustnessEvaluation}, {@link DriftReport}.
 * A section whose evaluator did not run is left out of the page.
 */
final class EvaluatorViews {
    /** The between-group metrics drawn as bars (AIF360's names), when the fairness report has them. */
    private static final List<String> FAIRNESS_BARS = List.of("statistical_parity_difference", "disparate_impact",
            "equal_opportunity_difference", "average_odds_difference");
    private static final List<String> ROBUSTNESS = List.of("clean_accuracy", "adversarial_accuracy",
            "attack_success_rate", "perturbation_linf_max", "perturbation_l2_mean");

    private EvaluatorViews() {}

    static void addAll(Map<String, Object> v, ImageEvaluation evaluation, Verdict verdict) {
        List<Map<String, Object>> fairness = new ArrayList<>();
        List<Map<String, Object>> explanations = new ArrayList<>();
        List<Map<String, Object>> robustness = new ArrayList<>();
        List<Map<String, Object>> drift = new ArrayList<>();
        evaluation.results(FairnessReport.class)
                .forEach((name, f) -> fairness.add(fairness(name, f, verdict, evaluation.classification())));
        evaluation.results(ExplanationReport.class).forEach((name, e) -> explanations.add(explanations(name, e)));
        evaluation.results(RobustnessEvaluation.class).forEach((name, r) -> robustness.add(robustness(name, r)));
        evaluation.results(DriftReport.class).forEach((name, d) -> drift.add(drift(name, d)));
        v.put("fairness", fairness);
        v.put("explanations", explanations);
        v.put("robustness", robustness);
        v.put("drift", drift);
    }

    /**
     * The fairness section: bars for AIF360's main between-group metrics and for every other metric of
     * the report that a gate judges on the whole dataset (unless the classification report has it too,
     * as {@code accuracy}: it is a performance gate, shown in the verdict).
     */
    private static Map<String, Object> fairness(String name, MetricSource report, Verdict verdict,
            MetricSource classification) {
        List<MetricValue> values = report.metrics();
        Set<String> bars = new LinkedHashSet<>();
        FAIRNESS_BARS.stream().filter(m -> ReportView.find(values, m, Slice.OVERALL).isPresent()).forEach(bars::add);
        for (GateResult g : verdict.results()) {
            String gated = g.gate().metric().jsonName();
            if (g.gate().slice().isOverall() && ReportView.find(values, gated, Slice.OVERALL).isPresent()
                    && classification.metric(gated).isEmpty()) {
                bars.add(gated);
            }
        }
        List<Map<String, Object>> charts = new ArrayList<>();
        for (String metric : bars) {
            MetricValue m = ReportView.find(values, metric, Slice.OVERALL).orElseThrow();
            Optional<GateResult> gate = verdict.results().stream()
                    .filter(g -> g.gate().metric().jsonName().equals(metric) && g.gate().slice().isOverall()).findFirst();
            OptionalDouble lo = gate.map(g -> g.gate().lower()).orElse(OptionalDouble.empty());
            OptionalDouble hi = gate.map(g -> g.gate().upper()).orElse(OptionalDouble.empty());
            // differences are centred on 0 (their ideal), ratios and rates start at 0
            boolean difference = metric.contains("difference");
            boolean ratio = metric.equals("disparate_impact") || metric.contains("ratio");
            double span = Math.max(difference ? 0.5 : ratio ? 2 : 1, 1.1 * Math.max(abs(m.value()),
                    Math.max(abs(lo.orElse(0)), abs(hi.orElse(0)))));
            byte[] png = Charts.gatedBar(metric, m.value(), lo, hi, gate.map(GateResult::passed).orElse(null),
                    difference ? -span : 0, span);
            charts.add(row("metric", metric, "image", dataUri(png), "value", num(m.value()),
                    "gate", gate.map(g -> "gate " + g.gate().describe() + ": " + (g.passed() ? "pass" : "FAIL"))
                            .orElse("no gate"), "reason", m.undefinedReason().orElse("")));
        }
        List<Map<String, Object>> rows = values.stream().map(m -> row("name", m.name(), "slice", m.slice().toString(),
                "value", num(m.value()), "reason", m.undefinedReason().orElse(""))).toList();
        return row("name", name, "charts", charts, "rows", rows);
    }

    private static Map<String, Object> explanations(String name, ExplanationReport e) {
        List<Map<String, Object>> images = new ArrayList<>();
        for (ExplanationReport.ExplainedImage i : e.images()) {
            List<String> weights = new ArrayList<>();
            for (FeatureWeight w : i.topWeights()) {
                weights.add(String.format(java.util.Locale.ROOT, "superpixel %d: %+.4f", w.feature(), w.weight()));
            }
            images.add(row("path", i.path(), "truth", i.truth(), "predicted", i.predicted(),
                    "probability", num(i.probability()), "score", num(i.score()), "segments", i.segments(),
                    "overlay", dataUri(i.overlay()), "heatMap", dataUri(i.heatMap()), "weights", weights,
                    "correct", i.truth().equals(i.predicted())));
        }
        return row("name", name, "samples", e.numSamples(), "seed", e.seed(), "images", images);
    }

    private static Map<String, Object> robustness(String name, RobustnessEvaluation r) {
        TreeSet<Double> eps = new TreeSet<>();
        for (MetricValue m : r.metrics()) {
            Map<String, String> f = m.slice().features();
            if (f.size() == 1 && f.containsKey("eps")) {
                eps.add(Double.parseDouble(f.get("eps")));
            }
        }
        List<Double> xs = List.copyOf(eps);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Double> clean = new ArrayList<>();
        List<Double> adversarial = new ArrayList<>();
        for (double e : xs) {
            Slice at = slice(r.metrics(), e);
            List<String> cells = ROBUSTNESS.stream()
                    .map(m -> ReportView.find(r.metrics(), m, at).map(x -> num(x.value())).orElse("")).toList();
            rows.add(row("eps", at.features().get("eps"), "cells", cells));
            clean.add(ReportView.find(r.metrics(), "clean_accuracy", at).map(MetricValue::value).orElse(Double.NaN));
            adversarial.add(ReportView.find(r.metrics(), "adversarial_accuracy", at).map(MetricValue::value)
                    .orElse(Double.NaN));
        }
        String chart = dataUri(Charts.lines("Accuracy under attack", "eps", "accuracy", xs,
                List.of(new Charts.Series("clean accuracy", clean), new Charts.Series("adversarial accuracy", adversarial)),
                OptionalDouble.empty(), 0, 1));
        List<Map<String, Object>> sheets = r.examples().stream().map(s -> row("eps", num(s.eps()), "rows", s.rows(),
                "flipped", s.flipped(), "image", dataUri(s.file()))).toList();
        return row("name", name, "columns", ROBUSTNESS, "rows", rows, "chart", chart, "sheets", sheets);
    }

    /** The slice {@code eps=<e>} as the evaluator spelled it. */
    private static Slice slice(List<MetricValue> values, double e) {
        return values.stream().map(MetricValue::slice)
                .filter(s -> s.features().size() == 1 && s.features().containsKey("eps")
                        && Double.parseDouble(s.features().get("eps")) == e)
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> drift(String name, DriftReport d) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        OptionalDouble threshold = OptionalDouble.empty();
        for (ColumnDrift c : d.columns()) {
            for (TestResult t : c.tests()) {
                rows.add(row("column", c.column(), "kind", c.kind(), "test", t.test().jsonName(),
                        "statistic", num(t.statistic()), "pValue", t.pValue().map(ReportView::num).orElse(""),
                        "distance", t.distance().map(ReportView::num).orElse(""), "threshold", num(t.threshold()),
                        "drifted", t.drifted() ? "yes" : "no"));
            }
            Optional<TestResult> first = c.tests().stream().filter(t -> t.pValue().isPresent()).findFirst();
            if (first.isPresent()) {
                columns.add(c.column());
                p.add(first.get().pValue().get());
                threshold = OptionalDouble.of(first.get().threshold());
            }
        }
        Map<String, Object> out = row("name", name, "drifted", d.drifted() ? "yes" : "no", "share", num(d.driftShare()),
                "alpha", num(d.alpha()), "correction", d.correction().toString(),
                "driftedColumns", String.join(", ", d.driftedColumns()), "rows", rows);
        if (!columns.isEmpty()) {
            out.put("chart", dataUri(Charts.groupedBars("p-value per feature (line: the test's threshold)", "p-value",
                    columns, List.of(new Charts.Series("p-value", p)), 0, 1, Math.max(560, 50 * columns.size()), 320,
                    threshold)));
        }
        return out;
    }

    private static double abs(double x) {
        return Double.isNaN(x) ? 0 : Math.abs(x);
    }
}
