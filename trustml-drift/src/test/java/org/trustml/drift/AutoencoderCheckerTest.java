package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;

class AutoencoderCheckerTest {
    static final int SIDE = 28;
    static AutoencoderChecker images;
    static final AutoencoderConfig CONFIG = AutoencoderConfig.defaults().withFilters(8, 16).withEpochs(6)
            .withLearningRate(5e-3).withSeed(7).withCalibrationFraction(0.4);

    @TempDir
    Path dir;

    /** Grey 28×28 images: faint noise and one bright bar, horizontal (the reference class) or vertical (a new class). */
    static float[][] bars(long seed, int n, boolean vertical, float brightnessShift) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] out = new float[n][SIDE * SIDE];
        for (int i = 0; i < n; i++) {
            int at = 4 + r.nextInt(SIDE - 10);
            float level = 0.8f + 0.2f * (float) r.nextDouble();
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int line = vertical ? x : y;
                    float v = line >= at && line < at + 3 ? level : 0.1f * (float) r.nextDouble();
                    out[i][y * SIDE + x] = Math.min(1f, v + brightnessShift);
                }
            }
        }
        return out;
    }

    static Samples grey(float[][] pixels) {
        return Samples.images(pixels, 1, SIDE, SIDE);
    }

    @BeforeAll
    static void trainOnce() {
        images = AutoencoderChecker.train(grey(bars(1, 800, false, 0f)), CONFIG);
    }

    @AfterAll
    static void close() {
        images.close();
    }

    @Test
    void theEngineGivesTheScoresOfTheJavaScorer() {
        // scoreOnEngine runs the same standardised batch through DJL's forward pass; the plain-Java scorer is
        // checked against that pass network by network in ConvScorerTest, here through the checker itself
        Samples batch = grey(bars(7, 50, true, 0.1f));
        double[] java = images.score(batch);
        double[] engine = images.scoreOnEngine(batch);
        assertThat(java).hasSize(50);
        for (int i = 0; i < java.length; i++) {
            assertThat(java[i]).as("image %d", i).isCloseTo(engine[i], org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
    }

    @Test
    void aFreshReferenceBatchIsNotFlagged() {
        BatchVerdict v = images.check(grey(bars(2, 200, false, 0f)));
        assertThat(v.drifted()).as("binomial p %s, KS p %s", v.binomialPValue(), v.ksPValue()).isFalse();
        assertThat(v.anomalyRate()).isLessThan(0.12);
        assertThat(v.size()).isEqualTo(200);
        assertThat(v.expectedRate()).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aMeanShiftedBatchIsFlagged() {
        BatchVerdict v = images.check(grey(bars(3, 200, false, 0.35f)));
        assertThat(v.drifted()).isTrue();
        assertThat(v.binomialPValue()).isLessThan(1e-6);
        assertThat(v.ksPValue()).isLessThan(1e-6);
    }

    @Test
    void aBatchWithANewClassIsFlaggedAndItsSamplesAreSelectedForLabelling() {
        float[][] mixed = bars(4, 200, false, 0f);
        float[][] vertical = bars(5, 40, true, 0f);
        for (int i = 0; i < 40; i++) {
            mixed[i * 5] = vertical[i]; // every fifth sample is of the new class
        }
        BatchVerdict v = images.check(grey(mixed));
        assertThat(v.drifted()).isTrue();
        assertThat(v.anomalies()).hasSizeGreaterThanOrEqualTo(30);
        int[] picked = images.select(grey(mixed), 10);
        assertThat(java.util.Arrays.stream(picked).boxed().toList()).hasSize(10).allSatisfy(i -> assertThat(i % 5).isZero());
        int[] diverse = images.selectDiverse(grey(mixed), 10);
        assertThat(diverse).hasSize(10).doesNotHaveDuplicates();
        assertThat(diverse[0]).isEqualTo(picked[0]);
    }

    @Test
    void alibiScoreIsTheMeanOfTheTopSquaredErrors() {
        try (AutoencoderChecker c = AutoencoderChecker.train(grey(bars(1, 128, false, 0f)),
                CONFIG.withEpochs(1).withScore(ScoreKind.TOP_PERCENT_MSE, 10))) {
            BatchVerdict v = c.check(grey(bars(6, 20, true, 0f)));
            assertThat(v.scores()).allSatisfy(s -> assertThat(s).isPositive());
        }
    }

    @Test
    void sameSeedSameScoresAndSaveLoadRoundTrips() {
        float[][] ref = bars(1, 128, false, 0f);
        Samples batch = grey(bars(9, 16, true, 0f));
        AutoencoderConfig small = CONFIG.withEpochs(2);
        try (AutoencoderChecker a = AutoencoderChecker.train(grey(ref), small);
                AutoencoderChecker b = AutoencoderChecker.train(grey(ref), small)) {
            assertThat(a.score(batch)).containsExactly(b.score(batch));
            assertThat(a.highThreshold()).isEqualTo(b.highThreshold());
            Path saved = a.save(dir.resolve("checker"));
            a.save(dir.resolve("checker")); // replacing an existing directory
            assertThat(saved.resolve("checker.json")).exists();
            assertThat(saved.resolve("autoencoder-0000.params")).exists();
            try (AutoencoderChecker loaded = AutoencoderChecker.load(saved)) {
                assertThat(loaded.score(batch)).containsExactly(a.score(batch));
                assertThat(loaded.check(batch)).isEqualTo(a.check(batch));
                assertThat(loaded.config()).isEqualTo(small);
            }
        }
    }

    @Test
    void rgb64ImagesTrainAndOtherSizesAreRejected() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        float[][] rgb = new float[32][3 * 64 * 64];
        for (float[] img : rgb) {
            for (int i = 0; i < img.length; i++) {
                img[i] = (float) r.nextDouble();
            }
        }
        try (AutoencoderChecker c = AutoencoderChecker.train(Samples.images(rgb, 3, 64, 64), CONFIG.withEpochs(1))) {
            assertThat(c.score(Samples.images(rgb, 3, 64, 64))).hasSize(32);
            assertThatThrownBy(() -> c.check(grey(bars(1, 2, false, 0f)))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("column 'shape': value '[1, 28, 28]' does not match the checker's sample shape "
                            + "[3, 64, 64] (expected images of 3x64x64 (channels x height x width))");
        }
        assertThatThrownBy(() -> images.check(Samples.images(new float[1][32 * 32], 1, 32, 32)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("value '[1, 32, 32]' does not match the checker's sample shape [1, 28, 28]");
        assertThatThrownBy(() -> AutoencoderChecker.load(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessage(dir + ": is not a saved autoencoder checker (expected a directory with checker.json)");
        Files.writeString(dir.resolve("checker.json"), "{\"format_version\": 99}");
        assertThatThrownBy(() -> AutoencoderChecker.load(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("checker.json: value '99' has an unsupported format version (expected format_version 1)");
    }

    @Test
    void nonFiniteValuesAreRefusedBeforeTraining() {
        float[][] rows = bars(1, 3, false, 0f);
        rows[2][5] = Float.NaN;
        assertThatThrownBy(() -> grey(rows)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 3")
                .hasMessageContaining("column 'value 5 of the sample': value 'NaN' is not a finite number");
    }

    @Test
    void tablesUseTheDenseNetworkAndABrokenCorrelationIsFlagged() {
        Table ref = correlated(11, 600, false);
        try (AutoencoderChecker c = AutoencoderChecker.train(Samples.fromTable(ref),
                AutoencoderConfig.defaults().withNetwork(List.of(16), 2).withEpochs(30).withSeed(3).withLearningRate(5e-3))) {
            assertThat(c.check(Samples.fromTable(correlated(12, 300, false))).drifted()).isFalse();
            assertThat(c.check(Samples.fromTable(correlated(13, 300, true))).drifted()).isTrue();
            assertThatThrownBy(() -> c.check(Samples.vectors(new float[][] {{1f, 2f}})))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("column 'shape': value '[2]' does not match the checker's sample shape [4] (expected 4 features)");
        }
    }

    /** a ~ N(0,1), b = a + small noise, c = -a + small noise, d ~ N(0,1); broken: b independent of a. */
    static Table correlated(long seed, int n, boolean broken) {
        double[] a = DriftTestsTest.normal(seed, n, 0);
        double[] noise = DriftTestsTest.normal(seed + 100, 3 * n, 0);
        double[] b = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = broken ? noise[i] : a[i] + 0.1 * noise[i];
            c[i] = -a[i] + 0.1 * noise[n + i];
            d[i] = noise[2 * n + i];
        }
        return Table.of(DoubleColumn.of("a", a), DoubleColumn.of("b", b), DoubleColumn.of("c", c), DoubleColumn.of("d", d));
    }
}
