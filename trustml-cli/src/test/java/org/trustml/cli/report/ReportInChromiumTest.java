package org.trustml.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.modelcard.HeadlessChromium;
import org.trustml.report.HtmlReport;

/**
 * Opens the report in headless Chromium (Debian's {@code chromium}, as the model card's test does): the
 * page loads, has its sections, and every image decodes ({@code naturalWidth > 0}). The report has no
 * scripts and forbids them, so the image check runs on a copy whose policy lets one inline script
 * count the images after the load event and write the result into the DOM, which
 * {@code --dump-dom} then prints. The report, the DOM and a screenshot are kept under
 * {@code target/report-artifacts/}. Skipped, with the reason, only when no chromium is installed.
 */
class ReportInChromiumTest {
    private static final Path ARTIFACTS = Path.of("target", "report-artifacts");
    private static final String CHECK = "<script>window.addEventListener('load', () => {"
            + " const imgs = Array.from(document.images);"
            + " const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt);"
            + " const out = document.createElement('pre'); out.id = 'image-check';"
            + " out.textContent = 'images=' + imgs.length + ' broken=' + broken.length + ' ' + broken.join('|');"
            + " document.body.appendChild(out); });</script>";
    private static final Pattern RESULT = Pattern.compile("<pre id=\"image-check\">images=(\\d+) broken=(\\d+)([^<]*)</pre>");

    @TempDir
    Path dir;

    @Test
    void theReportLoadsWithItsSectionsAndNoBrokenImage() throws Exception {
        Optional<String> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium); CI installs it");

        Files.createDirectories(ARTIFACTS);
        HtmlReport report = HtmlReport.of("CT demo", TestReports.blessing(dir)).attach(TestReports.card()).runId("run-1");
        Path html = report.write(ARTIFACTS.resolve("report.html").toAbsolutePath());
        String page = Files.readString(html);
        Path checked = ARTIFACTS.resolve("report-checked.html").toAbsolutePath();
        Files.writeString(checked, page.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
                .replace("</body>", CHECK + "</body>"));

        String dom = HeadlessChromium.run(chromium.get(), dir.resolve("dom"), "--virtual-time-budget=10000", "--dump-dom",
                checked.toUri().toString());
        Files.writeString(ARTIFACTS.resolve("report.dom.html"), dom);
        Matcher m = RESULT.matcher(dom);
        assertThat(m.find()).as("the check script ran after the load event").isTrue();
        int images = countImages(page);
        assertThat(Integer.parseInt(m.group(1))).as("images in the DOM").isEqualTo(images).isGreaterThanOrEqualTo(8);
        assertThat(Integer.parseInt(m.group(2))).as("broken images: %s", m.group(3)).isZero();
        for (String heading : List.of("Confusion matrices", "Metrics per slice", "Fairness", "Explanations (LIME)",
                "Adversarial robustness", "Drift", "Bless verdict: NOT_BLESSED", "Model card", "All metrics")) {
            assertThat(dom).contains(">" + heading + "</h2>");
        }
        assertThat(dom).contains("<iframe title=\"Model card\"").doesNotContain("<script>alert(1)");

        Path screenshot = ARTIFACTS.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        HeadlessChromium.run(chromium.get(), dir.resolve("shot"), "--screenshot=" + screenshot, "--window-size=1200,2400",
                html.toUri().toString());
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertThat(shot.getWidth()).isEqualTo(1200);
        assertThat(HeadlessChromium.distinctColours(shot)).as("a rendered page with charts, not a blank one").isGreaterThan(50);
    }

    private static int countImages(String html) {
        int n = 0;
        for (int i = html.indexOf("<img "); i >= 0; i = html.indexOf("<img ", i + 1)) {
            n++;
        }
        return n;
    }
}
