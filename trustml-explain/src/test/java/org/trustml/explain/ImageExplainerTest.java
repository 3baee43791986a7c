package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;

class ImageExplainerTest {
    static final int W = 128;
    static final int H = 128;
    static final int X0 = 40;
    static final int Y0 = 32;
    static final int X1 = 88;
    static final int Y1 = 80;

    /**
     * Ground truth: the model's output depends only on the mean intensity inside the rectangle, so the
     * superpixels LIME weights positively must be those covering it. Hidden superpixels are black (a
     * mean-colour fill would leave a mean-intensity model unchanged). Reports the IoU of the positive
     * superpixels' union with the rectangle.
     */
    @Test
    void positiveSuperpixelsCoverTheRectangleTheModelLooksAt() {
        RgbImage image = TestImages.withRectangle(W, H, X0, Y0, X1, Y1, 3);
        for (Segmenter segmenter : new Segmenter[] {Quickshift.defaults(), Slic.defaults().withSegments(100),
            new Felzenszwalb(100, 0.8, 50)}) {
            ImageExplanation e = Lime.image().samples(400).batchSize(50).hideColor(HideColor.constant(0, 0, 0))
                    .segmenter(segmenter).seed(11).explain(TestImages.rectangleMeanModel(X0, Y0, X1, Y1), image);
            assertThat(e.topLabel()).isEqualTo(1);
            ImageMask mask = e.mask(1, true, false, 100000, 0.02 * maxAbs(e, 1));
            double iou = iou(mask);
            double best = iou(majorityInside(e.segmentation()));
            System.err.printf("IoU of positive superpixels with the rectangle (%s, %d segments): %.3f; "
                    + "best a union of these superpixels can do: %.3f%n",
                    segmenter.getClass().getSimpleName(), e.segmentCount(), iou, best);
            assertThat(iou).isGreaterThanOrEqualTo(best - 0.05);
            // every superpixel entirely outside the rectangle has |weight| far below the largest one
            LabelExplanation l = e.explanation(1).orElseThrow();
            Segmentation seg = e.segmentation();
            for (FeatureWeight f : l.weights()) {
                if (!touchesRectangle(seg, f.feature())) {
                    assertThat(Math.abs(f.weight())).isLessThan(0.05 * maxAbs(e, 1));
                }
            }
            assertThat(l.score()).isGreaterThan(0.9);
        }
    }

