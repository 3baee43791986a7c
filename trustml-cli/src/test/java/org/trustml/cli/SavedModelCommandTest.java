package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.NpyFiles;
import org.trustml.core.io.Json;

/**
 * {@code trustml attack} and {@code trustml explain} on the TensorFlow SavedModels made with TF-Java by
 * fixtures/tensorflow: {@code other_mlp_savedmodel} (other_mlp.pt's network and weights) and
 * {@code rectangle_mean_savedmodel} (P(class 1) = mean intensity in x ∈ [40, 88), y ∈ [32, 80) of a 128×128 image).
 */
class SavedModelCommandTest {
    static final Path FIXTURES = Path.of("..", "trustml-adversarial", "src", "test", "resources", "fixtures");
    static final Path RECTANGLE_MODEL = Path.of("..", "trustml-explain", "src", "test", "resources",
            "rectangle_mean_savedmodel");

    @TempDir
    Path dir;

    static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }

    @Test
    void transferAttackEvaluatedOnASavedModel() throws Exception {
        Path out = dir.resolve("adv.npy");
        Cli.Result r = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--target-model", fixture("other_mlp_savedmodel"),
                "--input", fixture("x.npy"), "--labels", fixture("y.npy"), "--method", "pgd", "--eps", "0.1", "--eps-step",
                "0.02", "--max-iter", "10", "--batch-size", "3", "--clip", "0,1", "--out", out.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.reader().readTree(r.out());
        assertThat(json.get("mode").asText()).isEqualTo("transfer");
        assertThat(json.get("crafted_on").asText()).isEqualTo("tiny_cnn.pt");
        assertThat(json.get("evaluated_on").asText()).isEqualTo("other_mlp_savedmodel");
        // crafted on tiny_cnn.pt: make_fixtures.py's white-box PGD examples
        assertThat(NpyFiles.read(out).toFloats())
                .containsExactly(NpyFiles.read(FIXTURES.resolve("expected_pgd_inf.npy")).toFloats(), within(1e-5f));
        // clean accuracy of the target = torch's other_mlp.pt predictions (pred_mlp.npy) against y.npy
        long[] pred = NpyFiles.read(FIXTURES.resolve("pred_mlp.npy")).toLongs();
        long[] y = NpyFiles.read(FIXTURES.resolve("y.npy")).toLongs();
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += pred[i] == y[i] ? 1 : 0;
        }
        assertThat(json.get("clean_accuracy").asDouble()).isEqualTo(right / (double) y.length);
    }

    @Test
    void savedModelAsTheAttackedModelPointsToTransferMode() throws Exception {
        Path out = dir.resolve("adv.npy");
        Path savedModel = FIXTURES.resolve("other_mlp_savedmodel");
        Cli.Result r = Cli.run("attack", "--model", savedModel.toString(), "--input", fixture("x.npy"), "--eps", "0.1",
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("trustml: " + savedModel + ": has no gradients").contains("use transfer mode")
                .contains("--target-model");
        Path notSavedModel = Files.createDirectory(dir.resolve("model_dir"));
        Cli.Result target = Cli.run("attack", "--model", fixture("tiny_cnn.pt"), "--target-model", notSavedModel.toString(),
                "--input", fixture("x.npy"), "--eps", "0.1", "--out", out.toString());
        assertThat(target.code()).isEqualTo(2);
        assertThat(target.err()).startsWith("trustml: " + notSavedModel
                + ": is not a TensorFlow SavedModel (no saved_model.pb in it)");
        assertThat(out).doesNotExist();
    }

    /** Dark random blocks with a bright rectangle where the model looks. */
    private Path rectangleImage() throws Exception {
        BufferedImage img = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        SplittableRandom rng = new SplittableRandom(3);
        int[] blocks = new int[17 * 17];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = (20 + rng.nextInt(130)) << 16 | (20 + rng.nextInt(130)) << 8 | (20 + rng.nextInt(130));
        }
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                boolean in = x >= 40 && x < 88 && y >= 32 && y < 80;
                img.setRGB(x, y, in ? 240 << 16 | 240 << 8 | 50 : blocks[(y / 8) * 17 + x / 8]);
            }
        }
        Path p = dir.resolve("rect.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void explainsAnImageWithASavedModel() throws Exception {
        Path img = rectangleImage();
        Path mask = dir.resolve("mask.png");
        Cli.Result r = Cli.run("explain", "--model", RECTANGLE_MODEL.toString(), "--image", img.toString(), "--samples",
                "300", "--batch-size", "50", "--seed", "5", "--segmenter", "felzenszwalb", "--hide-color", "0", "--num-features", "5",
                "--mask-out", mask.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = Json.reader().readTree(r.out());
        assertThat(doc.get("label").asInt()).isEqualTo(1);
        // P(class 1) = mean of (240, 240, 50)/255 over the rectangle = 530/765
        assertThat(doc.get("probabilities").get(1).asDouble()).isCloseTo(530.0 / 765, within(1e-6));
        BufferedImage m = ImageIO.read(mask.toFile());
        int inside = 0;
        int white = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                if ((m.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) {
                    white++;
                    inside += x >= 40 && x < 88 && y >= 32 && y < 80 ? 1 : 0;
                }
            }
        }
        System.err.printf("SavedModel explain: %d of %d mask pixels inside the rectangle%n", inside, white);
        assertThat(white).isEqualTo(doc.get("mask_pixels").asInt()).isPositive();
        // Felzenszwalb's segments follow the rectangle's sharp edges, so the 5 most positive superpixels lie inside
        // it (2073 of its 2304 pixels here; with slic's segments, which straddle the edges, 1340 of 2044 did)
        assertThat(inside).isEqualTo(white);
    }
}
