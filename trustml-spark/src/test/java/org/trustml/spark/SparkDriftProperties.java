package org.trustml.spark;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.sql.SparkSession;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftReport;
import org.trustml.drift.DriftTest;

/**
 * The Spark drift report depends neither on the partitioning nor on the row order: shuffled rows, cut into
 * input partitions and sorted into any number of range partitions, give the single-machine report — the KS
 * statistic and p-value and every decision identical, the sums (Wasserstein) to 1e-12 relative.
 */
class SparkDriftProperties {
    private static SparkSession spark;

    @BeforeContainer
    static void start() {
        spark = TestSpark.start();
    }

    @AfterContainer
    static void stop() {
        spark.stop();
    }

    @Property(tries = 6)
    void partitioningAndRowOrderDoNotChangeTheReport(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int inputPartitions,
                                                     @ForAll @IntRange(min = 1, max = 9) int sortPartitions,
                                                     @ForAll @IntRange(min = 5, max = 200) int n) {
        TestData ref = TestData.drift(seed, n, 0);
        TestData cur = TestData.drift(seed + 1, n / 2 + 3, 0.3);
        DriftTest[] tests = {DriftTest.KS, DriftTest.WASSERSTEIN, DriftTest.PSI, DriftTest.CHI_SQUARE};
        DriftReport single = Drift.between(ref.table(), cur.table()).columns("x", "t", "color").tests(tests).report();
        DriftReport onSpark = SparkDrift.between(ref.shuffled(seed).frame(spark, inputPartitions),
                cur.shuffled(seed + 2).frame(spark, Math.max(1, inputPartitions - 1)), sortPartitions)
                .columns("x", "t", "color").tests(tests).report();
        JsonNumbers.assertClose(single.toJson(), onSpark.toJson(), 1e-12);
        assertThat(onSpark.result("x", DriftTest.KS)).isEqualTo(single.result("x", DriftTest.KS));
        assertThat(onSpark.drifted()).isEqualTo(single.drifted());
    }
}
