package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.PredictionColumns;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.table.StringColumn;

class FairnessFromPredictionsTest {
    @TempDir
    Path dir;

    // privileged (sex=M): predicted good 3 of 4; unprivileged (F): 1 of 4 (FairnessEvaluatorTest's tabular case)
    static final int[] TRUTH = {1, 1, 0, 0, 1, 1, 0, 0};
    static final int[] PREDICTED = {1, 1, 1, 0, 1, 0, 0, 0};

    static Predictions credit() {
        double[][] p = new double[8][];
        for (int i = 0; i < 8; i++) {
            p[i] = PREDICTED[i] == 1 ? new double[] {0.3, 0.7} : new double[] {0.6, 0.4};
        }
        return Predictions.builder(List.of("bad", "good")).truth(TRUTH).predicted(PREDICTED).probabilities(p)
                .attribute(StringColumn.of("sex", "M", "M", "M", "M", "F", "F", "F", "F")).build();
    }

    @Test
    void predictionsFromAnywhereGiveAif360sNumbers() {
        FairnessEvaluator fairness = FairnessEvaluator.of("good", Group.where("sex", "M"), "sex");
        FairnessReport r = fairness.report(credit());
        // statistical_parity_difference = P(good | F) - P(good | M) = 1/4 - 3/4, by hand
        assertThat(r.metric("statistical_parity_difference")).get().extracting(v -> v.value()).isEqualTo(-0.5);
        // equal_opportunity_difference = TPR(F) - TPR(M) = 1/2 - 2/2, by hand
        assertThat(r.metric("equal_opportunity_difference")).get().extracting(v -> v.value()).isEqualTo(-0.5);
        assertThat(fairness.evaluate(credit(), null)).isEqualTo(r);
    }

    @Test
    void aCsvOfTheSamePredictionsGivesTheSameReport() throws IOException {
        FairnessEvaluator fairness = FairnessEvaluator.of("good", Group.where("sex", "M"), "sex");
        PredictionColumns cols = PredictionColumns.of("credit", "predicted_credit");
        Path csv = credit().toTable(cols).writeCsv(dir.resolve("scored.csv"));
        assertThat(fairness.report(Predictions.readCsv(csv, cols))).isEqualTo(fairness.report(credit()));

        // without probabilities the prediction is the score (as AIF360 copies labels into scores)
        Path labelsOnly = Files.writeString(dir.resolve("labels.csv"),
                "credit,predicted_credit,sex\ngood,good,M\ngood,good,M\nbad,good,M\nbad,bad,M\n"
                        + "good,good,F\ngood,bad,F\nbad,bad,F\nbad,bad,F\n");
        FairnessReport fromLabels = fairness.report(Predictions.readCsv(labelsOnly, cols));
        assertThat(fromLabels.metric("statistical_parity_difference")).get().extracting(v -> v.value())
                .isEqualTo(-0.5);
    }

    @Test
    void aProtectedColumnTheyDoNotHaveIsNamed() {
        assertThatThrownBy(() -> FairnessEvaluator.of("good", Group.where("race", "w"), "race").report(credit()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'race': is not an attribute of the predictions (expected one of [sex])");
    }
}
