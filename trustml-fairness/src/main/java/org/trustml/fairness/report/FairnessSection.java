package org.trustml.fairness.report;

import static org.trustml.core.report.ReportFormat.num;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricInterval;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.Chart;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportFormat;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.IntersectionalSearch;
import org.trustml.fairness.IntervalOptions;

/**
 * The report's {@code fairness} section (order 300), registered in this module's
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}: for each {@link FairnessReport} among
 * the evaluators, bars for AIF360's main between-group metrics and for every other metric of the report that a
 * gate judges on the whole dataset (unless the classification report has it too, as {@code accuracy}: that is a
 * performance gate, shown in the verdict), each with the gate's bounds and, when the report has confidence
 * intervals, its interval as an error bar; every fairness metric in a table; and, when the report has an
 * intersectional search, its significant subgroups and the worst one. Without a fairness report it says that no
 * fairness evaluator ran.
 */
public final class FairnessSection implements ReportSection, ReportSectionProvider {
    /** The between-group metrics drawn as bars (AIF360's names), when the fairness report has them. */
    private static final List<String> BARS = List.of("statistical_parity_difference", "disparate_impact",
            "equal_opportunity_difference", "average_odds_difference");

    @Override
    public List<ReportSection> sections() {
        return List.of(this);
    }

    @Override
    public String id() {
        return "fairness";
    }

    @Override
    public String title() {
        return "Fairness";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        Map<String, FairnessReport> reports = input.results(FairnessReport.class);
        reports.forEach((name, report) -> {
            out.open("p", "class", "caption").text("Evaluator ").element("code", name).text(": between-group metrics"
                    + " (AIF360's definitions). Dashed red lines are the bless gate's bounds; a bar is green within"
                    + " them, red outside, blue when no gate applies."
                    + report.intervals().map(i -> " Black whiskers are " + describe(i.options()) + " intervals.")
                            .orElse("")).close("p").newline();
            out.open("div");
            List<MetricValue> values = report.metrics();
            for (String metric : bars(values, input)) {
                bar(out, find(values, metric).orElseThrow(), input.verdict());
            }
            out.close("div").newline();
            out.open("details").element("summary", "Every fairness metric").newline();
            ReportFormat.metricTable(out, values);
            out.close("details").newline();
            report.intersectionalSearch().ifPresent(search -> search(out, search));
        });
        if (reports.isEmpty()) {
            out.element("p", "No fairness evaluator ran.", "class", "missing").newline();
        }
    }

    /** AIF360's four between-group metrics that the report has, then every other overall metric a gate judges. */
    private static Set<String> bars(List<MetricValue> values, ReportInput input) {
        Set<String> bars = new LinkedHashSet<>();
        BARS.stream().filter(m -> find(values, m).isPresent()).forEach(bars::add);
        for (GateResult g : input.verdict().results()) {
            String metric = g.gate().metric().jsonName();
            if (g.gate().slice().isOverall() && find(values, metric).isPresent()
                    && input.classification().flatMap(c -> c.metric(metric)).isEmpty()) {
                bars.add(metric);
            }
        }
        return bars;
    }

