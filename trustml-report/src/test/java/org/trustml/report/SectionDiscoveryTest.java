package org.trustml.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;

/** The sections come from ServiceLoader (this module's own and the test's {@link FakeSectionProvider}), in order. */
class SectionDiscoveryTest {
    private static final Pattern SECTION = Pattern.compile("<section id=\"([^\"]+)\">");
    private static final Pattern NAV = Pattern.compile("<a href=\"#([^\"]+)\">");

    @TempDir
    Path dir;

    @Test
    void findsEveryProviderOnTheClassPathInPageOrder() {
        List<String> ids = HtmlReport.discover(getClass().getClassLoader()).stream().map(ReportSection::id).toList();
        // orders: noted 50, confusion 100, slices 200, fake 250 (the test's provider), verdict 700, metrics 900
        assertThat(ids).containsExactly("noted", "confusion", "slices", "fake", "verdict", "metrics");
    }

    @Test
    void thePageHasTheSectionsThatApplyInOrderAndLinksThem() {
        HtmlReport report = HtmlReport.of("CT demo", CoreReports.blessing(dir));
        String html = report.html();
        assertThat(all(SECTION, html)).containsExactly("confusion", "slices", "fake", "verdict", "metrics");
        assertThat(all(NAV, html)).containsExactly("confusion", "slices", "fake", "verdict", "metrics");

        String noted = report.attach(new FakeSectionProvider.Note("note <b>1</b>")).html();
        assertThat(all(SECTION, noted)).containsExactly("noted", "confusion", "slices", "fake", "verdict", "metrics");
        assertThat(noted).contains("<p>note &lt;b&gt;1&lt;/b&gt;</p>");
    }

    @Test
    void escapesWhatASectionWrites() {
        String html = HtmlReport.of("CT <b>demo</b>", CoreReports.blessing(dir)).html();
        assertThat(html).contains("<a href=\"#fake\">Fake &lt;script&gt;alert(&#39;fake&#39;)&lt;/script&gt;</a>")
                .contains("<h2>Fake section of CT &lt;b&gt;demo&lt;/b&gt;</h2>")
                .contains("<p title=\"&quot; onmouseover&#61;&quot;alert(1)\">&lt;script&gt;")
                .contains("<title>Trust report: CT &lt;b&gt;demo&lt;/b&gt;</title>")
                .doesNotContain("<script").doesNotContain("<b>demo</b>").doesNotContain("\" onmouseover");
    }

    @Test
    void chosenSectionsReplaceTheDiscoveredOnes() {
        ReportSection only = section("mine", 1);
        String html = HtmlReport.of("CT demo", CoreReports.blessing(dir)).sections(List.of(only)).html();
        assertThat(all(SECTION, html)).containsExactly("mine");
    }

    @Test
    void refusesTwoSectionsWithOneIdAndBadIds() {
        HtmlReport report = HtmlReport.of("CT demo", CoreReports.blessing(dir));
        assertThatThrownBy(() -> report.sections(List.of(section("x", 1), section("x", 2))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'x'")
                .hasMessageContaining("is the id of two report sections");
        for (String bad : List.of("summary", "Has Space", "\"><script>")) {
            assertThatThrownBy(() -> report.sections(List.of(section(bad, 1)))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not a section id");
        }
    }

    @Test
    void aSectionThatLeavesAnElementOpenIsRefused() {
        ReportSection sloppy = new ReportSection() {
            @Override
            public String id() {
                return "sloppy";
            }

            @Override
            public String title() {
                return "Sloppy";
            }

            @Override
            public int order() {
                return 1;
            }

            @Override
            public void render(ReportInput input, HtmlWriter out) {
                out.open("div");
            }
        };
        assertThatThrownBy(() -> HtmlReport.of("CT demo", CoreReports.blessing(dir)).sections(List.of(sloppy)).html())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sloppy").hasMessageContaining("</div>");
    }

    private static ReportSection section(String id, int order) {
        return new ReportSection() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return id;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public void render(ReportInput input, HtmlWriter out) {
                out.element("p", "section " + id);
            }
        };
    }

    private static List<String> all(Pattern p, String html) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
