package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Ingest;
import org.trustml.core.tracking.Tracker;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;
import org.trustml.vision.train.ImageClassifierConfig;

class LimeEvaluatorTest {
    @TempDir
    Path dir;

    @Test
    void explainsChosenImagesOfEveryClassAndWritesTheirOverlays() throws IOException {
        Files.createDirectories(dir.resolve("img"));
        StringBuilder csv = new StringBuilder("file,colour\n");
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            BufferedImage b = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int base = i % 2 == 0 ? 0xC02010 : 0x1020C0;
                    b.setRGB(x, y, x < 8 == y < 8 ? base : base ^ (rnd.nextInt(64) << 8));
                }
            }
            ImageIO.write(b, "png", dir.resolve("img/" + i + ".png").toFile());
            csv.append(i).append(".png,").append(i % 2 == 0 ? "red" : "blue").append('\n');
        }
        Path meta = Files.writeString(dir.resolve("meta.csv"), csv);
        ImageEvaluation e = Pipeline.from(Ingest.csv(meta))
                .then(ImageFolder.builder("file", "colour").imagesIn(dir.resolve("img")).output(dir.resolve("ds"))
                        .split(0.2, 0.3).build())
                .then(TrainImageClassifier.with(ImageClassifierConfig.mobileNetV2().withInputSize(16)
                        .withSchedule(1, 4, 1e-3).withAugmentation(false, false).withPatience(0)))
                .then(EvaluateImageClassifier.onTestSplit().with(new LimeEvaluator(3, 40, 2, 7).withSegmenter(Slic.defaults().withSegments(9))))
                .run(RunOptions.seed(4).withTracker(Tracker.none(dir.resolve("runs")))).output();

        ExplanationReport r = e.result(ExplanationReport.class).orElseThrow();
        // test split: round(10 * 0.3) = 3 images per colour; 3 chosen, the classes taken in turn
        assertThat(r.images()).hasSize(3);
        assertThat(r.images().get(0).truth()).isNotEqualTo(r.images().get(1).truth());
        assertThat(r.images().get(2).truth()).isEqualTo(r.images().get(0).truth());
        for (ExplanationReport.ExplainedImage i : r.images()) {
            assertThat(i.segments()).isBetween(2, 18); // SLIC aims at 9 on the 16x16 image (a 3x3 grid of centres)
            assertThat(i.topWeights()).hasSizeLessThanOrEqualTo(2)
                    .isSortedAccordingTo(Comparator.comparingDouble((FeatureWeight w) -> -Math.abs(w.weight())));
            assertThat(i.probability()).isBetween(0.0, 1.0);
            BufferedImage overlay = ImageIO.read(i.overlay().toFile());
            assertThat(overlay.getWidth()).isEqualTo(16); // the model's input size
            assertThat(ImageIO.read(i.heatMap().toFile()).getHeight()).isEqualTo(16);
        }
        assertThat(e.metric("lime_score_mean")).isPresent();
        assertThat(e.metric("lime_score_min").orElseThrow().value())
                .isEqualTo(r.images().stream().mapToDouble(ExplanationReport.ExplainedImage::score).min().orElseThrow());
    }

    @Test
    void choosesTheClassesInTurnInRowOrder() {
        // hand-worked: class 0 rows 0, 1, 3; class 1 rows 2, 4 → round 0: 0, 2; round 1: 1, 4
        assertThat(LimeEvaluator.choose(new int[] {0, 0, 1, 0, 1}, 2, 4)).containsExactly(0, 2, 1, 4);
        // more asked than rows: every row once
        assertThat(LimeEvaluator.choose(new int[] {1, 0}, 2, 9)).containsExactly(1, 0);
    }

    @Test
    void rejectsAConfigurationThatCannotExplainAnything() {
        assertThatThrownBy(() -> new LimeEvaluator(0, 100, 5, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("images");
        assertThatThrownBy(() -> LimeEvaluator.of(2).withSamples(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("num_samples");
        assertThatThrownBy(() -> new LimeEvaluator(2, 100, 0, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("features");
        assertThatThrownBy(() -> LimeEvaluator.of(2).withSegmenter(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("segmenter");
    }
}
