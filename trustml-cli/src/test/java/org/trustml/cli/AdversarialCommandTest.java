package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;
import org.trustml.core.io.NpyFiles;

/** {@code trustml attack} on trustml-adversarial's TorchScript fixture (made by its make_fixtures.py). */
class AdversarialCommandTest {
    private static final Path FIXTURES = Path.of("..", "trustml-adversarial", "src", "test", "resources", "fixtures");

    @TempDir
    Path dir;

    private static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }

    @Test
    void fgsmOnNpyInputsWritesTheExamplesAndAJsonReport() throws IOException {
        Path out = dir.resolve("adv.npy");
        Path sheet = dir.resolve("sheet.png");
        Cli.Result r = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", fixture("x.npy"), "--labels",
                fixture("y.npy"), "--method", "fgsm", "--norm", "inf", "--eps", "0.1", "--clip", "0,1", "--out",
                out.toString(), "--sheet", sheet.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.reader().readTree(r.out());
        // make_fixtures.py: 5 of 8 clean predictions match the labels, 3 of 8 after FGSM eps 0.1
        assertThat(json.get("clean_accuracy").asDouble()).isEqualTo(0.625);
        assertThat(json.get("adversarial_accuracy").asDouble()).isEqualTo(0.375);
        assertThat(NpyFiles.read(out).toFloats())
                .containsExactly(NpyFiles.read(FIXTURES.resolve("expected_fgsm_inf.npy")).toFloats(), within(1e-5f));
        assertThat(sheet).exists();
    }

    @Test
    void pgdOnCsvInputsReshapedByShape() throws IOException {
        float[] x = NpyFiles.read(FIXTURES.resolve("x.npy")).toFloats();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            final int row = i;
            csv.append(IntStream.range(0, 64).mapToObj(j -> Float.toString(x[row * 64 + j])).collect(Collectors.joining(",")))
                    .append('\n');
        }
        Path input = Files.writeString(dir.resolve("x.csv"), csv);
        long[] y = NpyFiles.read(FIXTURES.resolve("y.npy")).toLongs();
        Path labels = Files.writeString(dir.resolve("y.csv"), "label\n" + java.util.Arrays.stream(y)
                .mapToObj(Long::toString).collect(Collectors.joining("\n")) + "\n");
        Path out = dir.resolve("adv.npy");
        Cli.Result r = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", input.toString(), "--shape", "1,8,8",
                "--labels", labels.toString(), "--method", "pgd", "--eps", "0.1", "--eps-step", "0.02", "--max-iter",
                "10", "--batch-size", "3", "--clip", "0,1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ProjectedGradientDescent (white_box").contains("clean_accuracy")
                .contains("0.6250");
        assertThat(NpyFiles.read(out).shape()).containsExactly(8L, 1L, 8L, 8L);
        assertThat(NpyFiles.read(out).toFloats())
                .containsExactly(NpyFiles.read(FIXTURES.resolve("expected_pgd_inf.npy")).toFloats(), within(1e-5f));
    }

    @Test
    void targetedAndTransfer() throws IOException {
        Path out = dir.resolve("adv.npy");
        Cli.Result r = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--target-model", fixture("other_mlp.pt"),
                "--input", fixture("x.npy"), "--labels", fixture("y.npy"), "--method", "fgsm", "--eps", "0.1",
                "--targeted", "--target-labels", fixture("t.npy"), "--clip", "0,1", "--out", out.toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.reader().readTree(r.out());
        assertThat(json.get("mode").asText()).isEqualTo("transfer");
        assertThat(json.get("evaluated_on").asText()).isEqualTo("other_mlp.pt");
        assertThat(NpyFiles.read(out).toFloats())
                .containsExactly(NpyFiles.read(FIXTURES.resolve("expected_fgsm_inf_targeted.npy")).toFloats(), within(1e-5f));
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws IOException {
        Path out = dir.resolve("adv.npy");
        Cli.Result step = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", fixture("x.npy"), "--eps", "0.1",
                "--eps-step", "0.5", "--out", out.toString());
        assertThat(step.code()).isEqualTo(2);
        assertThat(step.err()).isEqualTo("trustml: value '0.5' for eps_step is larger than eps = 0.1"
                + " (expected 0 < eps_step <= eps, as ART's PGD requires)\n");
        Path notModel = Files.writeString(dir.resolve("m.pt"), "hello");
        Cli.Result model = Cli.run("attack", "--model", notModel.toString(), "--input", fixture("x.npy"), "--eps", "0.1",
                "--out", out.toString());
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).startsWith("trustml: " + notModel + ": is not a TorchScript file");
        Cli.Result shape = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", fixture("x.npy"), "--shape", "1,6,6",
                "--eps", "0.1", "--out", out.toString());
        assertThat(shape.code()).isEqualTo(2);
        assertThat(shape.err()).contains("--shape 1,6,6 cannot hold");
        Cli.Result eps = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", fixture("x.npy"), "--eps", "-1",
                "--out", out.toString());
        assertThat(eps.code()).isEqualTo(2);
        assertThat(eps.err()).contains("value '-1.0' for eps is negative");
        assertThat(out).doesNotExist();
    }

    @Test
    void outputsThatAreNotRegularFilesOrAreInputsAreRefusedBeforeTheAttack() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("adv.npy"), victim);
        Path fifo = CardCommandTest.mkfifo(dir.resolve("fifo.npy"));
        Path folder = Files.createDirectories(dir.resolve("out"));
        Path input = Files.copy(FIXTURES.resolve("x.npy"), dir.resolve("x.npy"));
        String inputHash = org.trustml.core.io.ContentHash.ofFile(input);
        for (Path target : List.of(link, fifo, folder, input)) {
            Cli.Result r = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", input.toString(), "--method",
                    "fgsm", "--eps", "0.1", "--out", target.toString());
            assertThat(r.code()).as(target + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("trustml: " + target + ": ").hasLineCount(1);
        }
        Path sheet = Files.createSymbolicLink(dir.resolve("sheet.png"), victim);
        Path out = dir.resolve("fine.npy");
        Cli.Result r = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", input.toString(), "--method", "fgsm",
                "--eps", "0.1", "--out", out.toString(), "--sheet", sheet.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("trustml: " + sheet + ": is a symbolic link");
        assertThat(out).doesNotExist(); // refused before the attack wrote its first output
        assertThat(victim).hasContent("keep");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(folder).isEmptyDirectory();
        assertThat(org.trustml.core.io.ContentHash.ofFile(input)).isEqualTo(inputHash);
    }

    @Test
    void inputsWithoutSamplesAreExitTwo() throws IOException {
        Path empty = NpyFiles.writeFloats(dir.resolve("empty.npy"), new float[0], new long[] {0, 1, 8, 8});
        Path out = dir.resolve("adv.npy");
        Cli.Result npy = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", empty.toString(), "--eps", "0.1",
                "--out", out.toString());
        assertThat(npy.code()).isEqualTo(2);
        assertThat(npy.err()).isEqualTo("trustml: " + empty + ": has shape [0, 1, 8, 8], no samples "
                + "(expected at least one sample to attack)\n");
        Path header = Files.writeString(dir.resolve("empty.csv"), "a,b\n");
        Cli.Result csv = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--input", header.toString(), "--shape",
                "1,8,8", "--eps", "0.1", "--out", out.toString());
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).isEqualTo("trustml: " + header + ": has no samples (expected at least one sample to attack)\n");
        assertThat(out).doesNotExist();
    }
}
