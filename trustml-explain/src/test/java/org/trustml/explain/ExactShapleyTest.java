package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;

/** Exact Shapley values on tiny models, each checked against values worked out by hand from the definition. */
class ExactShapleyTest {
    static final double EPS = 1e-12;

    static RowModel<double[]> model(java.util.function.ToDoubleFunction<double[]> f) {
        return rows -> rows.stream().map(r -> new double[] {f.applyAsDouble(r)}).toArray(double[][]::new);
    }

    @Test
    void aProductSplitsItsValueEvenly() {
        // f = x0·x1, background b = (0, 0), x = (2, 3): v(∅) = v({0}) = v({1}) = 0, v(N) = 6, so each player's
        // marginal contribution is 0 when alone and 6 when last: φ0 = φ1 = ½·0 + ½·6 = 3
        ShapBackground b = ShapBackground.of(List.of("a", "b"), new double[][] {{0, 0}});
        ShapExplanation e = Shap.exact().explain(model(x -> x[0] * x[1]), b, new double[] {2, 3});
        assertThat(e.values(0)).containsExactly(new double[] {3, 3}, within(EPS));
        assertThat(e.expectedValues()).containsExactly(0.0);
        assertThat(e.outputValues()).containsExactly(6.0);
        assertThat(e.method()).isEqualTo(ShapMethod.EXACT);
        assertThat(e.converged()).isTrue();
        assertThat(e.standardErrors(0)).containsOnly(0.0);
        assertThat(e.coalitions()).isEqualTo(4);
    }

    @Test
    void aLinearModelGetsItsWeightTimesTheDistanceToTheBackgroundMean() {
        // f = 2x0 + 3x1 − x2, background rows (0,0,0) and (2,2,2) equally weighted (mean 1 each), x = (3, 0, 1):
        // for a linear model φ_j = w_j (x_j − E[b_j]) = 2·2, 3·(−1), −1·0; E[f] = ½(0 + 8) = 4, f(x) = 5
        ShapBackground b = ShapBackground.of(List.of("a", "b", "c"), new double[][] {{0, 0, 0}, {2, 2, 2}});
        ShapExplanation e = Shap.exact().explain(model(x -> 2 * x[0] + 3 * x[1] - x[2]), b, new double[] {3, 0, 1});
        assertThat(e.values(0)).containsExactly(new double[] {4, -3, 0}, within(EPS));
        assertThat(e.expectedValues().get(0)).isCloseTo(4, within(EPS));
        assertThat(e.additivityError()).isLessThan(EPS);
    }

    @Test
    void aMaximumSharesByTheMarginalContributionsOfEveryOrder() {
        // f = max(x0, x1) + x2, b = (0,0,0), x = (1, 2, 5): v(∅)=0, v{0}=1, v{1}=2, v{2}=5, v{0,1}=2, v{0,2}=6,
        // v{1,2}=7, v(N)=7. Weights |S|!(2−|S|)!/3! are 1/3, 1/6, 1/6, 1/3 for S = ∅, one other, the other, both:
        // φ0 = 1/3·(1−0) + 1/6·(2−2) + 1/6·(6−5) + 1/3·(7−7) = 1/2
        // φ1 = 1/3·(2−0) + 1/6·(2−1) + 1/6·(7−5) + 1/3·(7−6) = 3/2
        // φ2 = 5 (x2 adds 5 to every coalition)
        ShapBackground b = ShapBackground.of(List.of("a", "b", "c"), new double[][] {{0, 0, 0}});
        ShapExplanation e = Shap.exact().explain(model(x -> Math.max(x[0], x[1]) + x[2]), b, new double[] {1, 2, 5});
        assertThat(e.values(0)).containsExactly(new double[] {0.5, 1.5, 5}, within(EPS));
    }

    @Test
    void theLogitLinkExplainsLogOdds() {
        // p = σ(x0 + x1), b = (0, 0), x = (1, 2): in log-odds the model is additive, so φ = (1, 2), E = logit(½) = 0
        ShapBackground b = ShapBackground.of(List.of("a", "b"), new double[][] {{0, 0}});
        ShapExplanation e = Shap.exact().link(ShapLink.LOGIT)
                .explain(model(x -> 1 / (1 + Math.exp(-(x[0] + x[1])))), b, new double[] {1, 2});
        assertThat(e.values(0)).containsExactly(new double[] {1, 2}, within(1e-12));
        assertThat(e.link()).isEqualTo(ShapLink.LOGIT);
    }

    @Test
    void refusesTooManyFeaturesAndProbabilitiesOutsideTheLogitsRange() {
        double[][] wide = new double[1][17];
        List<String> names = java.util.stream.IntStream.range(0, 17).mapToObj(j -> "f" + j).toList();
        assertThatThrownBy(() -> Shap.exact().explain(model(x -> 0), ShapBackground.of(names, wide), new double[17]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("features")
                .hasMessageContaining("17").hasMessageContaining("KernelSHAP");
        ShapBackground b = ShapBackground.of(List.of("a"), new double[][] {{0}});
        assertThatThrownBy(() -> Shap.exact().link(ShapLink.LOGIT).explain(model(x -> 1.0), b, new double[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> Shap.exact().maxPlayers(25)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("max_players");
    }
}
