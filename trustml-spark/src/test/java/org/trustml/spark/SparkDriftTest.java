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
import org.trustml.drift.Correction;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftCheck;
import org.trustml.drift.DriftReport;
import org.trustml.drift.DriftTest;
import org.trustml.drift.PsiBinning;
import org.trustml.drift.TestResult;
import org.trustml.spark.internal.SparkDriftData;

/**
 * The Spark path against the single-machine path ({@link Drift#between} on tables of the same rows): the whole
 * report, as JSON, for several input partitionings and numbers of sort partitions. The KS statistic and its
 * p-value, counts, bins, chi-square and the decisions must be identical; Wasserstein, the reference standard
 * deviation and the Cramér–von Mises statistic are sums of partial sums and must agree to 1e-12 relative.
 */
class SparkDriftTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /**
     * Compares the reports. {@code distributed}: every pass over the sorted runs runs on the executors
     * (otherwise columns this small are finished on the driver, {@link SparkDrift#LOCAL_RUNS}).
     */
    private static void same(TestData ref, TestData cur, UnaryOperator<DriftCheck> options, int[] refSizes, int[] curSizes,
                             int sortPartitions, boolean distributed) {
        DriftReport single = options.apply(Drift.between(ref.table(), cur.table())).report();
        Dataset<Row> refFrame = ref.frame(spark, refSizes);
        Dataset<Row> curFrame = cur.frame(spark, curSizes);
        DriftCheck check = distributed ? Drift.between(new SparkDriftData(refFrame, curFrame, sortPartitions, 0))
                : SparkDrift.between(refFrame, curFrame, sortPartitions);
        DriftReport onSpark = options.apply(check).report();
        JsonNumbers.assertClose(single.toJson(), onSpark.toJson(), 1e-12);
        assertThat(onSpark.drifted()).isEqualTo(single.drifted());
        assertThat(onSpark.driftedColumns()).isEqualTo(single.driftedColumns());
        for (var column : single.columns()) {
            for (TestResult t : column.tests()) {
                TestResult s = onSpark.result(column.column(), t.test()).orElseThrow();
                assertThat(s.drifted()).as("%s %s", column.column(), t.test()).isEqualTo(t.drifted());
                if (t.test() == DriftTest.KS || t.test() == DriftTest.CHI_SQUARE || t.test() == DriftTest.PSI) {
                    assertThat(s.statistic()).as("%s %s statistic", column.column(), t.test()).isEqualTo(t.statistic());
                    assertThat(s.score()).as("%s %s", column.column(), t.test()).isEqualTo(t.score());
                }
            }
        }
    }

    private static int[] even(TestData data, int partitions) {
        int[] sizes = new int[partitions];
        for (int p = 0; p < partitions; p++) {
            sizes[p] = data.size() * (p + 1) / partitions - data.size() * p / partitions;
        }
        return sizes;
    }

    @Test
    void defaultTestsOnSmallTablesForEveryPartitioning() {
        // reference <= 1000 rows: KS for x and e, chi-square for t, color; z for flag (Evidently's choice)
        TestData ref = TestData.drift(1, 300, 0);
        TestData cur = TestData.drift(2, 250, 0.4);
        for (int p : new int[] {1, 3, 17}) {
            same(ref, cur, c -> c.label("y"), even(ref, p), even(cur, Math.max(1, p - 1)), p, false);
        }
        // skewed input, empty partitions, more sort partitions than distinct values of t; passes on the executors
        same(ref, cur, c -> c.label("y"), new int[] {0, 290, 0, 10}, new int[] {250, 0}, 17, true);
    }

    @Test
    void everyTestWithBothBinningsAndEveryCorrection() {
        TestData ref = TestData.drift(3, 400, 0);
        TestData cur = TestData.drift(4, 350, 0.2);
        DriftTest[] all = {DriftTest.KS, DriftTest.CRAMER_VON_MISES, DriftTest.WASSERSTEIN, DriftTest.PSI,
                DriftTest.JENSEN_SHANNON, DriftTest.CHI_SQUARE, DriftTest.CHI_SQUARE_GOODNESS_OF_FIT, DriftTest.Z};
        same(ref, cur, c -> c.tests(all).correction(Correction.FDR), even(ref, 3), even(cur, 2), 3, true);
        same(ref, cur, c -> c.tests(all).correction(Correction.BONFERRONI), even(ref, 3), even(cur, 2), 3, false);
        same(ref, cur, c -> c.tests(all).binning(PsiBinning.EVIDENTLY, 10).categorical("t").correction(Correction.SHARE),
                even(ref, 2), even(cur, 3), 5, true);
        same(ref, cur, c -> c.tests(DriftTest.PSI, DriftTest.JENSEN_SHANNON).binning(PsiBinning.QUANTILE, 7)
                .columns("x", "e", "t"), even(ref, 4), even(cur, 1), 2, false);
    }

    @Test
    void largeReferenceUsesDistancesAndTheAsymptoticKs() {
        // reference > 1000 rows: Wasserstein / Jensen–Shannon by default; max(n, m) > 10000: asymptotic KS p-value
        TestData ref = TestData.drift(5, 10_500, 0);
        TestData cur = TestData.drift(6, 1_200, 0.05);
        same(ref, cur, c -> c, even(ref, 3), even(cur, 2), 4, false);
        same(ref, cur, c -> c.tests(DriftTest.KS).columns("x", "e"), even(ref, 2), even(cur, 3), 3, true);
        DriftReport r = SparkDrift.between(ref.frame(spark, 2), cur.frame(spark, 1), 3).tests(DriftTest.KS).columns("x")
                .report();
        assertThat(r.result("x", DriftTest.KS).orElseThrow().method()).hasValue("asymptotic");
    }

    @Test
    void missingValuesAreLeftOutAndCounted() {
        TestData ref = TestData.drift(7, 200, 0).with(3, "x", null).with(4, "color", null).with(5, "flag", null);
        TestData cur = TestData.drift(8, 150, 0).with(0, "x", null).with(149, "t", null);
        same(ref, cur, c -> c.tests(DriftTest.KS, DriftTest.CHI_SQUARE), even(ref, 3), even(cur, 2), 3, false);
        DriftReport r = SparkDrift.between(ref.frame(spark, 2), cur.frame(spark, 2), 2).report();
        assertThat(r.column("x").orElseThrow().referenceMissing()).isEqualTo(1);
        assertThat(r.column("x").orElseThrow().currentMissing()).isEqualTo(1);
        assertThat(r.column("color").orElseThrow().referenceMissing()).isEqualTo(1);
        assertThat(r.column("e").orElseThrow().referenceMissing()).isEqualTo(ref.rows().stream().filter(row -> row[2] == null).count());
    }

    @Test
    void badInputIsRefusedAsInOneJvm() {
        TestData ref = TestData.drift(9, 50, 0);
        TestData cur = TestData.drift(10, 40, 0);
        TestData blank = cur;
        for (int i = 0; i < cur.size(); i++) {
            blank = blank.with(i, "x", null);
        }
        TestData noX = blank;
        String message = messageOf(() -> Drift.between(ref.table(), noX.table()).tests(DriftTest.KS).report());
        assertThatThrownBy(() -> SparkDrift.between(ref.frame(spark, 1), noX.frame(spark, 2), 2).tests(DriftTest.KS).report())
                .isInstanceOf(InvalidInputException.class).hasMessage(message);
        String missingColumn = messageOf(() -> Drift.between(ref.table(), cur.table()).columns("x", "nope").report());
        assertThatThrownBy(() -> SparkDrift.between(ref.frame(spark, 1), cur.frame(spark, 1)).columns("x", "nope").report())
                .isInstanceOf(InvalidInputException.class).hasMessage(missingColumn);
        assertThatThrownBy(() -> SparkDrift.between(ref.frame(spark, 1), cur.frame(spark, 1)).tests(DriftTest.MMD).report())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs the rows of both tables in memory");
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
