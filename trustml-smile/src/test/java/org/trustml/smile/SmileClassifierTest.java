package org.trustml.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.table.BooleanColumn;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import smile.math.MathEx;

class SmileClassifierTest {
    /**
     * {@code n} rows from {@code seed}: x1, x2 uniform in [-1, 1], a boolean {@code flag}, {@code sex} M/F
     * alternating, and {@code label} "yes" exactly when x1 > x2 (a linear rule, so every algorithm here can
     * learn it).
     */
    static Table rows(int n, long seed) {
        Random r = new Random(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        boolean[] flag = new boolean[n];
        String[] sex = new String[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = 2 * r.nextDouble() - 1;
            x2[i] = 2 * r.nextDouble() - 1;
            flag[i] = r.nextBoolean();
            sex[i] = i % 2 == 0 ? "M" : "F";
            label[i] = x1[i] > x2[i] ? "yes" : "no";
        }
        return Table.of(DoubleColumn.of("x1", x1), DoubleColumn.of("x2", x2), BooleanColumn.of("flag", flag),
                StringColumn.of("sex", sex), StringColumn.of("label", label));
    }

    static SmileClassifierConfig config(SmileAlgorithm a) {
        return SmileClassifierConfig.logisticRegression("label", "x1", "x2", "flag").withAlgorithm(a)
                .withTrees(20, 6, 16);
    }

    @ParameterizedTest
    @EnumSource(SmileAlgorithm.class)
    void eachAlgorithmLearnsALinearRuleOnATinyTable(SmileAlgorithm a) {
        SmileClassifier model = SmileClassifier.train(rows(120, 1), config(a), 5);
        Predictions p = model.predictions(rows(200, 2));
        int right = 0;
        for (int i = 0; i < p.size(); i++) {
            right += p.truth(i) == p.predicted(i) ? 1 : 0;
        }
        // the label is the sign of x1 − x2, "yes" for half the rows, so guessing gets about 0.5; logistic
        // regression fits the line (0.925 here, λ = 0.1 pulls it), trees approximate it by axis-parallel steps (0.83-0.85)
        assertThat(right / 200.0).as(a.name()).isGreaterThan(a == SmileAlgorithm.LOGISTIC_REGRESSION ? 0.9 : 0.75);
    }

    @ParameterizedTest
    @EnumSource(SmileAlgorithm.class)
    void probabilitiesAreInZeroOneAndSumToOneAndTheirArgmaxIsThePrediction(SmileAlgorithm a) {
        SmileClassifier model = SmileClassifier.train(rows(80, 3), config(a), 5);
        Table test = rows(50, 4);
        double[][] p = model.probabilities(test);
        int[] predicted = model.predict(test);
        assertThat(p).hasDimensions(50, 2);
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i][0] + p[i][1]).isCloseTo(1.0, within(1e-9));
            assertThat(Math.min(p[i][0], p[i][1])).isGreaterThanOrEqualTo(0.0);
            if (p[i][0] != p[i][1]) {
                assertThat(predicted[i]).isEqualTo(p[i][1] > p[i][0] ? 1 : 0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SmileAlgorithm.class)
    void theSameSeedGivesTheSameProbabilitiesBitForBit(SmileAlgorithm a) {
        Table train = rows(100, 5);
        Table test = rows(40, 6);
        double[][] first = SmileClassifier.train(train, config(a).withSampling(0.1, 0.7), 11).probabilities(test);
        double[][] again = SmileClassifier.train(train, config(a).withSampling(0.1, 0.7), 11).probabilities(test);
        assertThat(again).isDeepEqualTo(first);
    }

    @Test
    void anotherSeedGrowsAnotherForest() {
        Table train = rows(100, 5);
        Table test = rows(40, 6);
        double[][] a = SmileClassifier.train(train, config(SmileAlgorithm.RANDOM_FOREST), 11).probabilities(test);
        double[][] b = SmileClassifier.train(train, config(SmileAlgorithm.RANDOM_FOREST), 12).probabilities(test);
        assertThat(Arrays.deepEquals(a, b)).isFalse();
    }

    @Test
    void trainingNeitherDrawsFromNorReseedsTheCallersSmileGenerator() {
        MathEx.setSeed(123);
        double expected = MathEx.random();
        MathEx.setSeed(123);
        SmileClassifier.train(rows(60, 7), config(SmileAlgorithm.RANDOM_FOREST), 1);
        SmileClassifier.train(rows(60, 7), config(SmileAlgorithm.GRADIENT_TREE_BOOST), 1);
        assertThat(MathEx.random()).isEqualTo(expected);
    }

    @Test
    void predictionsHaveTheClassesTruthAndEveryOtherColumnAsAttributes() {
        SmileClassifier model = SmileClassifier.train(rows(60, 8), config(SmileAlgorithm.LOGISTIC_REGRESSION), 1);
        Table test = rows(30, 9);
        Predictions p = model.predictions(test);
        assertThat(model.classes()).containsExactly("no", "yes");
        assertThat(p.classes()).isEqualTo(model.classes());
        assertThat(p.size()).isEqualTo(30);
        assertThat(p.hasProbabilities()).isTrue();
        assertThat(p.attributes().columnNames()).containsExactly("x1", "x2", "flag", "sex");
        assertThat(p.predicted()).isEqualTo(model.predict(test));
        assertThat(p.probabilities()).isDeepEqualTo(model.probabilities(test));
        for (int i = 0; i < 30; i++) {
            assertThat(model.classes().get(p.truth(i))).isEqualTo(test.column("label").format(i));
        }
    }

    @Test
    void theRowModelForLimeGivesWhatTheTableGives() {
        SmileClassifier model = SmileClassifier.train(rows(60, 8), config(SmileAlgorithm.RANDOM_FOREST), 1);
        Table test = rows(10, 10);
        List<double[]> featureRows = Arrays.asList(model.featureRows(test));
        assertThat(model.rowProbabilities(featureRows)).isDeepEqualTo(model.probabilities(test));
        assertThat(model.featureRows(test)[0]).containsExactly(test.doubles("x1")[0], test.doubles("x2")[0],
                test.booleans("flag")[0] ? 1 : 0);
        assertThatThrownBy(() -> model.rowProbabilities(List.of(new double[] {1, 2})))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("row 1")
                .hasMessageContaining("3 values, one per feature");
    }

    @Test
    void theProbabilityTableHasOneColumnPerClass() {
        SmileClassifier model = SmileClassifier.train(rows(60, 8), config(SmileAlgorithm.LOGISTIC_REGRESSION), 1);
        Table test = rows(10, 10);
        Table scores = model.probabilityTable(test);
        assertThat(scores.columnNames()).containsExactly("p_no", "p_yes");
        assertThat(scores.doubles("p_yes")[3]).isEqualTo(model.probabilities(test)[3][1]);
        assertThat(model.featureTable(test).columnNames()).containsExactly("x1", "x2", "flag");
    }

    @Test
    void anAbsentColumnIsRefusedByName() {
        Table t = rows(20, 1);
        assertThatThrownBy(() -> SmileClassifier.train(t,
                SmileClassifierConfig.logisticRegression("label", "x1", "x3"), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'x3'")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SmileClassifier.train(t, SmileClassifierConfig.logisticRegression("target", "x1"), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'target'");
    }

    @Test
    void aTextFeatureIsRefusedByName() {
        assertThatThrownBy(() -> SmileClassifier.train(rows(20, 1),
                SmileClassifierConfig.randomForest("label", "x1", "sex"), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'sex'")
                .hasMessageContaining("numeric or boolean feature column");
    }

    @Test
    void aMissingOrInfiniteFeatureIsRefusedByRowAndColumn() {
        Table t = rows(20, 1);
        Table missing = t.withColumn(DoubleColumn.of("x2", withValue(t.doubles("x2"), 6, Double.NaN)));
        assertThatThrownBy(() -> SmileClassifier.train(missing, config(SmileAlgorithm.LOGISTIC_REGRESSION), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("row 7").hasMessageContaining("'x2'")
                .hasMessageContaining("is missing");
        Table infinite = t.withColumn(DoubleColumn.of("x1", withValue(t.doubles("x1"), 0, Double.POSITIVE_INFINITY)));
        SmileClassifier model = SmileClassifier.train(t, config(SmileAlgorithm.LOGISTIC_REGRESSION), 1);
        assertThatThrownBy(() -> model.predictions(infinite))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("row 1").hasMessageContaining("'x1'")
                .hasMessageContaining("infinite");
    }

    @Test
    void aMissingOrUnknownLabelIsRefusedByRow() {
        Table t = rows(20, 1);
        String[] labels = new String[20];
        Arrays.fill(labels, "yes");
        labels[4] = "maybe";
        SmileClassifier model = SmileClassifier.train(t, config(SmileAlgorithm.LOGISTIC_REGRESSION), 1);
        assertThatThrownBy(() -> model.predictions(t.withColumn(StringColumn.of("label", labels))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("row 5").hasMessageContaining("'label'")
                .hasMessageContaining("maybe").hasMessageContaining("[no, yes]");
        labels[4] = null;
        assertThatThrownBy(() -> SmileClassifier.train(t.withColumn(StringColumn.of("label", labels)),
                config(SmileAlgorithm.LOGISTIC_REGRESSION), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("row 5").hasMessageContaining("is missing");
        labels[4] = "yes";
        assertThatThrownBy(() -> SmileClassifier.train(t.withColumn(StringColumn.of("label", labels)),
                config(SmileAlgorithm.LOGISTIC_REGRESSION), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 class(es)");
    }

    @Test
    void theConfigurationRefusesWhatSmileWouldReject() {
        assertThatThrownBy(() -> SmileClassifierConfig.randomForest("label", "x1", "label"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is also a feature");
        assertThatThrownBy(() -> config(SmileAlgorithm.GRADIENT_TREE_BOOST).withSampling(0, 0.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'shrinkage'");
        assertThatThrownBy(() -> config(SmileAlgorithm.RANDOM_FOREST).withTrees(10, 1, 8))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'maxDepth'");
        assertThatThrownBy(() -> config(SmileAlgorithm.LOGISTIC_REGRESSION).withLambda(-1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'lambda'");
    }

    private static double[] withValue(double[] values, int row, double v) {
        double[] out = values.clone();
        out[row] = v;
        return out;
    }
}
