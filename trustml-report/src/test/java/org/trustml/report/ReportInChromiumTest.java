package org.trustml.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Optional<String> chromium = findChromium();
        assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium); CI installs it");

        Files.createDirectories(ARTIFACTS);
        HtmlReport report = HtmlReport.of("CT demo", TestReports.blessing(dir)).card(TestReports.card()).runId("run-1");
        Path html = report.write(ARTIFACTS.resolve("report.html").toAbsolutePath());
        String page = Files.readString(html);
        Path checked = ARTIFACTS.resolve("report-checked.html").toAbsolutePath();
        Files.writeString(checked, page.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
                .replace("</body>", CHECK + "</body>"));

        String dom = run(chromium.get(), dir.resolve("dom"), "--virtual-time-budget=10000", "--dump-dom",
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
        run(chromium.get(), dir.resolve("shot"), "--screenshot=" + screenshot, "--window-size=1200,2400",
                html.toUri().toString());
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertThat(shot.getWidth()).isEqualTo(1200);
        assertThat(distinctColours(shot)).as("a rendered page with charts, not a blank one").isGreaterThan(50);
    }

    private static int countImages(String html) {
        int n = 0;
        for (int i = html.indexOf("<img "); i >= 0; i = html.indexOf("<img ", i + 1)) {
            n++;
        }
        return n;
    }

    private static String run(String chromium, Path userDataDir, String... args) throws IOException, InterruptedException {
        Files.createDirectories(userDataDir);
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + userDataDir));
        cmd.addAll(List.of(args));
        Path out = userDataDir.resolve("stdout.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(userDataDir.resolve("stderr.txt").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s",
                Files.readString(userDataDir.resolve("stderr.txt"))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static Optional<String> findChromium() {
        String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        return Stream.of("chromium", "chromium-browser").flatMap(name -> Stream.of(path.split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, name))).filter(Files::isExecutable).map(Path::toString).findFirst();
    }
}
