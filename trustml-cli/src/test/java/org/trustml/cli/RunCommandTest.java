package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    /** Twelve 16x16 images, plain red or plain blue, and their metadata. */
    private void images() throws IOException {
        Files.createDirectories(dir.resolve("img"));
        StringBuilder csv = new StringBuilder("file,colour\n");
        for (int i = 0; i < 12; i++) {
            BufferedImage b = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    b.setRGB(x, y, i % 2 == 0 ? 0xC02010 : 0x1020C0);
                }
            }
            ImageIO.write(b, "png", dir.resolve("img/" + i + ".png").toFile());
            csv.append(i).append(".png,").append(i % 2 == 0 ? "red" : "blue").append('\n');
        }
        Files.writeString(dir.resolve("meta.csv"), csv);
    }

    private Path pipeline(String gates) throws IOException {
        return Files.writeString(dir.resolve("p.yaml"), """
                seed: 3
                stages:
                  - ingest: {csv: meta.csv}
                  - image-folder: {file-column: file, label-column: colour, images: img, output: ds, validation: 0.2, test: 0.2}
                  - train: {input-size: 16, epochs: 1, batch-size: 4, flip: false, crop: false}
                  - evaluate: {}
                  - bless:
                      gates:
                """ + gates);
    }

    @Test
    void checksThenRunsAPipelineFile() throws IOException {
        images();
        Path p = pipeline("        - {metric: accuracy, min: 0.0}\n");
        Cli.Result check = Cli.run("run", "--check", p.toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).isEqualTo(p + ": 5 stages fit together\n");
        Cli.Result r = Cli.run("run", p.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  train ").contains("BLESSED (1 gates passed)").contains("run record: ");
    }

    @Test
    void aRefusedModelIsExitThreeWithEveryFailedGate() throws IOException {
        images();
        Path p = pipeline("        - {metric: accuracy, min: 1.5}\n        - {metric: balanced_accuracy, min: 1.5}\n");
        Cli.Result r = Cli.run("run", p.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("trustml: NOT_BLESSED: 2 of 2 gates failed\n")
                .contains("  accuracy on overall = ").contains("  balanced_accuracy on overall = ");
    }

    @Test
    void anUnknownGateMetricIsExitTwoBeforeAnythingRuns() throws IOException {
        images();
        Path p = pipeline("        - {metric: recall_at_k, min: 0.5}\n");
        Cli.Result r = Cli.run("run", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("recall_at_k").contains("accuracy");
        assertThat(dir.resolve("ds")).doesNotExist();
    }

    @Test
    void aBadFileIsExitTwoWithItsLine() throws IOException {
        Path p = Files.writeString(dir.resolve("bad.yaml"), "seed: 1\nstages:\n  - ingest: {csv: m.csv}\n  - train: {epohcs: 2}\n");
        Cli.Result r = Cli.run("run", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("trustml: " + p + ", line 4, column 13: stages[1].train: unknown field 'epohcs' of "
                + "train; did you mean 'epochs'? (valid: architecture, input-size, epochs, batch-size, learning-rate, flip, "
                + "crop, patience, initial-weights)\n");
        Files.writeString(p, "seed: 1\nstages:\n  - ingest: {csv: m.csv}\n"
                + "  - image-folder: {file-column: f, label-column: l, output: o}\n  - train: {epochs: -1}\n");
        assertThat(Cli.run("run", "--check", p.toString()).err()).isEqualTo("trustml: " + p + ", line 5, column 21: stages[2].train.epochs: "
                + "value '-1' is too small (expected at least 1)\n");
    }

    @Test
    void yamlThatWouldBeMisreadIsExitTwoAndRunsNothing() throws IOException {
        images();
        String stages = "stages:\n  - ingest: {csv: meta.csv}\n"
                + "  - image-folder: {file-column: file, label-column: colour, images: img, output: *e}\n";
        // before: *e was read as the text "e", and the dataset was written to a folder named e
        Path alias = Files.writeString(dir.resolve("alias.yaml"), "seed: 1\nrun-name: &e ds\n" + stages);
        Cli.Result r = Cli.run("run", alias.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("trustml: " + alias + ", line 5: uses the YAML alias '*e' at column 82 ");
        assertThat(dir.resolve("e")).doesNotExist();
        assertThat(dir.resolve("ds")).doesNotExist();
        String plain = stages.replace("*e", "ds");
        // before: the second seed won, the second document and the tag were ignored, the bad byte was on "line 1"
        Map<String, String> misread = Map.of(
                "seed: 1\nseed: 2\n" + plain, "line 2: has the key 'seed' twice in one mapping",
                "seed: 1\n" + plain + "---\nseed: 2\n", "line 6: starts a second YAML document",
                "seed: !!python/object:os.system 1\n" + plain, "line 1: uses the YAML tag 'tag:yaml.org,2002:python/");
        for (Map.Entry<String, String> e : misread.entrySet()) {
            Path p = Files.writeString(dir.resolve("misread.yaml"), e.getKey());
            Cli.Result m = Cli.run("run", p.toString());
            assertThat(m.code()).as(e.getKey()).isEqualTo(2);
            assertThat(m.err()).as(e.getKey()).startsWith("trustml: " + p + ", " + e.getValue());
            assertThat(dir.resolve("ds")).doesNotExist();
        }
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), ("seed: 1\nrun-name: caf\u00e9\n" + plain)
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Cli.run("run", latin1.toString()).err()).startsWith("trustml: " + latin1 + ", line 2: value '0xE9' at "
                + "character 14 (byte offset 21) is not valid UTF-8");
    }
}
