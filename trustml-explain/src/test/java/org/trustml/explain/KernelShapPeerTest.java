package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KernelSHAP and shap.kmeans against numbers shap 0.46.0 itself produced ({@code kernel.json}, {@code kmeans.json},
 * from {@code make_shap_fixtures.py}): KernelExplainer with every coalition enumerated ({@code nsamples = 2^M − 2},
 * so numpy's random numbers play no part), and for an equally weighted background also shap's ExactExplainer.
 */
class KernelShapPeerTest {
    /** The fixture's f5, as in make_shap_fixtures.py. */
    static double[] f5(double[] x) {
        double z = 0.8 * x[0] - 0.5 * x[1] * x[2] + Math.sin(x[3]) + 0.3 * x[4] * x[4] - 0.2 * x[0] * x[4];
        return new double[] {1 / (1 + Math.exp(-z)), Math.tanh(x[1] + 0.5 * x[3])};
    }

    /** The fixture's f6: f5 with 0.4·max(x5, 0) added to the first output's log-odds. */
    static double[] f6(double[] x) {
        double[] out = f5(x);
        out[0] = 1 / (1 + Math.exp(-(Math.log(out[0] / (1 - out[0])) + 0.4 * Math.max(x[5], 0))));
        return out;
    }

    @Test
    void matchesShapsKernelExplainerOnEveryFixture() {
        JsonNode cases = ShapFixtures.read("kernel.json").get("cases");
        assertThat(cases.size()).isEqualTo(4);
        for (JsonNode c : cases) {
            double[][] bg = ShapFixtures.matrix(c.get("background"));
            int m = bg[0].length;
            boolean logit = c.get("link").asText().equals("logit");
            RowModel<double[]> model = rows -> rows.stream().map(r -> {
                double[] y = m == 5 ? f5(r) : f6(r);
                return logit ? new double[] {y[0]} : y;
            }).toArray(double[][]::new);
            ShapBackground background = new ShapBackground(ShapFixtures.names(m), bg,
                    ShapFixtures.vector(c.get("weights")));
            KernelShap kernel = Shap.kernel().link(logit ? ShapLink.LOGIT : ShapLink.IDENTITY);
            double[][] rows = ShapFixtures.matrix(c.get("rows"));
            double[] expected = ShapFixtures.vector(c.get("expected_value"));
            for (int i = 0; i < rows.length; i++) {
                ShapExplanation e = kernel.explain(model, background, rows[i]);
                JsonNode want = c.get("shap_values").get(i); // [feature][output]
                for (int o = 0; o < e.outputs(); o++) {
                    assertThat(e.expectedValues().get(o)).as("%s E[f] output %d", c.get("name"), o)
                            .isCloseTo(expected[o], within(1e-12));
                    double[] v = e.values(o);
                    for (int j = 0; j < m; j++) {
                        assertThat(v[j]).as("%s row %d output %d feature %d", c.get("name"), i, o, j)
                                .isCloseTo(want.get(j).get(o).asDouble(), within(1e-10));
                    }
                }
                assertThat(e.converged()).isTrue();
                if (c.has("exact_values")) { // shap's ExactExplainer: [row][feature][output]
                    ShapExplanation x = Shap.exact().explain(model, background, rows[i]);
                    for (int o = 0; o < 2; o++) {
                        for (int j = 0; j < m; j++) {
                            assertThat(x.values(o)[j]).isCloseTo(c.get("exact_values").get(i).get(j).get(o).asDouble(),
                                    within(1e-10));
                        }
                    }
                }
            }
        }
    }

    @Test
    void kmeansFindsShapsCentresAndWeights() {
        // three separated blobs: k-means++ and Lloyd reach the same partition whatever the random numbers, and
        // rounding to data values makes the centres exact
        JsonNode k = ShapFixtures.read("kmeans.json");
        double[][] data = ShapFixtures.matrix(k.get("data"));
        ShapBackground b = ShapBackground.kmeans(ShapFixtures.names(2), data, 3, 0);
        List<double[]> ours = sorted(b.rows(), b.weights());
        List<double[]> theirs = sorted(ShapFixtures.matrix(k.get("centres")), ShapFixtures.vector(k.get("weights")));
        for (int c = 0; c < 3; c++) {
            assertThat(ours.get(c)).containsExactly(theirs.get(c), within(1e-15));
        }
        assertThat(ShapBackground.kmeans(ShapFixtures.names(2), data, 3, 0)).isEqualTo(b);
    }

    /** Rows with their weight appended, sorted by the first coordinate then the second. */
    private static List<double[]> sorted(double[][] rows, double[] weights) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double[] r = Arrays.copyOf(rows[i], rows[i].length + 1);
            r[rows[i].length] = weights[i];
            out.add(r);
        }
        out.sort(Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]));
        return out;
    }
}