    private static void bar(HtmlWriter out, MetricValue m, Verdict verdict) {
        String metric = m.name();
        Optional<GateResult> gate = verdict.results().stream()
                .filter(g -> g.gate().metric().jsonName().equals(metric) && g.gate().slice().isOverall()).findFirst();
        OptionalDouble lo = gate.map(g -> g.gate().lower()).orElse(OptionalDouble.empty());
        OptionalDouble hi = gate.map(g -> g.gate().upper()).orElse(OptionalDouble.empty());
        // differences are centred on 0 (their ideal), ratios and rates start at 0
        boolean difference = metric.contains("difference");
        boolean ratio = metric.equals("disparate_impact") || metric.contains("ratio");
        Optional<Chart.ErrorBar> errorBar = m.interval().filter(MetricInterval::isDefined)
                .filter(ci -> Double.isFinite(ci.lower()) && Double.isFinite(ci.upper()))
                .map(ci -> new Chart.ErrorBar(ci.lower(), ci.upper()));
        double reach = Math.max(abs(m.value()), errorBar.map(e -> Math.max(Math.abs(e.lower()), Math.abs(e.upper())))
                .orElse(0.0));
        double span = Math.max(difference ? 0.5 : ratio ? 2 : 1, 1.1 * Math.max(reach,
                Math.max(abs(lo.orElse(0)), abs(hi.orElse(0)))));
        Chart.GateOutcome outcome = gate.map(g -> g.passed() ? Chart.GateOutcome.PASSED : Chart.GateOutcome.FAILED)
                .orElse(Chart.GateOutcome.NO_GATE);
        String caption = metric + " = " + num(m.value())
                + m.interval().map(ci -> ci.isDefined() ? " " + ci.describe()
                        : " (interval undefined: " + ci.undefinedReason().orElse("") + ")").orElse("") + " ("
                + gate.map(g -> "gate " + g.gate().describe() + ": " + (g.passed() ? "pass" : "FAIL")).orElse("no gate")
                + ")" + m.undefinedReason().filter(r -> !r.isEmpty()).map(r -> "; " + r).orElse("");
        out.open("figure").chart(new Chart.GatedBar(metric, m.value(), lo, hi, outcome, difference ? -span : 0, span,
                errorBar), metric).element("figcaption", caption).close("figure");
    }

    private static String describe(IntervalOptions o) {
        return Gate.fmt(100 * o.level()) + "% " + (o.method().bootstrap() ? o.method().jsonName() + " bootstrap ("
                + o.resamples() + " resamples, seed " + o.seed() + ")" : "analytic");
    }

    /** The search's significant subgroups and the worst one. */
    private static void search(HtmlWriter out, IntersectionalSearch s) {
        long significant = s.subgroups().stream().filter(IntersectionalSearch.Subgroup::significant).count();
        out.open("p", "class", "caption").text("Intersectional search by " + s.rate() + ": subgroups of up to "
                + s.options().depth() + " protected columns with at least " + s.options().minSupport() + " rows against "
                + "all other rows (two-proportion z-test, Benjamini-Hochberg at FDR " + Gate.fmt(s.options().fdr())
                + "): " + s.tested() + " of " + s.considered() + " tested, " + significant + " significant. Worst: "
                + s.worst().map(g -> g.group() + ", difference " + num(g.difference()) + " "
                        + g.differenceInterval().describe()).orElse("none significant") + ".").close("p").newline();
        if (significant == 0) {
            return;
        }
        out.open("table").open("tr").element("th", "subgroup").element("th", "rows", "class", "num")
                .element("th", s.rate(), "class", "num").element("th", "rest", "class", "num")
                .element("th", "difference", "class", "num").element("th", "interval").element("th", "BH q", "class", "num")
                .close("tr").newline();
        for (IntersectionalSearch.Subgroup g : s.subgroups()) {
            if (g.significant()) {
                out.open("tr").element("td", g.group()).element("td", g.rows(), "class", "num")
                        .element("td", num(g.rate()), "class", "num").element("td", num(g.restRate()), "class", "num")
                        .element("td", num(g.difference()), "class", "num")
                        .element("td", "[" + num(g.differenceInterval().lower()) + ", "
                                + num(g.differenceInterval().upper()) + "]")
                        .element("td", Gate.fmt(g.adjustedPValue()), "class", "num").close("tr").newline();
            }
        }
        out.close("table").newline();
    }

    private static Optional<MetricValue> find(List<MetricValue> values, String name) {
        return values.stream().filter(m -> m.name().equals(name) && m.slice().equals(Slice.OVERALL)).findFirst();
    }

    private static double abs(double x) {
        return Double.isNaN(x) ? 0 : Math.abs(x);
    }
}