    /** The union of superpixels with at least half their pixels inside the rectangle. */
    static ImageMask majorityInside(Segmentation seg) {
        int[] inside = new int[seg.count()];
        for (int y = Y0; y < Y1; y++) {
            for (int x = X0; x < X1; x++) {
                inside[seg.at(x, y)]++;
            }
        }
        int[] sizes = seg.sizes();
        int[] v = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int s = seg.at(x, y);
                v[y * W + x] = 2 * inside[s] >= sizes[s] ? 1 : 0;
            }
        }
        return new ImageMask(W, H, v);
    }

    static double maxAbs(ImageExplanation e, int label) {
        return e.explanation(label).orElseThrow().weights().stream().mapToDouble(f -> Math.abs(f.weight())).max()
                .orElse(0);
    }

    static boolean touchesRectangle(Segmentation seg, int label) {
        for (int y = Y0; y < Y1; y++) {
            for (int x = X0; x < X1; x++) {
                if (seg.at(x, y) == label) {
                    return true;
                }
            }
        }
        return false;
    }

    static double iou(ImageMask mask) {
        int inter = 0;
        int union = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean m = mask.at(x, y) != 0;
                boolean r = x >= X0 && x < X1 && y >= Y0 && y < Y1;
                inter += m && r ? 1 : 0;
                union += m || r ? 1 : 0;
            }
        }
        return (double) inter / union;
    }

    @Test
    void explanationCarriesLimeDefaultsAndSerialises() {
        RgbImage image = TestImages.withRectangle(32, 32, 8, 8, 24, 24, 5);
        ImageExplanation e = Lime.image().samples(50).seed(3).segmenter(Slic.defaults().withSegments(16))
                .explain(TestImages.rectangleMeanModel(8, 8, 24, 24), image);
        assertThat(e.kernelWidth()).isEqualTo(0.25);
        assertThat(e.numSamples()).isEqualTo(50);
        assertThat(e.topLabels()).containsExactly(1, 0); // 2 classes < top_labels 5
        assertThat(e.probabilities()).hasSize(2);
        String json = Json.toJson(e);
        assertThat(json).contains("\"schemaVersion\" : 1", "\"featureSelection\" : \"auto\"", "\"segments\" : ")
                .doesNotContain("\"labels\" : [ 0, 0");
    }

    @Test
    void maskFollowsGetImageAndMask() {
        RgbImage image = TestImages.withRectangle(32, 32, 8, 8, 24, 24, 5);
        ImageExplanation e = Lime.image().samples(100).seed(3).segmenter(Slic.defaults().withSegments(16))
                .explain(TestImages.rectangleMeanModel(8, 8, 24, 24), image);
        LabelExplanation l = e.explanation(0).orElseThrow();
        // label 0 = 1 − mean: the rectangle's superpixels weigh negatively
        ImageMask neg = e.mask(0, false, true, 3, 0);
        ImageMask both = e.mask(0, false, false, 5, 0);
        assertThat(neg.selectedPixels()).isPositive();
        for (int v : both.values()) {
            assertThat(v).isBetween(-1, 1);
        }
        int expectedSigned = 0;
        for (FeatureWeight f : l.weights().subList(0, 5)) {
            expectedSigned += f.weight() < 0 ? 1 : 0;
        }
        assertThat(expectedSigned).isPositive();
        assertThatThrownBy(() -> e.mask(0, true, true, 5, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("positive_only and negative_only cannot both be true");
        assertThatThrownBy(() -> e.mask(7, true, false, 5, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'label': value '7' is not in the explanation (expected one of [1, 0])");
    }

    @Test
    void writesOverlayHeatMapAndMaskPngs(@TempDir Path dir) throws Exception {
        RgbImage image = TestImages.withRectangle(32, 32, 8, 8, 24, 24, 5);
        ImageExplanation e = Lime.image().samples(60).seed(3).segmenter(Slic.defaults().withSegments(16))
                .explain(TestImages.rectangleMeanModel(8, 8, 24, 24), image);
        ImageMask mask = e.mask(1, true, false, 5, 0);
        Path overlay = ExplanationImages.writePng(ExplanationImages.boundaryOverlay(image, mask), dir.resolve("o.png"));
        Path heat = ExplanationImages.writePng(ExplanationImages.heatMap(image, e, 1), dir.resolve("h.png"));
        Path bin = ExplanationImages.writePng(ExplanationImages.binaryMask(mask), dir.resolve("m.png"));
        for (Path p : new Path[] {overlay, heat, bin}) {
            assertThat(ImageIO.read(p.toFile()).getWidth()).isEqualTo(32);
        }
        var m = ImageIO.read(bin.toFile());
        assertThat(m.getRGB(16, 16) & 0xFFFFFF).isEqualTo(mask.at(16, 16) != 0 ? 0xFFFFFF : 0);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void badInputIsReportedWithItsValue(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Lime.image().samples(1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'num_samples': value '1' is below 2 (expected at least 2 samples: the image "
                        + "itself and one perturbation)");
        Path notImage = Files.writeString(dir.resolve("x.png"), "not a png");
        assertThatThrownBy(() -> RgbImage.read(notImage)).isInstanceOf(InvalidInputException.class)
                .hasMessage(notImage + ": is not an image Java can read (expected a PNG, JPEG, GIF, BMP, WBMP or TIFF file)");
        RgbImage image = TestImages.random(16, 16, 1);
        BatchModel notProbabilities = batch -> batch.reshape(batch.getShape().get(0), -1).mean(new int[] {1}).reshape(-1, 1).repeat(1, 3);
        assertThatThrownBy(() -> Lime.image().samples(10).segmenter(Slic.defaults().withSegments(4))
                .explain(notProbabilities, image)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("column 'model output row 0': value '[")
                .hasMessageContaining("is not a probability vector (values must lie in [0, 1] and sum to 1, sum is")
                .hasMessageEndingWith("(expected probabilities; declare the output as logits to apply a softmax)");
        // the same scores declared as logits are converted with a softmax
        ImageExplanation e = Lime.image().samples(10).segmenter(Slic.defaults().withSegments(4))
                .output(OutputKind.LOGITS).explain(notProbabilities, image);
        assertThat(e.probabilities()).allSatisfy(p -> assertThat(p).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-9)));
    }

    @Test
    void greyAndRgbaImagesAreConvertedLikeGray2rgb(@TempDir Path dir) throws Exception {
        var grey = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 2, 0, 51);
        ImageIO.write(grey, "png", dir.resolve("g.png").toFile());
        RgbImage g = RgbImage.read(dir.resolve("g.png"));
        // 51/255 = 0.2 in all three channels
        assertThat(new float[] {g.get(1, 2, 0), g.get(1, 2, 1), g.get(1, 2, 2)}).containsOnly(0.2f);
        var rgba = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x80FF0000);
        ImageIO.write(rgba, "png", dir.resolve("a.png").toFile());
        RgbImage a = RgbImage.read(dir.resolve("a.png"));
        // alpha dropped, colour kept: (1, 0, 0)
        assertThat(new float[] {a.get(0, 0, 0), a.get(0, 0, 1), a.get(0, 0, 2)}).containsExactly(1f, 0f, 0f);
    }
}
