package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trustml.core.TrustmlException;
import org.trustml.torch.SeededInitializer;

/**
 * The Java scoring path against the DJL forward pass of the same block: the reference is
 * {@link AutoencoderTraining#engineScore} (libtorch), so every expected number here comes from
 * libtorch; the tolerance covers float32 additions done in another order (the Java path sums the
 * squared errors in double, libtorch in float).
 */
class ConvScorerTest {

    private static Model model(List<Integer> shape, List<Integer> filters, long seed) {
        Model model = AutoencoderTraining.newModel(shape, AutoencoderConfig.defaults().withFilters(filters.get(0),
                filters.get(1)));
        // weights and biases random (a zero bias would not test the bias path)
        model.getBlock().setInitializer(SeededInitializer.glorotUniform(seed), Parameter.Type.WEIGHT);
        model.getBlock().setInitializer(SeededInitializer.glorotUniform(seed + 1), Parameter.Type.BIAS);
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
                new Shape(1, shape.get(0), shape.get(1), shape.get(2)));
        return model;
    }

    private static float[][] rows(int n, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] rows = new float[n][width];
        for (float[] row : rows) {
            for (int i = 0; i < width; i++) {
                row[i] = (float) r.nextDouble();
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}x{1}x{2}, filters {3}/{4}, {5} images, {6} {7}%")
    @CsvSource({
        // grey 28×28 (the benchmark's shape), default filters, two full tiles and a partial one
        "1, 28, 28, 8, 16, 300, L2, 100",
        // RGB, not square; filter counts that are not multiples of 4 (the remainder path)
        "3, 8, 12, 5, 6, 7, L2, 100",
        // alibi-detect's score: mean of the top 10% squared errors, and the plain mean (100%)
        "1, 28, 28, 8, 16, 130, TOP_PERCENT_MSE, 10",
        "3, 16, 16, 4, 8, 9, TOP_PERCENT_MSE, 100",
        // 64×64 RGB: 80 images per tile (the 4 MB tile budget), so two tiles
        "3, 64, 64, 8, 16, 90, L2, 100",
        "1, 4, 4, 1, 1, 1, L2, 100"})
    void agreesWithTheDjlForwardPass(int c, int h, int w, int f1, int f2, int n, ScoreKind kind, double percent) {
        List<Integer> shape = List.of(c, h, w);
        try (Model model = model(shape, List.of(f1, f2), 11)) {
            float[][] rows = rows(n, c * h * w, 3);
            double[] expected = AutoencoderTraining.engineScore(model, rows, shape, kind, percent);
            double[] actual = ConvScorer.of(model.getBlock(), shape).score(rows, kind, percent);
            assertThat(actual).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(actual[i]).as("image %d", i).isCloseTo(expected[i], Percentage.withPercentage(1e-3));
            }
        }
    }

    @Test
    void anImagesScoreDoesNotDependOnTheTilingOrTheOtherImages() {
        List<Integer> shape = List.of(1, 28, 28);
        try (Model model = model(shape, List.of(8, 16), 5)) {
            float[][] rows = rows(260, 784, 9);
            ConvScorer scorer = ConvScorer.of(model.getBlock(), shape);
            double[] all = scorer.score(rows, ScoreKind.L2, 100);
            for (int i : new int[] {0, 127, 128, 259}) {
                assertThat(scorer.score(new float[][] {rows[i]}, ScoreKind.L2, 100)[0]).isEqualTo(all[i]);
            }
        }
    }

    @Test
    void refusesABlockThatIsNotTheConvolutionalAutoencoder() {
        try (Model dense = AutoencoderTraining.newModel(List.of(6), AutoencoderConfig.defaults())) {
            dense.getBlock().initialize(dense.getNDManager(), DataType.FLOAT32, new Shape(1, 6));
            assertThatThrownBy(() -> ConvScorer.of(dense.getBlock(), List.of(1, 4, 4)))
                    .isInstanceOf(TrustmlException.class).hasMessageContaining("not the convolutional autoencoder");
        }
    }
}
