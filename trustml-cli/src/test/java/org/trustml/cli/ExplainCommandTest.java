package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;

/**
 * {@code trustml explain} against the TorchScript fixtures made by
 * trustml-explain/src/test/python/make_torchscript_fixtures.py (committed next to it).
 */
class ExplainCommandTest {
    static final Path MODELS = Path.of("../trustml-explain/src/test/resources/models");

    @TempDir
    Path dir;

    /** Grey-blue noise with a green 16×16 centre square (rows/cols 8..23): the centre-colour model says "green". */
    private Path greenCentreImage() throws Exception {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        SplittableRandom rng = new SplittableRandom(1);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean centre = x >= 8 && x < 24 && y >= 8 && y < 24;
                int r = centre ? 20 : 90 + rng.nextInt(20);
                int g = centre ? 230 : 90 + rng.nextInt(20);
                int b = centre ? 20 : 120 + rng.nextInt(20);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Path p = dir.resolve("green.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** Hidden superpixels are black: a flat green superpixel filled with its own mean would not change. */
    @Test
    void explainsAnImageAndWritesMaskAndOverlay() throws Exception {
        Path img = greenCentreImage();
        Path mask = dir.resolve("mask.png");
        Path overlay = dir.resolve("overlay.png");
        Cli.Result r = Cli.run("explain", "--model", MODELS.resolve("centre_colour.pt").toString(), "--image", img.toString(),
                "--output-kind", "logits", "--samples", "200", "--batch-size", "50", "--seed", "7", "--segmenter",
                "slic", "--num-features", "3", "--hide-color", "0", "--mask-out", mask.toString(), "--overlay-out", overlay.toString(),
                "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode doc = Json.reader().readTree(r.out());
        assertThat(doc.get("label").asInt()).isEqualTo(1);
        assertThat(doc.get("seed").asLong()).isEqualTo(7);
        assertThat(doc.get("probabilities")).hasSize(3);
        JsonNode e = doc.get("explanations").get(0);
        assertThat(e.get("label").asInt()).isEqualTo(1);
        assertThat(e.has("intercept")).isTrue();
        assertThat(e.get("score").asDouble()).isGreaterThan(0.5);
        assertThat(e.get("weights").get(0).has("superpixel")).isTrue();
        BufferedImage m = ImageIO.read(mask.toFile());
        // white pixels = the 3 most positive superpixels: all inside the centre square the model reads
        int white = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                if ((m.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) {
                    white++;
                    assertThat(x >= 8 && x < 24 && y >= 8 && y < 24).as("white pixel (%d, %d) in the centre", x, y)
                            .isTrue();
                }
            }
        }
        assertThat(white).isEqualTo(doc.get("mask_pixels").asInt()).isPositive();
        assertThat(ImageIO.read(overlay.toFile()).getWidth()).isEqualTo(32);
        // same seed, same numbers
        Cli.Result again = Cli.run("explain", "--model", MODELS.resolve("centre_colour.pt").toString(), "--image",
                img.toString(), "--output-kind", "logits", "--samples", "200", "--batch-size", "50", "--seed", "7",
                "--segmenter", "slic", "--num-features", "3", "--hide-color", "0", "--mask-out", mask.toString(), "--overlay-out",
                overlay.toString(), "--format", "json");
        assertThat(again.out()).isEqualTo(r.out());
        Cli.Result text = Cli.run("explain", "--model", MODELS.resolve("centre_colour.pt").toString(), "--image",
                img.toString(), "--output-kind", "logits", "--samples", "50", "--segmenter", "slic", "--size", "40");
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith(img + " (40x40, ").contains("label 1: intercept ");
    }

    @Test
    void logitsDeclaredAsProbabilitiesAreRejected() throws Exception {
        Path img = greenCentreImage();
        Cli.Result r = Cli.run("explain", "--model", MODELS.resolve("centre_colour.pt").toString(), "--image", img.toString(),
                "--samples", "20", "--segmenter", "slic");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("trustml: column 'model output row 0': value '[")
                .contains("is not a probability vector")
                .contains("declare the output as logits to apply a softmax");
    }

    /**
     * A PNG whose header declares 20000x20000 pixels (the 1.1 MB bomb decodes to 1.2 GB): refused
     * with exit 2 from the header, naming the file, its size and the limit. The pixel data here is an
     * 8x8 image's, so a decoder that did not check first would fail differently.
     */
    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() throws Exception {
        java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", small);
        byte[] png = small.toByteArray();
        // IHDR width and height (PNG spec 11.2.2: after the 8-byte signature and the chunk's length and type), then its CRC
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(20000).putInt(20000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        Path bomb = Files.write(dir.resolve("bomb.png"), png);
        Cli.Result r = Cli.run("explain", "--model", MODELS.resolve("centre_colour.pt").toString(), "--image", bomb.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("trustml: " + bomb + ": value '20000x20000' has 400000000 pixels, over the limit of "
                + "67108864; refused before decoding (a guard against decompression bombs) (expected at most 67108864 "
                + "pixels; raise the limit with ImageDecoder(maxPixels), a --max-image-pixels option or "
                + "-Dtrustml.images.maxPixels=N)\n");
        Cli.Result lower = Cli.run("explain", "--model", MODELS.resolve("centre_colour.pt").toString(), "--image",
                greenCentreImage().toString(), "--max-image-pixels", "1000");
        assertThat(lower.code()).isEqualTo(2);
        assertThat(lower.err()).contains("green.png: value '32x32' has 1024 pixels, over the limit of 1000;");
    }

    @Test
    void badInputs() throws Exception {
        Path notImage = Files.writeString(dir.resolve("x.png"), "hello");
        Cli.Result r = Cli.run("explain", "--model", MODELS.resolve("centre_colour.pt").toString(), "--image",
                notImage.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("trustml: " + notImage + ": is not an image Java can read (expected a PNG, JPEG, "
                + "GIF, BMP, WBMP or TIFF file)\n");
        Cli.Result s = Cli.run("explain", "--model", MODELS.resolve("centre_colour.pt").toString(), "--image",
                greenCentreImage().toString(), "--samples", "1");
        assertThat(s.err()).isEqualTo("trustml: column 'num_samples': value '1' is below 2 (expected at least 2 "
                + "samples: the image itself and one perturbation)\n");
        Cli.Result missing = Cli.run("explain", "--model", dir.resolve("nope.pt").toString(), "--image", "a.png");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.pt: does not exist");
    }

    @Test
    void explainsATableRow() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,d,e,f,g,h,y\n");
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            double[] v = new double[8];
            for (int j = 0; j < 8; j++) {
                v[j] = Math.round(rng.nextGaussian() * 1000) / 1000.0;
                csv.append(String.format(Locale.ROOT, "%.3f,", v[j]));
            }
            csv.append(2 * v[2] - 3 * v[5] > 0 ? 1 : 0).append('\n');
        }
        Path table = Files.writeString(dir.resolve("train.csv"), csv);
        Cli.Result r = Cli.run("explain", "--model", MODELS.resolve("two_of_eight.pt").toString(), "--table", table.toString(),
                "--row", "3", "--label-column", "y", "--output-kind", "logits", "--num-features", "8", "--samples",
                "2000", "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode e = Json.reader().readTree(r.out()).get("explanations").get(0);
        Set<String> top2 = new HashSet<>();
        top2.add(e.get("rules").get(0).get("feature").asText());
        top2.add(e.get("rules").get(1).get("feature").asText());
        assertThat(top2).containsExactlyInAnyOrder("c", "f");
        Cli.Result bad = Cli.run("explain", "--model", MODELS.resolve("two_of_eight.pt").toString(), "--table",
                table.toString(), "--row", "200", "--label-column", "y");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("trustml: " + table + ", column '--row': value '200' is not a data row "
                + "(expected 0..199)\n");
    }
}
