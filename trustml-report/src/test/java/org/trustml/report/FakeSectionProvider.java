package org.trustml.report;

import java.util.List;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;

/**
 * A third-party provider, registered in this module's test {@code META-INF/services}: a section between the
 * slices (200) and the verdict (700) whose title, heading and body carry markup, and a section that applies
 * only to a report with a {@link Note} attached.
 */
public final class FakeSectionProvider implements ReportSectionProvider {
    /** What the second section renders. */
    public record Note(String text) {}

    static final String HOSTILE = "<script>alert('fake')</script>";

    @Override
    public List<ReportSection> sections() {
        return List.of(new Hostile(), new Noted());
    }

    private static final class Hostile implements ReportSection {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String title() {
            return "Fake " + HOSTILE;
        }

        @Override
        public int order() {
            return 250;
        }

        @Override
        public String heading(ReportInput input) {
            return "Fake section of " + input.title();
        }

        @Override
        public void render(ReportInput input, HtmlWriter out) {
            out.element("p", HOSTILE, "title", "\" onmouseover=\"alert(1)").newline();
        }
    }

    private static final class Noted implements ReportSection {
        @Override
        public String id() {
            return "noted";
        }

        @Override
        public String title() {
            return "Note";
        }

        @Override
        public int order() {
            return 50;
        }

        @Override
        public boolean appliesTo(ReportInput input) {
            return input.attachment(Note.class).isPresent();
        }

        @Override
        public void render(ReportInput input, HtmlWriter out) {
            out.element("p", input.attachment(Note.class).orElseThrow().text()).newline();
        }
    }
}
