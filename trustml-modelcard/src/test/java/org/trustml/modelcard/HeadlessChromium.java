package org.trustml.modelcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} driven headless from a test, for every module that checks an HTML page
 * (this module's card, trustml-report's report): shipped in this module's test jar.
 */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    /** The chromium executable on the PATH, if any. */
    public static Optional<String> find() {
        String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        return Stream.of("chromium", "chromium-browser").flatMap(name -> Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, name))).filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    /**
     * Runs chromium headless with a fresh profile in {@code userDataDir} (no network services, no
     * sandbox, 90 s at most), asserts it exits 0, and returns what it printed on stdout.
     */
    public static String run(String chromium, Path userDataDir, String... args) throws IOException, InterruptedException {
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

    /** Distinct colours on a 3-pixel grid: a blank page has a handful, a rendered one many. */
    public static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
