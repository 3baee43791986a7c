package org.trustml.explain.report;

import static org.trustml.core.report.ReportFormat.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.explain.ShapMethod;
import org.trustml.explain.ShapReport;

/**
 * The report's {@code shap} section (order 410, after LIME's explanations), registered in this module's
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}, for each {@link ShapReport} among the
 * evaluators: how the values were computed and how exact they are, shap's bar plot (each feature column's mean
 * |SHAP value|, largest first) and shap's waterfall plot of the first explained row (from {@code E[f]}, each
 * feature's value as a step, largest |value| first, to {@code f(x)}; red raises the output, blue lowers it, as shap
 * colours them). Drawn as HTML bars, so the section needs no plotting library. It appears only when a SHAP evaluator
 * ran.
 */
public final class ShapSection implements ReportSection, ReportSectionProvider {
    /** Bars are at most this many pixels. */
    private static final int WIDTH = 320;
    /** Features drawn in each plot; the rest are summed into one line. */
    private static final int SHOWN = 12;
    private static final String RED = "#ff0051";
    private static final String BLUE = "#008bfb";

    @Override
    public List<ReportSection> sections() {
        return List.of(this);
    }

    @Override
    public String id() {
        return "shap";
    }

    @Override
    public String title() {
        return "SHAP";
    }

    @Override
    public int order() {
        return 410;
    }

    @Override
    public boolean appliesTo(ReportInput input) {
        return !input.results(ShapReport.class).isEmpty();
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        Map<String, ShapReport> reports = input.results(ShapReport.class);
        reports.forEach((name, r) -> {
            out.open("p", "class", "caption").text("Evaluator ").element("code", name).text(": " + describe(r) + ", in "
                    + r.units() + " of each row's predicted class; background: " + r.background() + ". " + quality(r))
                    .close("p").newline();
            bars(out, r);
            if (!r.rows().isEmpty()) {
                waterfall(out, r, r.rows().get(0));
            }
        });
    }

    private static String describe(ShapReport r) {
        return switch (r.method()) {
            case KERNEL -> "KernelSHAP (seed " + r.seed() + ")";
            case EXACT -> "exact Shapley values";
            case TREE_PATH_DEPENDENT -> "path-dependent TreeSHAP";
            case TREE_INTERVENTIONAL -> "interventional TreeSHAP";
        };
    }

    private static String quality(ShapReport r) {
        long converged = r.rows().stream().filter(ShapReport.ExplainedRow::converged).count();
        double additivity = r.rows().stream().mapToDouble(ShapReport.ExplainedRow::additivityError).max().orElse(0);
        double se = r.rows().stream().flatMap(x -> x.standardErrors().stream()).mapToDouble(Double::doubleValue)
                .reduce(0, (a, b) -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b));
        String exactness = r.method() == ShapMethod.KERNEL ? String.format(Locale.ROOT,
                "%d of %d rows converged, largest standard error %s", converged, r.rows().size(), sci(se))
                : "exact (no sampling)";
        return exactness + "; largest additivity error " + sci(additivity) + ".";
    }

    private static String sci(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.2g", v);
    }

    /** shap.plots.bar: mean |SHAP value| per feature, largest first. */
    private static void bars(HtmlWriter out, ShapReport r) {
        List<Integer> order = byMagnitude(r.meanAbsolute());
        double largest = order.isEmpty() ? 0 : r.meanAbsolute().get(order.get(0));
        out.open("figure").open("figcaption").text("Mean |SHAP value| over " + r.rowsInMean() + " rows")
                .close("figcaption").newline();
        out.open("table").open("tr").element("th", "feature").element("th", "mean |SHAP|", "class", "num")
                .element("th", "").close("tr").newline();
        for (int j : order.subList(0, Math.min(SHOWN, order.size()))) {
            double v = r.meanAbsolute().get(j);
            out.open("tr").element("td", r.features().get(j)).element("td", String.format(Locale.ROOT, "%.4f", v),
                    "class", "num").open("td").element("div", "", "style", "width:" + px(v, largest)
                            + "px;height:0.8em;background:" + RED, "title", r.features().get(j)).close("td")
                    .close("tr").newline();
        }
        if (order.size() > SHOWN) {
            out.open("tr").element("td", (order.size() - SHOWN) + " more features").element("td", "").element("td", "")
                    .close("tr").newline();
        }
        out.close("table").close("figure").newline();
    }

    /** shap.plots.waterfall: from E[f] through each feature's value to f(x). */
    private static void waterfall(HtmlWriter out, ShapReport r, ShapReport.ExplainedRow row) {
        List<Integer> order = byMagnitude(row.values().stream().map(Math::abs).toList());
        List<String> labels = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (int j : order.subList(0, Math.min(SHOWN, order.size()))) {
            labels.add(r.features().get(j));
            steps.add(row.values().get(j));
            errors.add(row.standardErrors().get(j));
        }
        if (order.size() > SHOWN) {
            double rest = 0;
            for (int j : order.subList(SHOWN, order.size())) {
                rest += row.values().get(j);
            }
            labels.add((order.size() - SHOWN) + " other features");
            steps.add(rest);
            errors.add(Double.NaN);
        }
        double lo = row.expectedValue();
        double hi = lo;
        double at = lo;
        for (double s : steps) {
            at += s;
            lo = Math.min(lo, at);
            hi = Math.max(hi, at);
        }
        double span = hi - lo;
        out.open("figure").open("figcaption").element("b", "Row " + (row.row() + 1)).text(": true " + row.truth()
                + ", predicted " + row.predicted() + "; E[f] = " + num(row.expectedValue()) + ", f(x) = "
                + num(row.outputValue())).close("figcaption").newline();
        out.open("table").open("tr").element("th", "feature").element("th", "SHAP value", "class", "num")
                .element("th", "").close("tr").newline();
        at = row.expectedValue();
        for (int i = 0; i < steps.size(); i++) {
            double s = steps.get(i);
            double from = Math.min(at, at + s);
            String value = String.format(Locale.ROOT, "%+.4f", s) + (errors.get(i) > 0
                    ? String.format(Locale.ROOT, " ± %.4f", errors.get(i)) : "");
            out.open("tr").element("td", labels.get(i)).element("td", value, "class", "num").open("td")
                    .element("div", "", "style", "margin-left:" + px(from - lo, span) + "px;width:"
                            + Math.max(1, px(Math.abs(s), span)) + "px;height:0.8em;background:" + (s >= 0 ? RED : BLUE),
                            "title", labels.get(i))
                    .close("td").close("tr").newline();
            at += s;
        }
        out.close("table").close("figure").newline();
    }

    private static int px(double v, double full) {
        return full > 0 ? (int) Math.round(WIDTH * v / full) : 0;
    }

    private static List<Integer> byMagnitude(List<Double> values) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < values.size(); j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(values.get(j))).thenComparing(j -> j));
        return order;
    }
}
