package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.Split;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;
import org.trustml.vision.train.ImageClassifierConfig;

class ImageDriftEvaluatorTest {
    @TempDir
    Path dir;

    @Test
    void comparesSplitsOnImageStatisticsAndPredictions() throws IOException {
        Files.createDirectories(dir.resolve("img"));
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("file,colour\n");
        for (int i = 0; i < 24; i++) {
            BufferedImage b = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int v = 100 + rnd.nextInt(100);
                    b.setRGB(x, y, i % 2 == 0 ? v << 16 : v);
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
                .then(EvaluateImageClassifier.onTestSplit().with(new ImageDriftEvaluator(Split.TEST, 500)))
                .run(RunOptions.seed(4).withTracker(Tracker.none(dir.resolve("runs")))).output();
        DriftReport r = e.result(DriftReport.class).orElseThrow();
        assertThat(r.columns()).extracting(ColumnDrift::column)
                .containsExactly("mean_r", "std_r", "mean_g", "std_g", "mean_b", "std_b", "p_blue", "p_red");
        // the test split against itself: every KS statistic is 0 and nothing drifts
        assertThat(r.drifted()).isFalse();
        assertThat(e.metric("drift_share")).get().extracting(v -> v.value()).isEqualTo(0.0);
        assertThat(e.metric("drifted", Slice.of("column", "mean_r"))).get().extracting(v -> v.value()).isEqualTo(0.0);
    }

    /** {@code n} 16x16 RGB noise images of one distribution, labelled by the brighter of red and blue; the metadata CSV. */
    static Path colourNoise(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir.resolve("img"));
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("file,colour\n");
        for (int i = 0; i < n; i++) {
            double redShare = rnd.nextDouble();
            BufferedImage b = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int red = (int) (255 * redShare * rnd.nextDouble());
                    int blue = (int) (255 * (1 - redShare) * rnd.nextDouble());
                    b.setRGB(x, y, red << 16 | rnd.nextInt(256) << 8 | blue);
                }
            }
            ImageIO.write(b, "png", dir.resolve("img/" + i + ".png").toFile());
            csv.append(i).append(".png,").append(redShare > 0.5 ? "red" : "blue").append('\n');
        }
        return Files.writeString(dir.resolve("meta.csv"), csv);
    }

    /**
     * The default reference is the validation split, and the comparison runs Bonferroni over the
     * feature columns: a random split of images that training did not fit is reported as drifted at
     * most at alpha. Rate: the evaluator's features of the 48 held-out images (validation and test),
     * split at random into halves 400 times (seeded); the flagged count must not exceed 36, the top
     * of the central 99.9% interval of Bin(400, 0.05). Measured: 3 of 400 (Bonferroni over 8
     * correlated columns is conservative); without the correction, as the evaluator ran before,
     * 38 of 400.
     */
    @Test
    void aRandomSplitOfHeldOutImagesIsNotReportedAsDrifted() throws IOException {
        ImageEvaluation e = Pipeline.from(Ingest.csv(colourNoise(dir, 96, 5)))
                .then(ImageFolder.builder("file", "colour").imagesIn(dir.resolve("img")).output(dir.resolve("ds"))
                        .split(0.25, 0.25).build())
                .then(TrainImageClassifier.with(ImageClassifierConfig.mobileNetV2().withInputSize(16)
                        .withSchedule(2, 16, 2e-3).withAugmentation(false, false).withPatience(0)))
                .then(EvaluateImageClassifier.onTestSplit().with(ImageDriftEvaluator.againstValidation()))
                .run(RunOptions.seed(4).withTracker(Tracker.none(dir.resolve("runs")))).output();
        DriftReport r = e.result(DriftReport.class).orElseThrow();
        ImageDataset data = ImageDataset.read(e.model().dataset());
        assertThat(r.columns().get(0).referenceCount()).isEqualTo(data.entries(Split.VALIDATION).size());
        assertThat(r.correction()).isEqualTo(Correction.BONFERRONI);
        assertThat(r.drifted()).isFalse();

        List<Path> heldOut = new ArrayList<>();
        data.entries(Split.VALIDATION).forEach(x -> heldOut.add(data.file(x)));
        data.entries(Split.TEST).forEach(x -> heldOut.add(data.file(x)));
        Table features;
        try (Model loaded = e.model().load()) {
            features = ImageDriftEvaluator.features(e.model(), heldOut, e.model().predictProbabilities(loaded, heldOut));
        }
        SplittableRandom random = new SplittableRandom(9);
        int sims = 400;
        int flagged = 0;
        for (int s = 0; s < sims; s++) {
            int[] order = IntStream.range(0, features.rowCount()).toArray();
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int half = order.length / 2;
            flagged += ImageDriftEvaluator.compare(features.take(Arrays.copyOf(order, half)),
                    features.take(Arrays.copyOfRange(order, half, order.length))).drifted() ? 1 : 0;
        }
        assertThat(flagged).as("random halves of %s held-out images flagged", features.rowCount())
                .isLessThanOrEqualTo(BinomialDistribution.of(sims, 0.05).inverseSurvivalProbability(0.0005));
    }
}
