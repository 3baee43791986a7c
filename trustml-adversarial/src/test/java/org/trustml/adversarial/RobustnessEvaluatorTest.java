package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Ingest;
import org.trustml.core.tracking.Tracker;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;
import org.trustml.vision.train.ImageClassifierConfig;

class RobustnessEvaluatorTest {
    @TempDir
    Path dir;

    @Test
    void attacksTheEvaluatedImagesAtEachEps() throws IOException {
        Files.createDirectories(dir.resolve("img"));
        StringBuilder csv = new StringBuilder("file,colour\n");
        for (int i = 0; i < 20; i++) {
            BufferedImage b = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    b.setRGB(x, y, i % 2 == 0 ? 0xC02010 : 0x1020C0);
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
                .then(EvaluateImageClassifier.onTestSplit()
                        .with(new RobustnessEvaluator(Norm.INF, List.of(0.0, 0.05), 3, 8, 1)))
                .run(RunOptions.seed(4).withTracker(Tracker.none(dir.resolve("runs")))).output();

        Slice none = Slice.of("eps", "0.0");
        Slice some = Slice.of("eps", "0.05");
        double clean = e.metric("clean_accuracy", none).orElseThrow().value();
        // eps = 0 changes nothing: adversarial accuracy equals clean accuracy (ART's semantics)
        assertThat(e.metric("adversarial_accuracy", none).orElseThrow().value()).isEqualTo(clean);
        // test split: round(10 * 0.3) = 3 per colour, 6 images; all attacked (maxImages 8)
        assertThat(e.metric("clean_accuracy", some).orElseThrow().value()).isEqualTo(clean);
        assertThat(e.metric("adversarial_accuracy", some).orElseThrow().value()).isLessThanOrEqualTo(clean);
        assertThat(e.metrics()).extracting(MetricValue::slice).contains(some.and("class", "red"));
        assertThat(e.metric("perturbation_linf_max", some).orElseThrow().value()).isLessThanOrEqualTo(0.05 + 1e-6);

        // one example sheet per eps: 6 test images, DEFAULT_EXAMPLES = 6 rows
        RobustnessEvaluation r = e.result("robustness", RobustnessEvaluation.class).orElseThrow();
        assertThat(r.examples()).extracting(RobustnessEvaluation.ExampleSheet::eps).containsExactly(0.0, 0.05);
        for (RobustnessEvaluation.ExampleSheet s : r.examples()) {
            assertThat(s.rows()).isEqualTo(6);
            assertThat(s.file().getFileName().toString()).startsWith("adversarial-eps");
            BufferedImage sheet = ImageIO.read(s.file().toFile());
            // ImageSheet's layout: 16 px images scaled 8x to 128 px, three cells and four 6 px gaps
            assertThat(sheet.getWidth()).isEqualTo(3 * 128 + 4 * 6);
        }
        // eps = 0 changes no prediction
        assertThat(r.examples().get(0).flipped()).isZero();
    }

    @Test
    void rejectsANegativeNumberOfExamples() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new RobustnessEvaluator(Norm.INF, List.of(0.1), 3, 8, 1, -1))
                .isInstanceOf(org.trustml.core.InvalidInputException.class).hasMessageContaining("examples");
    }
}
