package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;

class KernelShapTest {
    /** Two outputs with interactions between neighbouring features: σ(Σ a_j x_j + Σ x_j x_{j+1} / 2) and a sine. */
    static double[][] interacting(List<double[]> rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] x = rows.get(i);
            double z = 0;
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                z += (j % 3 - 1) * 0.7 * x[j] + (j + 1 < x.length ? 0.5 * x[j] * x[j + 1] : 0);
                s += Math.sin(x[j] * (j + 1) / 3.0);
            }
            out[i] = new double[] {1 / (1 + Math.exp(-z)), s};
        }
        return out;
    }

    static ShapBackground background(int d, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = r.nextGaussian();
            }
            w[i] = 1 + i; // unequal weights, as k-means cluster sizes are
        }
        return new ShapBackground(names(d), rows, w);
    }

    static List<String> names(int d) {
        return java.util.stream.IntStream.range(0, d).mapToObj(j -> "f" + j).toList();
    }

    static double[] row(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = 1.5 * r.nextGaussian();
        }
        return x;
    }

    @Test
    void equalsExactShapleyWhenEveryCoalitionIsEnumerated() {
        // 2^6 − 2 = 62 coalitions fit shap's auto budget 2·6 + 2048, so every size is enumerated: the constrained
        // regression with the Shapley kernel then gives the Shapley values exactly (Lundberg and Lee 2017, Thm 2)
        ShapBackground b = background(6, 5, 1);
        double[] x = row(6, 2);
        ShapExplanation kernel = Shap.kernel().explain(KernelShapTest::interacting, b, x);
        ShapExplanation exact = Shap.exact().explain(KernelShapTest::interacting, b, x);
        for (int o = 0; o < 2; o++) {
            assertThat(kernel.values(o)).containsExactly(exact.values(o), within(1e-12));
            assertThat(kernel.standardErrors(o)).containsOnly(0.0);
        }
        assertThat(kernel.expectedValues()).isEqualTo(exact.expectedValues());
        assertThat(kernel.converged()).isTrue();
        assertThat(kernel.coalitions()).isEqualTo(64); // 62 enumerated + the empty and the full coalition
        assertThat(kernel.modelRows()).isEqualTo(1 + 63 * 5); // f(x) once, every other coalition over 5 rows
        assertThat(kernel.additivityError()).isLessThan(1e-12);
    }

    @Test
    void samplingEstimatesTheShapleyValuesWithinItsStandardErrors() {
        ShapBackground b = background(12, 4, 3);
        double[] x = row(12, 4);
        ShapExplanation exact = Shap.exact().explain(KernelShapTest::interacting, b, x);
        ShapExplanation e = Shap.kernel().tolerance(0).seed(5).explain(KernelShapTest::interacting, b, x);
        assertThat(e.coalitions()).isEqualTo(2 + 2 * 12 + 2048); // tolerance 0 spends shap's whole auto budget
        assertThat(e.additivityError()).isLessThan(1e-12);
        for (int o = 0; o < 2; o++) {
            double[] v = e.values(o);
            double[] se = e.standardErrors(o);
            double[] truth = exact.values(o);
            for (int j = 0; j < 12; j++) {
                assertThat(se[j]).isPositive();
                // batch-means SEs are estimates themselves: allow 5 of them plus a floor
                assertThat(Math.abs(v[j] - truth[j])).as("output %d feature %d", o, j)
                        .isLessThanOrEqualTo(5 * se[j] + 1e-3);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameValuesWhateverTheThreads() {
        ShapBackground b = background(10, 3, 6);
        double[][] rows = {row(10, 7), row(10, 8), row(10, 9)};
        KernelShap k = Shap.kernel().samples(300).tolerance(0).seed(11);
        List<ShapExplanation> one = k.explainRows(KernelShapTest::interacting, b, rows);
        List<ShapExplanation> two = k.threads(2).explainRows(KernelShapTest::interacting, b, rows);
        assertThat(two).isEqualTo(one);
        assertThat(one.get(0)).isEqualTo(k.explain(KernelShapTest::interacting, b, rows[0]));
        assertThat(k.seed(12).explain(KernelShapTest::interacting, b, rows[0]).values())
                .isNotEqualTo(one.get(0).values());
    }

    @Test
    void stopsAsSoonAsTheStandardErrorsMeetTheTolerance() {
        ShapBackground b = background(12, 3, 13);
        double[] x = row(12, 14);
        // with M = 12 and shap's auto budget 2072, sizes 1–3 (and complements) are enumerated: 596 coalitions;
        // rounds then draw 120, 240, 480 … more until every standard error meets the tolerance
        ShapExplanation loose = Shap.kernel().tolerance(0.01).explain(KernelShapTest::interacting, b, x);
        assertThat(loose.converged()).isTrue();
        assertThat(loose.maxStandardError()).isLessThanOrEqualTo(0.01);
        assertThat(loose.coalitions()).isEqualTo(2 + 596 + 120);
        ShapExplanation tighter = Shap.kernel().tolerance(0.005).explain(KernelShapTest::interacting, b, x);
        assertThat(tighter.converged()).isTrue();
        assertThat(tighter.coalitions()).isEqualTo(2 + 596 + 480);
        assertThat(tighter.maxStandardError()).isLessThanOrEqualTo(0.005);
        ShapExplanation strict = Shap.kernel().tolerance(1e-4).explain(KernelShapTest::interacting, b, x);
        assertThat(strict.converged()).isFalse(); // the budget ran out first
        assertThat(strict.coalitions()).isEqualTo(2 + 2072);
        assertThat(strict.maxStandardError()).isLessThan(tighter.maxStandardError()).isGreaterThan(1e-4);
        assertThat(strict.additivityError()).isLessThan(1e-12);
    }

    @Test
    void featuresThatCannotVaryGetZero() {
        // feature 1 equals every background value: shap's varying_groups leaves it out of the regression
        double[][] rows = {{0, 7, 1}, {1, 7, 0}, {2, 7, 2}};
        ShapBackground b = ShapBackground.of(names(3), rows);
        double[] x = {3, 7, -1};
        ShapExplanation e = Shap.kernel().explain(KernelShapTest::interacting, b, x);
        ShapExplanation exact = Shap.exact().explain(KernelShapTest::interacting, b, x);
        assertThat(e.values(0)[1]).isZero();
        assertThat(e.values(0)).containsExactly(exact.values(0), within(1e-12));
        // only feature 2 varies: it takes the whole difference
        ShapBackground one = ShapBackground.of(names(3), new double[][] {{0, 7, 1}, {0, 7, 0}});
        ShapExplanation single = Shap.kernel().explain(KernelShapTest::interacting, one, new double[] {0, 7, 5});
        assertThat(single.values(1)[0]).isZero();
        assertThat(single.values(1)[2]).isCloseTo(single.outputValues().get(1) - single.expectedValues().get(1),
                within(1e-15));
    }

    @Test
    void batchesModelCallsByWholeCoalitions() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> sizes = new ArrayList<>();
        RowModel<double[]> counted = rows -> {
            calls.incrementAndGet();
            sizes.add(rows.size());
            return interacting(rows);
        };
        ShapBackground b = background(5, 4, 15);
        Shap.kernel().batchRows(40).explain(counted, b, row(5, 16));
        // f(x) alone, then ∅ with it; 30 enumerated coalitions × 4 rows in calls of at most 10 coalitions
        assertThat(sizes).containsExactly(1, 4, 40, 40, 40);
    }

    @Test
    void explainsImageSuperpixelsAndTextWords() {
        // an image of 4 superpixels (quadrants): with 4 players every coalition is enumerated, so KernelSHAP is exact
        RgbImage img = TestImages.withRectangle(16, 16, 2, 2, 10, 10, 1);
        int[] ids = new int[256];
        for (int p = 0; p < 256; p++) {
            ids[p] = (p % 16 < 8 ? 0 : 1) + (p / 16 < 8 ? 0 : 2);
        }
        Segmentation seg = Segmentation.fromIds(16, 16, ids);
        CoalitionGame image = CoalitionGame.image(TestImages.rectangleMeanModel(2, 2, 10, 10), img, seg,
                HideColor.constant(0, 0, 0), OutputKind.PROBABILITIES, 5);
        ShapExplanation k = Shap.kernel().explain(image);
        ShapExplanation x = Shap.exact().explain(image);
        assertThat(k.values(1)).containsExactly(x.values(1), within(1e-9));
        assertThat(k.features()).containsExactly("superpixel 0", "superpixel 1", "superpixel 2", "superpixel 3");
        // the rectangle [2, 10)² has 36 of its 64 pixels in quadrant 0, 12 in 1 and 2, 4 in 3: quadrant 0 matters most
        assertThat(k.top(1, 1)).containsExactly(0);

        // text: the model counts "good" (+1) and "bad" (−1); each word's value is its own effect
        RowModel<String> sentiment = texts -> texts.stream().map(t -> {
            double s = 0;
            for (String w : t.split("\\W+")) {
                s += w.equals("good") ? 1 : w.equals("bad") ? -1 : 0;
            }
            return new double[] {s};
        }).toArray(double[][]::new);
        ShapExplanation t = Shap.kernel().explain(CoalitionGame.text(sentiment, "good food, bad service, good wine"));
        assertThat(t.features()).containsExactly("good", "food", "bad", "service", "wine");
        assertThat(t.values(0)).containsExactly(new double[] {2, 0, -1, 0, 0}, within(1e-12));
    }

    @Test
    void badInputIsNamed() {
        ShapBackground b = background(3, 2, 17);
        assertThatThrownBy(() -> Shap.kernel().explain(KernelShapTest::interacting, b, new double[2]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("row").hasMessageContaining("3 values");
        assertThatThrownBy(() -> Shap.kernel().explain(KernelShapTest::interacting, b, new double[] {0, Double.NaN, 0}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("f1");
        RowModel<double[]> short1 = rows -> new double[rows.size() - 1][1];
        assertThatThrownBy(() -> Shap.kernel().explain(short1, b, new double[3]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model output");
        assertThatThrownBy(() -> Shap.kernel().samples(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nsamples");
        assertThatThrownBy(() -> Shap.kernel().tolerance(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tolerance");
        assertThatThrownBy(() -> new ShapBackground(names(2), new double[][] {{0, 0}}, new double[] {-1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("background weights");
    }
}
