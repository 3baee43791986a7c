package org.trustml.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.evaluation.TableClassifier;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftTest;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.Group;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.Publish;
import org.trustml.tabular.TabularFixtures;

/**
 * Batch scoring of a published tabular package on Spark against the single-machine classifier of the same package:
 * the same probabilities (bit for bit) and predicted classes for 1 and 3 partitions, an empty one among them, and
 * then the fairness and drift reports of the scored DataFrame equal to those of the scored table.
 */
class SparkScoringTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path packageDir;
    private static Table applicants;

    @BeforeAll
    static void start() {
        spark = TestSpark.start();
        packageDir = TabularFixtures.run(TabularFixtures.pipeline(dir, 200, 3).then(Publish.to(dir.resolve("registry"),
                "applicants")), dir, 3).output().directory();
        // other applicants than the ones trained on (seed 11)
        applicants = Table.readCsv(TabularFixtures.applicantsCsv(dir.resolve("new"), 300, 11));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void scoresAsTheSingleMachineClassifierThenFairnessAndDriftOfThePredictions() {
        TableClassifier single = ModelPackage.open(packageDir).tabularModel().classifier();
        double[][] expected = single.probabilities(applicants);
        TestData data = TestData.of(applicants);
        SparkScoring scoring = SparkScoring.of(packageDir).batchRows(64);
        assertThat(scoring.classes()).containsExactly("no", "yes");
        for (Dataset<Row> df : List.of(data.frame(spark, 1), data.frame(spark, 120, 0, 180))) {
            List<Row> scored = scoring.score(df).collectAsList();
            assertThat(scored).hasSize(300);
            for (int i = 0; i < scored.size(); i++) {
                Row r = scored.get(i);
                assertThat(r.getDouble(r.fieldIndex("income"))).isEqualTo(applicants.doubles("income")[i]);
                assertThat(new double[] {r.getDouble(r.fieldIndex("p_no")), r.getDouble(r.fieldIndex("p_yes"))})
                        .as("row %d", i).containsExactly(expected[i]);
                assertThat(r.getString(r.fieldIndex("predicted"))).isEqualTo(List.of("no", "yes").get(Classification.argmax(expected[i])));
            }
        }
        Table scoredTable = applicants.withColumn(DoubleColumn.of("p_yes", java.util.Arrays.stream(expected).mapToDouble(p -> p[1]).toArray()))
                .withColumn(StringColumn.of("predicted", java.util.Arrays.stream(expected)
                        .map(p -> List.of("no", "yes").get(Classification.argmax(p))).toList()));
        Dataset<Row> scoredFrame = scoring.score(data.frame(spark, 3));
        String fairness = SparkFairness.of(scoredFrame).label("approved").prediction("predicted").score("p_yes")
                .favorable("yes").privileged(Group.where("sex", "M")).protectedColumns("sex", "region").report().toJson();
        JsonNumbers.assertClose(Fairness.of(scoredTable).label("approved").prediction("predicted").score("p_yes")
                .favorable("yes").privileged(Group.where("sex", "M")).protectedColumns("sex", "region").report().toJson(),
                fairness, 1e-12);
        // drift of the predictions: the first 150 scored rows against the last 150
        int[] first = java.util.stream.IntStream.range(0, 150).toArray();
        int[] last = java.util.stream.IntStream.range(150, 300).toArray();
        String driftSingle = Drift.between(scoredTable.take(first), scoredTable.take(last)).columns("p_yes", "predicted")
                .tests(DriftTest.KS, DriftTest.PSI, DriftTest.CHI_SQUARE).report().toJson();
        String driftSpark = SparkDrift.between(scoring.score(data.slice(0, 150).frame(spark, 2)),
                        scoring.score(data.slice(150, 300).frame(spark, 2)), 2)
                .columns("p_yes", "predicted").tests(DriftTest.KS, DriftTest.PSI, DriftTest.CHI_SQUARE).report().toJson();
        JsonNumbers.assertClose(driftSingle, driftSpark, 1e-12);
    }

    @Test
    void aMissingOrMistypedFeatureIsRefusedBeforeScoring() {
        Dataset<Row> df = TestData.of(applicants).frame(spark, 1);
        assertThatThrownBy(() -> SparkScoring.of(packageDir).score(df.drop("years"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'years'").hasMessageContaining("does not exist (feature column)");
        assertThatThrownBy(() -> SparkScoring.of(packageDir).score(df.withColumn("member", df.col("region"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column 'member'")
                .hasMessageContaining("has a type the model cannot take");
        assertThatThrownBy(() -> SparkScoring.of(packageDir).predictedColumn("sex").score(df))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column 'sex'").hasMessageContaining("already exists");
    }
}
