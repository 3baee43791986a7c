package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.trustml.explain.ImageExplainerTest.H;
import static org.trustml.explain.ImageExplainerTest.W;
import static org.trustml.explain.ImageExplainerTest.X0;
import static org.trustml.explain.ImageExplainerTest.X1;
import static org.trustml.explain.ImageExplainerTest.Y0;
import static org.trustml.explain.ImageExplainerTest.Y1;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.tensorflow.SavedModel;

/**
 * LIME on a real TensorFlow SavedModel: {@code rectangle_mean_savedmodel} (made with TF-Java by
 * fixtures/tensorflow) computes on DJL's TensorFlow engine what {@link TestImages#rectangleMeanModel} computes
 * in Java: P(class 1) = mean intensity inside ImageExplainerTest's rectangle.
 */
class SavedModelLimeTest {
    static SavedModel savedModel;

    @BeforeAll
    static void load() throws URISyntaxException {
        savedModel = SavedModel.load(Path.of(SavedModelLimeTest.class.getResource("/rectangle_mean_savedmodel").toURI()));
    }

    @AfterAll
    static void close() {
        savedModel.close();
    }

    static ImageExplainer explainer(Segmenter segmenter, long seed) {
        return Lime.image().samples(400).batchSize(50).hideColor(HideColor.constant(0, 0, 0)).segmenter(segmenter)
                .seed(seed);
    }

    /** ImageExplainerTest's ground-truth check, with the model on TensorFlow. */
    @Test
    void positiveSuperpixelsCoverTheRectangleTheSavedModelLooksAt() {
        RgbImage image = TestImages.withRectangle(W, H, X0, Y0, X1, Y1, 3);
        for (Segmenter segmenter : new Segmenter[] {Quickshift.defaults(), Slic.defaults().withSegments(100),
            new Felzenszwalb(100, 0.8, 50)}) {
            ImageExplanation e = explainer(segmenter, 11).explain(BatchModel.of(savedModel), image);
            assertThat(e.topLabel()).isEqualTo(1);
            ImageMask mask = e.mask(1, true, false, 100000, 0.02 * ImageExplainerTest.maxAbs(e, 1));
            double iou = ImageExplainerTest.iou(mask);
            double best = ImageExplainerTest.iou(ImageExplainerTest.majorityInside(e.segmentation()));
            System.err.printf("SavedModel: IoU of positive superpixels with the rectangle (%s, %d segments): %.3f; "
                    + "best a union of these superpixels can do: %.3f%n",
                    segmenter.getClass().getSimpleName(), e.segmentCount(), iou, best);
            assertThat(iou).isGreaterThanOrEqualTo(best - 0.05);
            LabelExplanation l = e.explanation(1).orElseThrow();
            for (FeatureWeight f : l.weights()) {
                if (!ImageExplainerTest.touchesRectangle(e.segmentation(), f.feature())) {
                    assertThat(Math.abs(f.weight())).isLessThan(0.05 * ImageExplainerTest.maxAbs(e, 1));
                }
            }
            assertThat(l.score()).isGreaterThan(0.9);
        }
    }

    /** Peer check: the same function in Java gives the same explanation, up to float32 summation order. */
    @Test
    void explanationMatchesTheSameModelWrittenInJava() {
        RgbImage image = TestImages.withRectangle(W, H, X0, Y0, X1, Y1, 3);
        ImageExplainer explainer = explainer(Slic.defaults().withSegments(100), 5);
        ImageExplanation tf = explainer.explain(BatchModel.of(savedModel), image);
        ImageExplanation java = explainer.explain(TestImages.rectangleMeanModel(X0, Y0, X1, Y1), image);
        assertThat(tf.segmentation()).isEqualTo(java.segmentation());
        for (int k = 0; k < 2; k++) {
            assertThat(tf.probabilities().get(k)).isCloseTo(java.probabilities().get(k), offset(1e-6));
        }
        List<FeatureWeight> a = tf.explanation(1).orElseThrow().weights();
        List<FeatureWeight> b = java.explanation(1).orElseThrow().weights();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            // TensorFlow and PyTorch sum the 48×48×3 pixels in different orders: ~1e-7 relative in the means
            assertThat(a.get(i).feature()).isEqualTo(b.get(i).feature());
            assertThat(a.get(i).weight()).isCloseTo(b.get(i).weight(), offset(1e-4));
        }
    }

    @Test
    void sameSeedGivesTheSameWeightsThroughEitherBatchModel() {
        RgbImage image = TestImages.withRectangle(W, H, X0, Y0, X1, Y1, 7);
        ImageExplainer explainer = explainer(Slic.defaults().withSegments(40), 23);
        ImageExplanation a = explainer.explain(BatchModel.of(savedModel), image);
        ImageExplanation b = explainer.explain(BatchModel.of(savedModel.zooModel()), image);
        assertThat(a.explanations()).isEqualTo(b.explanations());
        assertThat(explainer.seed(24).explain(BatchModel.of(savedModel), image).explanations())
                .isNotEqualTo(a.explanations());
    }
}
