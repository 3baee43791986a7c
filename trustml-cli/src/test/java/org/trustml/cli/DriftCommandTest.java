package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;

class DriftCommandTest {
    @TempDir
    Path dir;

    /** x ~ N(shift, 1) (Box–Muller on a seeded generator), color cycling over the given categories. */
    private Path csv(String name, long seed, int n, double shift, String... colors) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("x,y,color\n");
        for (int i = 0; i < n; i++) {
            double x = shift + Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            double y = 2 * x + r.nextDouble();
            sb.append(x).append(',').append(y).append(',').append(colors[i % colors.length]).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    @Test
    void driftBetweenTwoCsvFilesAsTextAndJson() throws IOException {
        Path ref = csv("ref.csv", 1, 300, 0, "red", "blue");
        Path cur = csv("cur.csv", 2, 300, 1, "red", "blue", "green");
        Cli.Result text = Cli.run("drift", "--reference", ref.toString(), "--current", cur.toString(), "--tests", "ks,chi2,psi");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("unseen: green").contains("dataset: DRIFT");

        Cli.Result json = Cli.run("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--tests", "ks,wasserstein,mmd", "--correction", "bonferroni", "--format", "json");
        assertThat(json.code()).isZero();
        JsonNode doc = Json.reader().readTree(json.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("correction").asText()).isEqualTo("bonferroni");
        JsonNode x = doc.get("columns").get(0);
        assertThat(x.get("column").asText()).isEqualTo("x");
        assertThat(x.get("tests").get(0).get("p_value").asDouble()).isPositive().isLessThan(1e-20);
        assertThat(x.get("tests").get(1).has("wasserstein_normalized")).isTrue();
        assertThat(doc.get("mmd").get("drifted").asBoolean()).isTrue();

        Cli.Result chi = Cli.run("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--columns", "color", "--tests", "chi2,chi2-gof", "--format", "json");
        assertThat(chi.code()).isZero();
        JsonNode tests = Json.reader().readTree(chi.out()).get("columns").get(0).get("tests");
        // the two-sample test counts the unseen category as a cell; the one-sample one gives p = 0 for it
        assertThat(tests.get(0).get("test").asText()).isEqualTo("chisquare");
        assertThat(tests.get(0).get("method").asText()).startsWith("two-sample 2x3 contingency table");
        assertThat(tests.get(1).get("test").asText()).isEqualTo("chisquare_goodness_of_fit");
        assertThat(tests.get(1).get("p_value").asDouble()).isZero();

        Cli.Result same = Cli.run("drift", "--reference", ref.toString(), "--current", ref.toString(), "--fail-on-drift");
        assertThat(same.code()).isZero();
        assertThat(Cli.run("drift", "--reference", ref.toString(), "--current", cur.toString(), "--fail-on-drift").code())
                .isEqualTo(3);
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException {
        Path ref = csv("ref.csv", 1, 20, 0, "red");
        Path other = Files.writeString(dir.resolve("other.csv"), "z\n1\n2\n");
        Cli.Result r = Cli.run("drift", "--reference", ref.toString(), "--current", other.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("trustml: column 'x': is missing from the current table "
                + "(expected a column present in both tables)\n");
        Cli.Result t = Cli.run("drift", "--reference", ref.toString(), "--current", ref.toString(), "--tests", "anova");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("value 'anova' is not a drift test");
    }

    @Test
    void autoencoderTrainAndCheckOnATable() throws IOException {
        Path ref = csv("ref.csv", 1, 400, 0, "red");
        Path cur = csv("cur.csv", 2, 200, 3, "red");
        Path checker = dir.resolve("checker");
        Cli.Result train = Cli.run("drift", "autoencoder", "train", "--csv", ref.toString(), "--columns", "x,y",
                "--out", checker.toString(), "--epochs", "5", "--seed", "1");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).startsWith("saved checker for samples of shape [2] to " + checker);
        Cli.Result check = Cli.run("drift", "autoencoder", "check", "--checker", checker.toString(), "--csv", cur.toString(),
                "--columns", "x,y", "--select", "3", "--format", "json");
        assertThat(check.code()).as(check.err()).isZero();
        JsonNode doc = Json.reader().readTree(check.out());
        assertThat(doc.get("verdict").get("drifted").asBoolean()).isTrue();
        assertThat(doc.get("selected")).hasSize(3);
    }

    @Test
    void autoencoderOnAFolderOfImagesRejectsAnotherSize() throws IOException {
        Path ref = Files.createDirectories(dir.resolve("ref"));
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 20; i++) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = r.nextInt(256);
                    img.getRaster().setSample(x, y, 0, v);
                }
            }
            ImageIO.write(img, "png", ref.resolve(String.format("%03d.png", i)).toFile());
        }
        Path small = Files.createDirectories(dir.resolve("small"));
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png", small.resolve("a.png").toFile());
        Path checker = dir.resolve("img-checker");
        assertThat(Cli.run("drift", "autoencoder", "train", "--images", ref.toString(), "--out", checker.toString(),
                "--epochs", "1").code()).isZero();
        Cli.Result check = Cli.run("drift", "autoencoder", "check", "--checker", checker.toString(), "--images", small.toString());
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err()).isEqualTo("trustml: column 'shape': value '[1, 32, 32]' does not match the checker's "
                + "sample shape [1, 28, 28] (expected images of 1x28x28 (channels x height x width))\n");
    }
}
