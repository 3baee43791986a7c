package org.trustml.adversarial.report;

import static org.trustml.core.report.ReportFormat.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.trustml.adversarial.RobustnessEvaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.report.Chart;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;

/**
 * The report's {@code robustness} section (order 500), registered in this module's
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}: for each {@link RobustnessEvaluation}
 * among the evaluators, clean and adversarial accuracy and the perturbation norms per eps (the slices
 * {@code eps=<e>}) as a table and a chart, and the adversarial example sheets the evaluator wrote. Without
 * one it says that no robustness evaluator ran.
 */
public final class RobustnessSection implements ReportSection, ReportSectionProvider {
    private static final List<String> COLUMNS = List.of("clean_accuracy", "adversarial_accuracy",
            "attack_success_rate", "perturbation_linf_max", "perturbation_l2_mean");

    @Override
    public List<ReportSection> sections() {
        return List.of(this);
    }

    @Override
    public String id() {
        return "robustness";
    }

    @Override
    public String title() {
        return "Robustness";
    }

    @Override
    public String heading(ReportInput input) {
        return "Adversarial robustness";
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        Map<String, RobustnessEvaluation> results = input.results(RobustnessEvaluation.class);
        results.values().forEach(r -> robustness(out, r));
        if (results.isEmpty()) {
            out.element("p", "No robustness evaluator ran.", "class", "missing").newline();
        }
    }

    private static void robustness(HtmlWriter out, RobustnessEvaluation r) {
        TreeSet<Double> eps = new TreeSet<>();
        for (MetricValue m : r.metrics()) {
            Map<String, String> f = m.slice().features();
            if (f.size() == 1 && f.containsKey("eps")) {
                eps.add(Double.parseDouble(f.get("eps")));
            }
        }
        List<Double> xs = List.copyOf(eps);
        List<Double> clean = new ArrayList<>();
        List<Double> adversarial = new ArrayList<>();
        out.open("table").open("tr").element("th", "eps");
        COLUMNS.forEach(c -> out.element("th", c, "class", "num"));
        out.close("tr").newline();
        for (double e : xs) {
            Slice at = slice(r.metrics(), e);
            out.open("tr").element("th", at.features().get("eps"));
            COLUMNS.forEach(m -> out.element("td", find(r.metrics(), m, at).map(x -> num(x.value())).orElse(""),
                    "class", "num"));
            out.close("tr").newline();
            clean.add(find(r.metrics(), "clean_accuracy", at).map(MetricValue::value).orElse(Double.NaN));
            adversarial.add(find(r.metrics(), "adversarial_accuracy", at).map(MetricValue::value).orElse(Double.NaN));
        }
        out.close("table").newline();
        out.open("figure").chart(new Chart.Lines("Accuracy under attack", "eps", "accuracy", xs,
                List.of(new Chart.Series("clean accuracy", clean), new Chart.Series("adversarial accuracy", adversarial)),
                OptionalDouble.empty(), 0, 1), "Accuracy under attack").element("figcaption",
                "Clean and adversarial accuracy of the attacked images at each eps.").close("figure").newline();
        for (RobustnessEvaluation.ExampleSheet s : r.examples()) {
            out.open("figure").image(s.file(), "Adversarial examples at eps " + num(s.eps())).element("figcaption",
                    "eps " + num(s.eps()) + ": the attack flipped " + s.flipped() + " of these " + s.rows()
                            + " predictions. Per row: original, perturbation (magnified so its largest |δ| spans the"
                            + " grey range), adversarial.").close("figure").newline();
        }
    }

    /** The slice {@code eps=<e>} as the evaluator spelled it. */
    private static Slice slice(List<MetricValue> values, double e) {
        return values.stream().map(MetricValue::slice)
                .filter(s -> s.features().size() == 1 && s.features().containsKey("eps")
                        && Double.parseDouble(s.features().get("eps")) == e)
                .findFirst().orElseThrow();
    }

    private static Optional<MetricValue> find(List<MetricValue> values, String name, Slice slice) {
        return values.stream().filter(m -> m.name().equals(name) && m.slice().equals(slice)).findFirst();
    }
}
