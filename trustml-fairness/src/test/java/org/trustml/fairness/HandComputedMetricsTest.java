package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trustml.fairness.FairnessMetric.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/** Weighted metrics computed by hand (the arithmetic is in the comments). */
class HandComputedMetricsTest {
    //            privileged (sex=1)   unprivileged (sex=0)
    // y          1 1 0 0              1 0 0 0
    // yhat       1 0 0 1              1 1 0 0
    // w          1 2 1 1              1 1 2 2
    static Table table() {
        return Table.of(LongColumn.of("sex", 1, 1, 1, 1, 0, 0, 0, 0), StringColumn.of("race", "a", "b", "a", "b", "a", "b", "a", "b"),
                LongColumn.of("y", 1, 1, 0, 0, 1, 0, 0, 0), LongColumn.of("yhat", 1, 0, 0, 1, 1, 1, 0, 0),
                DoubleColumn.of("w", 1, 2, 1, 1, 1, 1, 2, 2), DoubleColumn.of("x", 0, 1, 2, 3, 10, 11, 12, 13));
    }

    static FairnessReport report() {
        return Fairness.of(table()).label("y").prediction("yhat").weights("w").privileged(Group.where("sex", 1))
                .protectedColumns("sex", "race").report();
    }

    @Test
    void datasetMetrics() {
        FairnessReport r = report();
        // priv: W = 5, P = 1 + 2 = 3, base rate 0.6; unpriv: W = 6, P = 1, base rate 1/6.
        FairnessValue br = r.dataset(BASE_RATE).orElseThrow();
        assertThat(br.privileged()).isCloseTo(0.6, within(1e-15));
        assertThat(br.unprivileged()).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(br.overall()).isCloseTo(4.0 / 11, within(1e-15));
        assertThat(r.dataset(DISPARATE_IMPACT).orElseThrow().between()).isCloseTo((1.0 / 6) / 0.6, within(1e-15));
        assertThat(r.dataset(STATISTICAL_PARITY_DIFFERENCE).orElseThrow().between()).isCloseTo(1.0 / 6 - 0.6, within(1e-15));
        // class imbalance (N_u − N_p)/(N_u + N_p) = (6 − 5)/11.
        assertThat(r.dataset(CLASS_IMBALANCE).orElseThrow().between()).isCloseTo(1.0 / 11, within(1e-15));
        // KL(P_p‖P_u): P_p = (0.6, 0.4), P_u = (1/6, 5/6).
        double kl = 0.6 * Math.log(0.6 / (1.0 / 6)) + 0.4 * Math.log(0.4 / (5.0 / 6));
        assertThat(r.dataset(KL_DIVERGENCE).orElseThrow().between()).isCloseTo(kl, within(1e-15));
    }

