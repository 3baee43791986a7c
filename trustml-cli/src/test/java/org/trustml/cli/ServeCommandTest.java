package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Verdict;
import org.trustml.publish.ModelRegistry;
import org.trustml.publish.PublishOptions;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

class ServeCommandTest {
    @TempDir
    static Path dir;

    static Path pkg;

    @BeforeAll
    static void publish() throws Exception {
        TrainedModel t = TrainedModel.initialised(Architecture.MOBILENET_V2, List.of("a", "b"), 32, dir.resolve("model"));
        Evaluation e = Evaluation.of(List.of(MetricValue.of("accuracy", 1.0)));
        pkg = ModelRegistry.at(dir.resolve("registry")).publish(t, e, Verdict.judge(List.of(), e, Optional.empty()),
                Optional.empty(), PublishOptions.named("tiny")).directory();
    }

    @Test
    void dryRunVerifiesAndLoads() {
        Cli.Result r = Cli.run("serve", pkg.toString(), "--dry-run");
        assertThat(r.code()).isZero();
        // 11 files of a full package, less the model card and run.json (published outside a pipeline)
        assertThat(r.out()).contains("package tiny version 1 (9 files verified)", "loaded tiny");
    }

    @Test
    void aChangedPackageOrBadOptionIsBadInput() throws Exception {
        assertThat(Cli.run("serve", dir.toString(), "--dry-run").err()).contains("no SHA256SUMS");
        assertThat(Cli.run("serve", pkg.toString(), "--max-batch", "0", "--dry-run").code()).isEqualTo(2);
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (var s = Files.walk(pkg)) {
            for (Path p : s.toList()) {
                Path to = copy.resolve(pkg.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.writeString(copy.resolve("synset.txt"), "x\ny\n");
        Cli.Result r = Cli.run("serve", copy.toString(), "--dry-run");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("synset.txt").contains("does not match its checksum");
    }

    @Test
    void servesUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        int[] code = {-1};
        Thread serving = new Thread(() -> code[0] = TrustmlCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "serve", pkg.toString(), "--port", "0", "--token", "tok", "--max-image-pixels", "1000",
                "--max-bodies-in-flight", "4"));
        serving.start();
        Matcher m = Pattern.compile("listening on (http://\\S+)").matcher("");
        for (int i = 0; i < 1200 && !m.reset(out.toString()).find(); i++) {
            Thread.sleep(50); // bounded wait for start-up (loading the model), at most 60 s
        }
        assertThat(m.reset(out.toString()).find()).as(out.toString()).isTrue();
        URI base = URI.create(m.group(1));
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/v2/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/v2/models/tiny")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/v2/models/tiny")).header("Authorization", "Bearer tok")
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // --max-image-pixels 1000: a 32x32 image (1,024 pixels) is refused from its header
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(base.resolve("/v2/models/tiny/infer"))
                .header("Authorization", "Bearer tok").POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[{\"name\":"
                        + "\"image\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\""
                        + java.util.Base64.getEncoder().encodeToString(png.toByteArray()) + "\"]}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("1024 pixels, over the server's limit of 1000 per request");
        serving.interrupt();
        serving.join(30_000);
        assertThat(serving.isAlive()).isFalse();
    }

    @Test
    void helpListsTheOptions() {
        Cli.Result r = Cli.run("serve", "--help");
        assertThat(r.out()).contains("--port", "--token", "--max-batch", "--max-delay-ms", "--queue",
                "--max-request-bytes", "--engine-threads", "--read-timeout-ms", "--max-bodies-in-flight",
                "--max-image-pixels", "Open Inference Protocol v2");
        assertThat(Cli.run("serve", pkg.toString(), "--engine-threads", "0", "--dry-run").code()).isEqualTo(2);
        assertThat(Cli.run("--help").out()).contains("serve");
    }
}
