package org.trustml.modelcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the rendered HTML in headless Chromium (Debian's {@code chromium}): the page renders, the
 * hostile description stays text, and the screenshot is kept as a test artifact under
 * {@code target/modelcard-artifacts/}. Skipped, with the reason, only when no chromium is installed.
 */
class HeadlessChromiumTest {
    private static final Path ARTIFACTS = Path.of("target", "modelcard-artifacts");

    @TempDir
    Path profile;

    @Test
    void theHtmlCardRendersInChromiumAndItsScriptTextStaysText() throws Exception {
        Optional<String> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium); CI installs it");

        Files.createDirectories(ARTIFACTS);
        ModelCard card = TestCards.hostile();
        Path html = CardRenderer.writeHtml(card, ARTIFACTS.resolve("card.html").toAbsolutePath());
        CardRenderer.writeMarkdown(card, ARTIFACTS.resolve("card.md"));
        Path screenshot = ARTIFACTS.resolve("card.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        HeadlessChromium.run(chromium.get(), profile.resolve("shot"), "--screenshot=" + screenshot, "--window-size=1000,1400",
                html.toUri().toString());
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(1400);
        assertThat(HeadlessChromium.distinctColours(image)).as("a rendered page, not a blank one").isGreaterThan(20);

        String dom = HeadlessChromium.run(chromium.get(), profile.resolve("dom"), "--dump-dom", html.toUri().toString());
        Files.writeString(ARTIFACTS.resolve("card.dom.html"), dom);
        assertThat(dom).contains("<title>Model card: CT &lt;b&gt;classifier&lt;/b&gt;</title>")
                .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt; &amp; more")
                .doesNotContain("<script").contains("<table id=\"metrics\">");
    }
}