    @Test
    void classificationMetrics() {
        FairnessReport r = report();
        // priv: TP 1, FN 2, TN 1, FP 1; unpriv: TP 1, FN 0, TN 4, FP 1.
        assertThat(r.classification(TRUE_POSITIVE_RATE).orElseThrow().privileged()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(r.classification(EQUAL_OPPORTUNITY_DIFFERENCE).orElseThrow().between()).isCloseTo(1 - 1.0 / 3, within(1e-15));
        // FPR priv 1/2, unpriv 1/5: AOD = ½(−0.3 + 2/3).
        assertThat(r.classification(AVERAGE_ODDS_DIFFERENCE).orElseThrow().between())
                .isCloseTo(0.5 * (0.2 - 0.5 + 2.0 / 3), within(1e-15));
        assertThat(r.classification(EQUALIZED_ODDS_DIFFERENCE).orElseThrow().between()).isCloseTo(2.0 / 3, within(1e-15));
        // selection rate priv 2/5, unpriv 2/6.
        assertThat(r.classification(DISPARATE_IMPACT).orElseThrow().between()).isCloseTo((2.0 / 6) / 0.4, within(1e-15));
        // PPV 1/2 both; FOR priv 2/3, unpriv 0: APVD = ½(0 − 2/3).
        assertThat(r.classification(AVERAGE_PREDICTIVE_VALUE_DIFFERENCE).orElseThrow().between())
                .isCloseTo(-1.0 / 3, within(1e-15));
        assertThat(r.classification(ERROR_RATE).orElseThrow().privileged()).isCloseTo(3.0 / 5, within(1e-15));
        // no score column: the score is the prediction indicator, so GTP = TP.
        assertThat(r.classification(NUM_GENERALIZED_TRUE_POSITIVES).orElseThrow().overall()).isEqualTo(2.0);
        assertThat(r.undefined()).isEmpty();
    }

    @Test
    void smoothedEdfNamesTheWorstPair() {
        FairnessReport r = report();
        // intersections (sex, race): {1,a}: W 2, pos 1; {1,b}: W 3, pos 2; {0,a}: W 3, pos 1; {0,b}: W 3, pos 0.
        // K = 2 label values, alpha = 1/2: rates (1.5/3, 2.5/4, 1.5/4, 0.5/4) = (0.5, 0.625, 0.375, 0.125).
        // favorable log-ratio ln(0.625/0.125) = ln 5; unfavorable ln(0.875/0.375) < ln 5.
        DifferentialFairness.Result edf = r.differentialFairness();
        assertThat(edf.epsilon()).isCloseTo(Math.log(5), within(1e-15));
        assertThat(edf.higher()).isEqualTo("{sex=1, race=b}");
        assertThat(edf.lower()).isEqualTo("{sex=0, race=b}");
        // selection rates: {1,a} 1/2, {1,b} 1/3, {0,a} 1/3, {0,b} 1/3; each of the last three against the rest
        // (3/8) is −1/24, a tie: the first in sorted order is named.
        assertThat(r.intersectional().worstGroup()).isEqualTo("{sex=0, race=a}");
        assertThat(r.intersectional().groups().get(3).group()).isEqualTo("{sex=1, race=b}");
        assertThat(r.intersectional().groups().get(3).rateDifference()).isCloseTo(1.0 / 3 - 3.0 / 8, within(1e-15));
    }

    @Test
    void zeroDenominatorIsNaNWithAReason() {
        // the unprivileged group predicts nothing favorable: PPV = TP/(TP+FP) = 0/0 (AIF360 would say 0).
        Table t = Table.of(LongColumn.of("g", 1, 1, 0, 0), LongColumn.of("y", 1, 0, 1, 0), LongColumn.of("p", 1, 0, 0, 0));
        FairnessReport r = Fairness.of(t).label("y").prediction("p").privileged(Group.where("g", 1)).report();
        assertThat(r.classification(POSITIVE_PREDICTIVE_VALUE).orElseThrow().unprivileged()).isNaN();
        assertThat(r.undefined()).containsEntry("classification.positive_predictive_value.unprivileged",
                "TP + FP = 0 in the unprivileged rows (0 denominator)");
        assertThat(r.classification(POSITIVE_PREDICTIVE_VALUE_DIFFERENCE).orElseThrow().between()).isNaN();
        assertThat(r.undefined()).containsKey("classification.positive_predictive_value_difference");
    }

    @Test
    void jsonShape() throws IOException {
        JsonNode json = Json.reader().readTree(report().toJson());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);  // 2 since the optional intervals and search
        assertThat(json.get("dataset").get("base_rate").get("privileged").asDouble()).isCloseTo(0.6, within(1e-15));
        assertThat(json.get("classification").get("theil_index").isNumber()).isTrue();
        assertThat(json.get("undefined").isObject()).isTrue();
        assertThat(report().entries()).anySatisfy(e -> {
            assertThat(e.metric()).isEqualTo(BASE_RATE);
            assertThat(e.slice()).isEqualTo(FairnessSlice.PRIVILEGED);
        });
    }

    @Test
    void withoutPredictionsOnlyDatasetMetrics() {
        FairnessReport r = Fairness.of(table()).label("y").privileged(Group.where("sex", 1)).report();
        assertThat(r.classification()).isEmpty();
        assertThat(r.dataset(BASE_RATE)).isPresent();
    }

    @Test
    void consistencyOfTwoClusters(@TempDir Path dir) {
        // x clusters {0,1,2,3} and {10..13}; with k = 4 every row's neighbours are its own cluster.
        // cluster 1 labels 1,1,0,0: each |y − 0.5| = 0.5; cluster 2 labels 1,0,0,0: mean 0.25,
        // |1 − .25| + 3·|0 − .25| = 1.5. consistency = 1 − (2 + 1.5)/8.
        FairnessReport r = Fairness.of(table()).label("y").privileged(Group.where("sex", 1)).features("x").neighbors(4).report();
        assertThat(r.dataset(CONSISTENCY).orElseThrow().between()).isCloseTo(1 - 3.5 / 8, within(1e-15));
    }

    @Test
    void streamingCsvGivesTheTableNumbers(@TempDir Path dir) throws IOException {
        Path csv = table().writeCsv(dir.resolve("t.csv"));
        FairnessReport streamed = Fairness.streamingCsv(csv).label("y").prediction("yhat").weights("w")
                .privileged(Group.where("sex", 1)).protectedColumns("sex", "race").report();
        assertThat(streamed.dataset()).isEqualTo(report().dataset());
        assertThat(streamed.classification()).isEqualTo(report().classification());
        assertThat(Files.size(csv)).isPositive();
    }

