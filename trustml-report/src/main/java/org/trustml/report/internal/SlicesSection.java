package org.trustml.report.internal;

import static org.trustml.core.report.ReportFormat.num;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.SliceResult;
import org.trustml.core.report.Chart;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;

/**
 * Accuracy, balanced accuracy, per-class recall and precision, F1, ROC-AUC and calibration error per slice, as a
 * table and a bar chart, and the overall ROC curve when the report has scores.
 */
final class SlicesSection implements ReportSection {
    @Override
    public String id() {
        return "slices";
    }

    @Override
    public String title() {
        return "Metrics per slice";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public boolean appliesTo(ReportInput input) {
        return input.classification().isPresent();
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        ClassificationReport c = input.classification().orElseThrow();
        List<SliceResult> slices = ConfusionSection.slices(c);
        out.open("table", "class", "wide").open("tr").element("th", "slice");
        columns(c).forEach(col -> out.element("th", col, "class", "num"));
        out.close("tr").newline();
        for (SliceResult s : slices) {
            out.open("tr").element("th", s.slice().toString(), "title", undefined(s));
            cells(s).forEach(cell -> out.element("td", cell, "class", "num"));
            out.close("tr").newline();
        }
        out.close("table").newline();
        out.open("figure").chart(chart(slices, c), "Accuracy and recall per slice").element("figcaption",
                "Accuracy and per-class recall on each slice (an undefined value is drawn as 0; the table says which).")
                .close("figure").newline();
        c.overall().scores().flatMap(SliceResult.ScoreMetrics::curves).ifPresent(curves -> out.open("figure")
                .chart(new Chart.Lines("ROC curve (overall, " + c.positiveClass().orElse("positive class") + ")",
                        "false-positive rate", "true-positive rate", curves.fpr(),
                        List.of(new Chart.Series("ROC, AUC " + num(curves.rocAuc()), curves.tpr())),
                        OptionalDouble.empty(), 0, 1), "ROC curve")
                .element("figcaption", "ROC curve on all evaluated " + input.unit() + ".").close("figure").newline());
    }

    private static List<String> columns(ClassificationReport c) {
        List<String> cols = new ArrayList<>(List.of("rows", "accuracy", "balanced accuracy"));
        c.classes().forEach(l -> cols.add("recall: " + l));
        c.classes().forEach(l -> cols.add("precision: " + l));
        cols.addAll(List.of("F1 macro", "ROC-AUC", "ECE"));
        return cols;
    }

    private static List<String> cells(SliceResult s) {
        List<String> cells = new ArrayList<>(List.of(Long.toString(s.rows()), num(s.accuracy()),
                num(s.balancedAccuracy())));
        s.perClass().forEach(k -> cells.add(num(k.recall())));
        s.perClass().forEach(k -> cells.add(num(k.precision())));
        cells.add(num(s.macro().f1()));
        cells.add(s.scores().map(m -> num(m.rocAuc())).orElse(""));
        cells.add(s.scores().map(m -> num(m.calibration().expectedCalibrationError())).orElse(""));
        return cells;
    }

    private static String undefined(SliceResult s) {
        return s.undefined().isEmpty() ? "" : "undefined: " + String.join("; ", s.undefined().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
    }

    private static Chart chart(List<SliceResult> slices, ClassificationReport c) {
        List<String> names = slices.stream().map(s -> s.slice().toString()).toList();
        List<Chart.Series> series = new ArrayList<>();
        series.add(new Chart.Series("accuracy", slices.stream().map(SliceResult::accuracy).toList()));
        for (int k = 0; k < c.classes().size(); k++) {
            int cls = k;
            series.add(new Chart.Series("recall: " + c.classes().get(k),
                    slices.stream().map(s -> s.perClass().get(cls).recall()).toList()));
        }
        return new Chart.GroupedBars("Accuracy and recall per slice", "", names, series, 0, 1,
                Math.max(640, 60 * names.size()), 380, OptionalDouble.empty());
    }
}
