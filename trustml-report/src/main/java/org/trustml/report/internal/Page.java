package org.trustml.report.internal;

import static org.trustml.core.report.ReportFormat.num;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.ChartRenderer;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;

/**
 * The page around the sections: the head (inline CSS and the Content-Security-Policy, from
 * {@code org/trustml/report/page-head.html}), the summary header with a link to every section, each section
 * that applies in its {@code <section id>} with its {@code <h2>}, and the footer. Every value goes through an
 * {@link HtmlWriter}; the only text not escaped is this module's own head and footer.
 */
public final class Page {
    private static final String HEAD = resource("page-head.html");
    private static final String FOOT = "<footer>Made by trustml-report: one self-contained page, no scripts, no external"
            + " resources.</footer>\n</main>\n</body>\n</html>\n";
    private static final ChartRenderer CHARTS = new XChartRenderer();

    private Page() {}

    /** The page of {@code input} with those of {@code sections} that apply to it, in their order. */
    public static String html(ReportInput input, List<ReportSection> sections) {
        List<ReportSection> shown = sections.stream().filter(s -> s.appliesTo(input)).toList();
        StringBuilder page = new StringBuilder(HEAD.replace("{{title}}", HtmlWriter.escape(input.title())));
        page.append(header(input, shown));
        for (ReportSection s : shown) {
            HtmlWriter out = new HtmlWriter(CHARTS);
            out.newline().open("section", "id", s.id()).newline().element("h2", s.heading(input)).newline();
            s.render(input, out);
            try {
                out.close("section");
            } catch (InvalidInputException e) {
                throw InvalidInputException.problem("left an element open (" + e.getMessage() + ")")
                        .column("report section " + s.id()).value(s.getClass().getName())
                        .expected("every element it opens closed before it ends").build(e);
            }
            page.append(out.newline().html());
        }
        return page.append(FOOT).toString();
    }

    private static String header(ReportInput input, List<ReportSection> shown) {
        HtmlWriter out = new HtmlWriter(CHARTS);
        out.open("header", "id", Sections.SUMMARY).newline().element("h1", "Trust report: " + input.title()).newline();
        out.open("p", "class", "sub");
        input.runId().ifPresent(id -> out.text("Run " + id + " · "));
        input.model().ifPresent(out::text);
        out.close("p").newline();
        Verdict v = input.verdict();
        out.open("p").element("span", v.blessed() ? "BLESSED" : "NOT BLESSED", "class",
                "badge " + (v.blessed() ? "blessed" : "not-blessed")).newline();
        out.text(" " + (v.results().size() - v.failures().size()) + " of " + v.results().size() + " gates passed");
        if (input.classification().isPresent()) {
            ClassificationReport c = input.classification().get();
            out.text(" · accuracy " + num(c.overall().accuracy()) + " on " + c.overall().rows() + " evaluated "
                    + input.unit());
        }
        out.close("p").newline().open("nav");
        shown.forEach(s -> out.element("a", s.title(), "href", "#" + s.id()));
        return out.close("nav").newline().close("header").newline().html();
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream("/org/trustml/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("org/trustml/report/" + name + " is not in trustml-report's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