    @Test
    void conditionalDemographicDisparityOnLabelsAndPredictions() {
        FairnessReport r = report();
        // aif360.sklearn CDD = Σ_i N_i·DD_i / Σ N_i, DD_i = N_{i,−}/N_− − N_{i,+}/N_+, weighted, over (sex, race).
        // labels: {1,a} pos 1 neg 1 (N 2), {1,b} pos 2 neg 1 (N 3), {0,a} pos 1 neg 2 (N 3), {0,b} pos 0 neg 3 (N 3);
        // N_+ = 4, N_− = 7: DD = −3/28, −5/14, 1/28, 3/7 → (2·(−3) − 3·10 + 3·1 + 3·12)/28/11 = 3/308.
        assertThat(r.dataset(CONDITIONAL_DEMOGRAPHIC_DISPARITY).orElseThrow().between()).isCloseTo(3.0 / 308, within(1e-15));
        // predictions: {1,a} pos 1 neg 1, the other three pos 1 neg 2 (weights 1 and 2); N_+ = 4, N_− = 7:
        // DD = −3/28, then 1/28 three times → (2·(−3) + 3·3·1)/28/11 = 3/308 (the group sizes N_i stay those of the rows).
        assertThat(r.classification(CONDITIONAL_DEMOGRAPHIC_DISPARITY).orElseThrow().between())
                .isCloseTo(3.0 / 308, within(1e-15));
    }

    @Test
    void biasAmplificationIsPredictionEdfMinusLabelEdf() {
        FairnessReport r = report();
        // labels: ε = ln 5 (smoothedEdfNamesTheWorstPair). Predictions, weighted positives / N per (sex, race):
        // 1/2, 1/3, 1/3, 1/3; K = 2, α = 1/2: (1.5/3, 1.5/4, 1.5/4, 1.5/4) = (0.5, 0.375, 0.375, 0.375);
        // favorable ln(0.5/0.375) = ln(4/3) > unfavorable ln(0.625/0.5) = ln(5/4). Amplification = ln(4/3) − ln 5.
        assertThat(r.differentialFairnessPredictions().orElseThrow().epsilon()).isCloseTo(Math.log(4.0 / 3), within(1e-15));
        assertThat(r.classification(DIFFERENTIAL_FAIRNESS_BIAS_AMPLIFICATION).orElseThrow().between())
                .isCloseTo(Math.log(4.0 / 3) - Math.log(5), within(1e-15));
    }

    @Test
    void entropyIndicesForAnyAlphaIgnoreWeights() {
        // (y, ŷ) = (1,1), (0,0), (0,1), (0,1): b = 1 + ŷ − y = [1, 1, 2, 2], μ = 3/2, b/μ = [2/3, 2/3, 4/3, 4/3].
        // Very unequal weights: AIF360's entropy indices ignore them, so must we.
        Table t = Table.of(LongColumn.of("g", 1, 0, 1, 0), LongColumn.of("y", 1, 0, 0, 0), LongColumn.of("p", 1, 0, 1, 1),
                DoubleColumn.of("w", 1, 5, 2, 7));
        Fairness f = Fairness.of(t).label("y").prediction("p").weights("w").privileged(Group.where("g", 1));
        FairnessStatistics s = f.statistics();
        // GE(0) = −1/n Σ ln(b/μ)/μ (AIF360 divides by μ) = −(2 ln(2/3) + 2 ln(4/3)) / (4 · 3/2) = ln(81/64)/6.
        assertThat(EntropyIndices.generalizedEntropyIndex(s, 0)).isCloseTo(Math.log(81.0 / 64) / 6, within(1e-15));
        // GE(1) = 1/n Σ (b/μ) ln(b/μ) = (1/3) ln(2/3) + (2/3) ln(4/3).
        double theil = Math.log(2.0 / 3) / 3 + 2 * Math.log(4.0 / 3) / 3;
        assertThat(EntropyIndices.generalizedEntropyIndex(s, 1)).isCloseTo(theil, within(1e-15));
        // GE(2) = 1/(n·2) Σ [(b/μ)² − 1] = (2·4/9 + 2·16/9 − 4)/8 = 1/18.
        assertThat(EntropyIndices.generalizedEntropyIndex(s, 2)).isCloseTo(1.0 / 18, within(1e-15));
        // GE(1/2) = 1/(n·(1/2)(−1/2)) Σ [(b/μ)^½ − 1] = 4 − 2√(2/3) − 2√(4/3).
        assertThat(EntropyIndices.generalizedEntropyIndex(s, 0.5))
                .isCloseTo(4 - 2 * Math.sqrt(2.0 / 3) - 2 * Math.sqrt(4.0 / 3), within(1e-15));
        FairnessReport r = f.report();
        assertThat(r.classification(THEIL_INDEX).orElseThrow().between()).isCloseTo(theil, within(1e-15));
        assertThat(r.classification(GENERALIZED_ENTROPY_INDEX).orElseThrow().between()).isCloseTo(1.0 / 18, within(1e-15));
        // between groups: g=1 rows b = 1, 2 (mean 3/2), g=0 rows b = 1, 2 (mean 3/2): every b_i = μ, so 0.
        assertThat(r.classification(BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX).orElseThrow().between()).isZero();
    }
}
