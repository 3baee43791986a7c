package org.trustml.report.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.ConfusionMatrix;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.SliceResult;
import org.trustml.core.evaluation.Verdict;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.train.TrainedModel;

/**
 * The data the report template sees: plain maps, lists and strings; images as base64 PNG. Values are
 * raw text: the template engine escapes them. The sections that depend on an evaluator's result type
 * (fairness, explanations, robustness, drift) are built by {@link EvaluatorViews}.
 */
public final class ReportView {
    private ReportView() {}

    /** The view of an evaluation, its verdict and, when given, the rendered model card. */
    public static Map<String, Object> of(String title, Optional<String> runId, ImageEvaluation evaluation,
            Verdict verdict, Optional<String> cardHtml) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", title);
        runId.ifPresent(id -> v.put("runId", id));
        TrainedModel model = evaluation.model();
        v.put("model", row("architecture", model.architecture().name(), "classes", String.join(", ", model.classes()),
                "inputSize", model.inputSize() + "x" + model.inputSize(), "bestEpoch", model.bestEpoch(),
                "epochs", model.history().size()));
        v.put("blessed", verdict.blessed());
        v.put("status", verdict.status().name());
        v.put("gatesPassed", verdict.results().size() - verdict.failures().size());
        v.put("gates", verdict.results().size());

        ClassificationReport c = evaluation.classification();
        List<SliceResult> slices = new ArrayList<>(List.of(c.overall()));
        slices.addAll(c.slices());
        v.put("accuracy", num(c.overall().accuracy()));
        v.put("testRows", c.overall().rows());
        v.put("confusion", slices.stream().map(ReportView::confusion).toList());
        v.put("sliceColumns", sliceColumns(c));
        v.put("sliceRows", slices.stream().map(s -> sliceRow(s, c)).toList());
        v.put("sliceChart", dataUri(sliceChart(slices, c)));
        c.overall().scores().flatMap(SliceResult.ScoreMetrics::curves).ifPresent(curves -> v.put("rocChart",
                dataUri(Charts.lines("ROC curve (overall, " + c.positiveClass().orElse("positive class") + ")",
                        "false-positive rate", "true-positive rate", curves.fpr(),
                        List.of(new Charts.Series("ROC, AUC " + num(curves.rocAuc()), curves.tpr())),
                        OptionalDouble.empty(), 0, 1))));

        EvaluatorViews.addAll(v, evaluation, verdict);
        v.put("verdictRows", verdict.results().stream().map(ReportView::gateRow).toList());
        v.put("allMetrics", evaluation.metrics().stream().map(m -> row("name", m.name(), "slice", m.slice().toString(),
                "value", num(m.value()), "reason", m.undefinedReason().orElse(""))).toList());
        cardHtml.ifPresent(h -> v.put("cardHtml", h));
        return v;
    }

    private static Map<String, Object> confusion(SliceResult s) {
        ConfusionMatrix m = s.confusion();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int t = 0; t < m.classes().size(); t++) {
            long support = m.support(t);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int p = 0; p < m.classes().size(); p++) {
                long n = m.count(t, p);
                double share = support == 0 ? 0 : (double) n / support;
                // cell shade: the share of the true class's rows, blue on the diagonal, red off it
                String colour = t == p ? "40,110,200" : "200,60,40";
                cells.add(row("count", n, "style", String.format(Locale.ROOT, "background: rgba(%s,%.2f)", colour,
                        0.08 + 0.6 * share)));
            }
            rows.add(row("label", m.classes().get(t), "cells", cells, "support", support));
        }
        return row("slice", s.slice().toString(), "rows", s.rows(), "classes", m.classes(), "matrix", rows,
                "accuracy", num(s.accuracy()));
    }

    private static List<String> sliceColumns(ClassificationReport c) {
        List<String> cols = new ArrayList<>(List.of("rows", "accuracy", "balanced accuracy"));
        c.classes().forEach(l -> cols.add("recall: " + l));
        c.classes().forEach(l -> cols.add("precision: " + l));
        cols.addAll(List.of("F1 macro", "ROC-AUC", "ECE"));
        return cols;
    }

    private static Map<String, Object> sliceRow(SliceResult s, ClassificationReport c) {
        List<String> cells = new ArrayList<>(List.of(Long.toString(s.rows()), num(s.accuracy()),
                num(s.balancedAccuracy())));
        s.perClass().forEach(k -> cells.add(num(k.recall())));
        s.perClass().forEach(k -> cells.add(num(k.precision())));
        cells.add(num(s.macro().f1()));
        cells.add(s.scores().map(m -> num(m.rocAuc())).orElse(""));
        cells.add(s.scores().map(m -> num(m.calibration().expectedCalibrationError())).orElse(""));
        return row("slice", s.slice().toString(), "cells", cells, "undefined", s.undefined().isEmpty() ? ""
                : "undefined: " + String.join("; ", s.undefined().entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
    }

    private static byte[] sliceChart(List<SliceResult> slices, ClassificationReport c) {
        List<String> names = slices.stream().map(s -> s.slice().toString()).toList();
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("accuracy", slices.stream().map(SliceResult::accuracy).toList()));
        for (int k = 0; k < c.classes().size(); k++) {
            int cls = k;
            series.add(new Charts.Series("recall: " + c.classes().get(k),
                    slices.stream().map(s -> s.perClass().get(cls).recall()).toList()));
        }
        return Charts.groupedBars("Accuracy and recall per slice", "", names, series, 0, 1,
                Math.max(640, 60 * names.size()), 380, OptionalDouble.empty());
    }

    private static Map<String, Object> gateRow(GateResult r) {
        return row("metric", r.gate().metric().jsonName(), "slice", r.gate().slice().toString(), "threshold", r.gate().describe(),
                "value", r.value().isPresent() ? num(r.value().getAsDouble()) : "missing",
                "baseline", r.baseline().isPresent() ? num(r.baseline().getAsDouble()) : "",
                "passed", r.passed(), "result", r.passed() ? "pass" : "FAIL", "message", r.message());
    }

    /** A value with three decimals, or "undefined" for NaN. */
    static String num(double x) {
        return Double.isNaN(x) ? "undefined" : String.format(Locale.ROOT, "%.3f", x);
    }

    /** A PNG as a {@code data:} URI. */
    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** A PNG file as a {@code data:} URI. */
    static String dataUri(Path png) {
        try {
            return dataUri(Files.readAllBytes(png));
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot be read for the report: " + e.getMessage()).file(png)
                    .expected("the PNG an evaluator wrote (LIME overlay, adversarial sheet), still in place").build(e);
        }
    }

    /** A map of alternating keys and values, in order. */
    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /** The value of {@code name} on {@code slice} in these values, if any. */
    static Optional<MetricValue> find(List<MetricValue> values, String name, Slice slice) {
        return values.stream().filter(m -> m.name().equals(name) && m.slice().equals(slice)).findFirst();
    }
}
