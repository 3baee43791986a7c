package org.trustml.samples.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trustml.core.io.Json;

/**
 * Executes {@code notebooks/trusted-pipeline.ipynb} headless, as {@code jupyter nbconvert --to notebook
 * --execute} does, in rapaio-jupyter-kernel 3.0.1 (copied from Maven Central into {@code target/jupyter}
 * at package time) with the jars of {@code target/notebook-lib}. A failing cell fails the test.
 *
 * <p>Without Jupyter's nbconvert (Debian: {@code jupyter-notebook}, {@code python3-nbconvert}) the test
 * is skipped with a message, unless {@code CI=true}: there it fails, since CI must run the notebook.
 */
class TrustedPipelineNotebookIT {
    private static final Path NOTEBOOK = Path.of("notebooks", "trusted-pipeline.ipynb");
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void executesEveryCell() throws Exception {
        Optional<List<String>> nbconvert = nbconvert();
        if (nbconvert.isEmpty()) {
            String why = "jupyter nbconvert is not installed (Debian: apt-get install jupyter-notebook python3-nbconvert)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true, so the notebook must run");
            }
            Assumptions.abort(why + ": notebook not executed");
        }
        Path kernelJar = Path.of(System.getProperty("rapaio.kernel.jar",
                TARGET.resolve("jupyter/rapaio-jupyter-kernel-3.0.1.jar").toString())).toAbsolutePath();
        assertThat(kernelJar).as("the kernel jar copied by maven-dependency-plugin at package").exists();
        assertThat(TARGET.resolve("notebook-lib/trustml-samples-notebook.jar")).exists();
        Path spec = TARGET.resolve("jupyter/data/kernels/trustml-java");
        Files.createDirectories(spec);
        Files.writeString(spec.resolve("kernel.json"), "{\"argv\": [\"java\", \"-jar\", " + Json.toJson(kernelJar.toString())
                + ", \"{connection_file}\"], \"display_name\": \"Java (rapaio)\", \"language\": \"java\"}\n");
        Path out = TARGET.resolve("notebook-out");
        Files.createDirectories(out);

        List<String> command = new ArrayList<>(nbconvert.get());
        command.addAll(List.of("--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=trustml-java",
                "--ExecutePreprocessor.timeout=900", "--ExecutePreprocessor.startup_timeout=60",
                "--output-dir", out.toString(), NOTEBOOK.toString()));
        // The kernel JVM sometimes binds its sockets and never answers jupyter_client's first
        // kernel_info_request (seen 2 times in 5 runs here, under load ~15, and once in 2 runs on a quiet
        // machine, while a good start answers within seconds). That is a start-up failure before any cell
        // ran: start it again after 60 s, at most 8 times (8 minutes at worst). A failing cell is never retried.
        String log = "";
        int exit = -1;
        for (int attempt = 1; attempt <= 8; attempt++) {
            Path logFile = TARGET.resolve("notebook-out/nbconvert-" + attempt + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            pb.environment().put("JUPYTER_PATH", TARGET.resolve("jupyter/data").toString());
            Process p = pb.start();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("nbconvert did not finish in 20 minutes; see " + logFile);
            }
            exit = p.exitValue();
            log = Files.readString(logFile, StandardCharsets.UTF_8);
            if (exit == 0 || !log.contains("Kernel didn't respond")) {
                break;
            }
        }
        assertThat(exit).as("nbconvert exit code; its log:%n%s", tail(log)).isZero();

        JsonNode executed = Json.reader().readTree(Files.readString(out.resolve("trusted-pipeline.ipynb")));
        StringBuilder html = new StringBuilder();
        int images = 0;
        for (JsonNode cell : executed.get("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                assertThat(o.path("output_type").asText()).as("cell %s", cell.get("source")).isNotEqualTo("error");
                JsonNode data = o.path("data");
                data.path("text/html").forEach(line -> html.append(line.asText()));
                html.append(data.path("text/html").isTextual() ? data.get("text/html").asText() : "");
                images += data.has("image/png") ? 1 : 0;
            }
        }
        assertThat(html).contains("equal_opportunity_difference").contains("<th>privileged</th>")
                .contains("Tiny warm/cool classifier").contains("adversarial_accuracy");
        assertThat(images).as("the LIME overlay and the adversarial example").isEqualTo(2);
    }

    /** {@code jupyter nbconvert}, else Debian's python3 with the nbconvert module (pyenv may shadow it). */
    private static Optional<List<String>> nbconvert() {
        for (List<String> candidate : List.of(List.of("jupyter", "nbconvert"), List.of("jupyter-nbconvert"),
                List.of("/usr/bin/python3", "-m", "nbconvert"), List.of("python3", "-m", "nbconvert"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("--version");
            try {
                Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : "…" + log.substring(log.length() - 6000);
    }
}
