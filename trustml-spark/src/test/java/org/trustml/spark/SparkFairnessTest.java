package org.trustml.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.FairnessOptions;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;

/**
 * The Spark path against the single-machine path ({@link Fairness#of} on a {@code Table} of the same rows in the
 * same order): the whole report, as JSON, for several partitionings. With small integer weights and scores that
 * are multiples of 1/16 every sum is exact whatever the order, so the reports must be identical to the last
 * bit; with arbitrary doubles they must agree to 1e-12 relative.
 */
class SparkFairnessTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static <T extends FairnessOptions<T>> T full(T options) {
        return options.label("y").prediction("yhat").score("p").weights("w").privileged(Group.where("sex", 1))
                .protectedColumns("sex", "race", "age");
    }

    private static String single(TestData data, UnaryOperator<Fairness> options) {
        return options.apply(Fairness.of(data.table())).report().toJson();
    }

    private static String spark(Dataset<Row> df, UnaryOperator<SparkFairness> options) {
        return options.apply(SparkFairness.of(df)).report().toJson();
    }

    @Test
    void sameReportForEveryPartitioning() {
        TestData data = TestData.fairness(7, 600, true);
        String expected = single(data, SparkFairnessTest::full);
        assertThat(expected).contains("equal_opportunity_difference").contains("worstGroup");
        for (int partitions : new int[] {1, 3, 17}) {
            assertThat(spark(data.frame(spark, partitions), SparkFairnessTest::full)).as("%d partitions", partitions)
                    .isEqualTo(expected);
        }
        // skewed, with empty partitions first, in the middle and last
        assertThat(spark(data.frame(spark, 0, 550, 0, 1, 0, 49, 0), SparkFairnessTest::full)).isEqualTo(expected);
    }

    @Test
    void arbitraryWeightsAndScoresAgreeTo1e12() {
        TestData data = TestData.fairness(11, 800, false);
        String expected = single(data, SparkFairnessTest::full);
        for (int partitions : new int[] {1, 3, 17}) {
            JsonNumbers.assertClose(expected, spark(data.frame(spark, partitions), SparkFairnessTest::full), 1e-12);
        }
    }

    @Test
    void intersectionalGroupsAndTheWorstGroup() {
        TestData data = TestData.fairness(3, 400, true);
        FairnessReport single = full(Fairness.of(data.table())).report();
        FairnessReport onSpark = full(SparkFairness.of(data.frame(spark, 3))).report();
        // 2 sexes × 3 races × 3 age groups, all present in 400 seeded rows
        assertThat(onSpark.intersectional().groups()).hasSize(18).isEqualTo(single.intersectional().groups());
        assertThat(onSpark.intersectional().worstGroup()).isNotEmpty().isEqualTo(single.intersectional().worstGroup());
        assertThat(onSpark.differentialFairnessPredictions()).isEqualTo(single.differentialFairnessPredictions());
    }

    @Test
    void multiclassGroupsOfTwoColumnsAndNoPrediction() {
        TestData data = TestData.fairness(5, 300, true);
        UnaryOperator<Fairness> single = f -> f.label("race").prediction("age").weights("w").oneVsRest("white")
                .privileged(Group.where("sex", 1).and("y", 1)).unprivileged(Group.where("sex", 0));
        assertThat(spark(data.frame(spark, 3), f -> f.label("race").prediction("age").weights("w").oneVsRest("white")
                .privileged(Group.where("sex", 1).and("y", 1)).unprivileged(Group.where("sex", 0))))
                .isEqualTo(single(data, single));
        assertThat(spark(data.frame(spark, 2), f -> f.label("y").privileged(Group.where("race", "white"))))
                .isEqualTo(single(data, f -> f.label("y").privileged(Group.where("race", "white"))));
    }

    @Test
    void consistencyOnEveryRowEqualsTheSingleMachineValue() {
        TestData data = TestData.fairness(13, 500, true);
        FairnessReport single = full(Fairness.of(data.table())).features("a", "b").report();
        FairnessReport onSpark = full(SparkFairness.of(data.frame(spark, 3))).features("a", "b").report();
        assertThat(onSpark.dataset(FairnessMetric.CONSISTENCY)).isPresent().isEqualTo(single.dataset(FairnessMetric.CONSISTENCY));
        assertThat(onSpark.toJson()).isEqualTo(single.toJson());
    }

    @Test
    void consistencyAboveTheLimitUsesASampleThatIgnoresPartitioningAndOrder() {
        TestData data = TestData.fairness(17, 700, true);
        SparkFairness a = full(SparkFairness.of(data.frame(spark, 1))).features("a", "b").consistencyRows(200).seed(3);
        SparkFairness b = full(SparkFairness.of(data.shuffled(5).frame(spark, 0, 300, 5, 395))).features("a", "b")
                .consistencyRows(200).seed(3);
        double ca = a.report().dataset(FairnessMetric.CONSISTENCY).orElseThrow().between();
        assertThat(a.consistencySampled(700)).isTrue();
        assertThat(b.report().dataset(FairnessMetric.CONSISTENCY).orElseThrow().between()).isEqualTo(ca);
        // a different seed draws another sample
        double other = full(SparkFairness.of(data.frame(spark, 1))).features("a", "b").consistencyRows(200).seed(4).report()
                .dataset(FairnessMetric.CONSISTENCY).orElseThrow().between();
        assertThat(ca).isBetween(0.0, 1.0);
        assertThat(other).isNotEqualTo(ca);
    }

    /** Runs both paths on the same rows and expects the same refusal. */
    private static void sameRefusal(TestData data, UnaryOperator<Fairness> single, UnaryOperator<SparkFairness> onSpark,
                                    String message) {
        assertThatThrownBy(() -> single.apply(Fairness.of(data.table())).report()).isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> onSpark.apply(SparkFairness.of(data.frame(spark, 0, 100, 3, 97))).report())
                .isInstanceOf(InvalidInputException.class).hasMessage(message);
    }

    @Test
    void missingValuesAreRefusedAsTheTablePathRefusesThem() {
        TestData data = TestData.fairness(19, 200, true);
        sameRefusal(data.with(150, "y", null), SparkFairnessTest::full, SparkFairnessTest::full,
                "row 151, column 'y': is missing (expected a value)");
        sameRefusal(data.with(42, "race", null).with(10, "yhat", null), SparkFairnessTest::full, SparkFairnessTest::full,
                "row 43, column 'race': is missing (expected a value)");
        // a missing weight in a double column is NaN, an invalid weight; a missing score is not a score
        sameRefusal(data.with(120, "w", null).with(180, "p", null), SparkFairnessTest::full, SparkFairnessTest::full,
                "row 121, column 'w': value 'NaN' is not a valid instance weight (expected a finite number >= 0)");
        sameRefusal(data.with(180, "p", 1.5), SparkFairnessTest::full, SparkFairnessTest::full,
                "row 181, column 'p': value '1.5' is not a score in [0, 1] (expected the probability of the favorable "
                        + "label, 0 <= score <= 1)");
        sameRefusal(data.with(99, "w", -2.0), SparkFairnessTest::full, SparkFairnessTest::full,
                "row 100, column 'w': value '-2' is not a valid instance weight (expected a finite number >= 0)");
    }

    @Test
    void badLabelsGroupsAndColumnsAreRefusedAsTheTablePathRefusesThem() {
        TestData data = TestData.fairness(23, 200, true);
        sameRefusal(data.with(77, "yhat", 2L), SparkFairnessTest::full, SparkFairnessTest::full,
                "row 78, column 'yhat': value '2' is neither the favorable nor the unfavorable label (expected 1 "
                        + "(favorable) or 0 (unfavorable); use multiclass mode for more label values)");
        sameRefusal(data, f -> full(f).privileged(Group.where("sex", 7)), f -> full(f).privileged(Group.where("sex", 7)),
                "column 'sex': value '7' matches no row, so the privileged group {sex=7} is empty (expected a value "
                        + "present in the column: 0, 1)");
        sameRefusal(data, f -> full(f).unprivileged(Group.where("race", "white")),
                f -> full(f).unprivileged(Group.where("race", "white")),
                messageOf(() -> full(Fairness.of(data.table())).unprivileged(Group.where("race", "white")).report()));
        sameRefusal(data, f -> full(f).weights("weight"), f -> full(f).weights("weight"),
                messageOf(() -> full(Fairness.of(data.table())).weights("weight").report()));
    }

    @Test
    void anEmptyDataFrameHasNoRows() {
        TestData none = TestData.fairness(1, 2, true);
        Dataset<Row> empty = none.frame(spark, 2).limit(0);
        assertThatThrownBy(() -> full(SparkFairness.of(empty)).report()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no rows");
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no refusal");
    }
}
