package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trustml.core.io.Json;
import org.trustml.explain.internal.WeightedRidge;

/**
 * LimeBase against scikit-learn 1.2.1 following lime 0.2's lime_base.py: the numbers in
 * {@code limebase/expected.json} were made by {@code src/test/python/make_limebase_fixture.py} on the
 * samples, outputs and kernel weights in {@code limebase/data.csv}. Tolerance 1e-9 (double precision,
 * different solvers: Cholesky/SVD here, scikit-learn's Cholesky/lstsq there).
 */
class LimeBaseTest {
    static double[][] data;
    static double[][] outputs;
    static double[] weights;
    static JsonNode expected;

    static void load() throws Exception {
        if (data != null) {
            return;
        }
        Path dir = Path.of(LimeBaseTest.class.getResource("/limebase/data.csv").toURI()).getParent();
        List<String> lines = Files.readAllLines(dir.resolve("data.csv"));
        int n = lines.size() - 1;
        data = new double[n][10];
        outputs = new double[n][2];
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            String[] p = lines.get(i + 1).split(",");
            for (int j = 0; j < 10; j++) {
                data[i][j] = Double.parseDouble(p[j]);
            }
            outputs[i][0] = Double.parseDouble(p[10]);
            outputs[i][1] = Double.parseDouble(p[11]);
            weights[i] = Double.parseDouble(p[12]);
        }
        expected = Json.reader().readTree(Files.readString(dir.resolve("expected.json")));
    }

    @ParameterizedTest
    @CsvSource({"auto,3", "auto,8", "forward_selection,3", "forward_selection,8", "highest_weights,3",
        "highest_weights,8", "lasso_path,3", "lasso_path,8", "none,3", "none,8"})
    void matchesLimeWithScikitLearn(String method, int k) throws Exception {
        load();
        LabelExplanation e = LimeBase.explain(data, outputs, weights, 1, k, FeatureSelection.fromId(method));
        JsonNode ref = expected.get(method + "_" + k);
        assertThat(e.intercept()).isCloseTo(ref.get("intercept").asDouble(), within(1e-9));
        assertThat(e.score()).isCloseTo(ref.get("score").asDouble(), within(1e-9));
        assertThat(e.localPrediction()).isCloseTo(ref.get("local_prediction").asDouble(), within(1e-9));
        JsonNode w = ref.get("weights");
        assertThat(e.weights()).hasSize(w.size());
        for (int i = 0; i < w.size(); i++) {
            FeatureWeight fw = e.weights().get(i);
            assertThat(fw.feature()).as("feature at rank " + i).isEqualTo(w.get(i).get(0).asInt());
            assertThat(fw.weight()).isCloseTo(w.get(i).get(1).asDouble(), within(1e-9));
        }
    }

    @Test
    void ridgeOnExactLinearDataRecoversCoefficientsShrunkByAlpha() {
        // y = 2 + 3x on x = {0, 1}, unit weights: centred x = ±0.5, Σx̃² = 0.5, Σx̃ỹ = 1.5,
        // alpha 1 gives β = 1.5 / (0.5 + 1) = 1, c = ȳ − x̄β = 3.5 − 0.5 = 3 (hand computation).
        double[][] x = {{0}, {1}};
        double[] y = {2, 5};
        WeightedRidge.Fit fit = WeightedRidge.fit(x, new int[] {0}, y, new double[] {1, 1}, 1.0);
        assertThat(fit.coef()[0]).isCloseTo(1.0, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(3.0, within(1e-12));
        // alpha 0: the exact line
        WeightedRidge.Fit ols = WeightedRidge.fit(x, new int[] {0}, y, new double[] {1, 1}, 0.0);
        assertThat(ols.coef()[0]).isCloseTo(3.0, within(1e-12));
        assertThat(ols.score(x, y, new double[] {1, 1})).isCloseTo(1.0, within(1e-12));
    }
}
