package org.trustml.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local[2], no UI, few shuffle partitions; one session per test class, stopped after it. */
final class TestSpark {
    private TestSpark() {}

    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("trustml-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }
}
