package org.trustml.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

class HtmlWriterTest {
    /** The 8-byte PNG signature (PNG spec, section 5.2): all the writer checks of the bytes it embeds. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void escapesWhatMustacheEscaped() {
        // the expected entities are mustache.java 0.9.14's HtmlEscaper table, the engine the page used before
        assertThat(HtmlWriter.escape("<a href='x' onclick=\"y\">`&`</a>\n\t"))
                .isEqualTo("&lt;a href&#61;&#39;x&#39; onclick&#61;&quot;y&quot;&gt;&#96;&amp;&#96;&lt;/a&gt;&#10;&#9;");
        assertThat(HtmlWriter.escape("R² plain text")).isEqualTo("R² plain text");
    }

    @Test
    void escapesTextAndAttributeValues() {
        String html = new HtmlWriter(c -> PNG).open("p", "title", "\"><script>x</script>")
                .text("<img src=x onerror=alert(1)>").close("p").html();
        assertThat(html).isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
                + "&lt;img src&#61;x onerror&#61;alert(1)&gt;</p>");
    }

    @Test
    void refusesTagsAndAttributesOutsideItsSets() {
        HtmlWriter out = new HtmlWriter(c -> PNG);
        assertThatThrownBy(() -> out.open("script")).isInstanceOf(InvalidInputException.class).hasMessageContaining("script");
        assertThatThrownBy(() -> out.open("img")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> out.open("div", "onclick", "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("onclick");
        assertThatThrownBy(() -> out.open("a", "href", "https://example.org")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("an anchor in the page");
        assertThatThrownBy(() -> out.open("iframe", "srcdoc", "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sandbox");
        assertThatThrownBy(() -> out.open("iframe", "sandbox", "allow-scripts", "srcdoc", "x"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> out.open("div", "srcdoc", "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> out.open("div", "class")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pairs");
        assertThat(out.html()).isEmpty(); // nothing was written by a refused call
    }

    @Test
    void elementsCloseInOrderAndAllOfThem() {
        HtmlWriter out = new HtmlWriter(c -> PNG).open("div").open("p");
        assertThatThrownBy(() -> out.close("div")).isInstanceOf(InvalidInputException.class).hasMessageContaining("</p>");
        assertThatThrownBy(out::html).isInstanceOf(InvalidInputException.class).hasMessageContaining("<p>");
        assertThat(out.close("p").close("div").html()).isEqualTo("<div><p></p></div>");
    }

    @Test
    void imagesAreDataUrisOfPngBytesOnly() throws Exception {
        List<Chart> drawn = new ArrayList<>();
        HtmlWriter out = new HtmlWriter(c -> {
            drawn.add(c);
            return PNG;
        });
        Chart bars = new Chart.GroupedBars("t", "", List.of("a"), List.of(new Chart.Series("s", List.of(0.5))), 0, 1, 10,
                10, OptionalDouble.empty());
        // base64 of the signature is iVBORw0KGgo= (RFC 4648), its '=' escaped like every attribute value
        assertThat(out.chart(bars, "a <chart>").html())
                .isEqualTo("<img alt=\"a &lt;chart&gt;\" src=\"data:image/png;base64,iVBORw0KGgo&#61;\">");
        assertThat(drawn).containsExactly(bars);
        assertThatThrownBy(() -> out.image("<svg onload=x>".getBytes(), "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PNG");
        Path notPng = Files.writeString(dir.resolve("sheet.png"), "<html>");
        assertThatThrownBy(() -> out.image(notPng, "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sheet.png").hasMessageContaining("is not a PNG");
        assertThatThrownBy(() -> out.image(dir.resolve("gone.png"), "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gone.png").hasMessageContaining("cannot be read");
    }

    @Test
    void chartsCheckTheirShape() {
        assertThatThrownBy(() -> new Chart.Lines("t", "x", "y", List.of(1.0, 2.0), List.of(new Chart.Series("s",
                List.of(1.0))), OptionalDouble.empty(), 0, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("series s").hasMessageContaining("has 1 values");
        assertThatThrownBy(() -> new Chart.GatedBar("m", 0.5, OptionalDouble.empty(), OptionalDouble.empty(),
                Chart.GateOutcome.NO_GATE, 1, 1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("yMin");
    }
}
