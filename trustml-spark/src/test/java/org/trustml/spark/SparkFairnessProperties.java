package org.trustml.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.sql.SparkSession;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.Group;

/**
 * The Spark report depends neither on the partitioning nor on the row order: the rows of the single-machine
 * table, shuffled and cut into random partitions (some empty), give the same report. Weights are small
 * integers and scores multiples of 1/16, so the reports must be identical, not merely close.
 */
class SparkFairnessProperties {
    private static SparkSession spark;

    @BeforeContainer
    static void start() {
        spark = TestSpark.start();
    }

    @AfterContainer
    static void stop() {
        spark.stop();
    }

    @Property(tries = 8)
    void partitioningAndRowOrderDoNotChangeTheReport(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int partitions,
                                                     @ForAll @IntRange(min = 20, max = 200) int n) {
        TestData data = TestData.fairness(seed, n, true);
        String expected = Fairness.of(data.table()).label("y").prediction("yhat").score("p").weights("w")
                .privileged(Group.where("sex", 1)).protectedColumns("sex", "race").report().toJson();
        Random r = new Random(seed);
        int[] sizes = new int[partitions];
        for (int i = 0; i < n; i++) {
            // skewed: partition k takes rows with probability proportional to 2^k; some stay empty
            sizes[Math.min(partitions - 1, Integer.numberOfTrailingZeros(r.nextInt() | (1 << (partitions - 1))))]++;
        }
        String actual = SparkFairness.of(data.shuffled(seed + 1).frame(spark, sizes)).label("y").prediction("yhat")
                .score("p").weights("w").privileged(Group.where("sex", 1)).protectedColumns("sex", "race").report().toJson();
        assertThat(actual).isEqualTo(expected);
    }
}
