package org.trustml.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.trustml.core.InvalidInputException;
import org.trustml.drift.DriftReport;
import org.trustml.drift.spi.DriftData;
import org.trustml.fairness.FairnessReport;
import org.trustml.spark.SparkDrift;
import org.trustml.spark.SparkFairness;
import org.trustml.spark.SparkFiles;

/**
 * Runs {@code fairness} and {@code drift} on Spark: a session with the given master (stopped at the end), the
 * tables read with {@link SparkFiles}, the command's own options applied to {@link SparkFairness} /
 * {@link SparkDrift}. On a cluster (any master but {@code local…}) the jars of trustml-spark, -drift and -core
 * are shipped to the executors ({@code spark.jars}), which run trustml-spark's per-partition code. Loaded only
 * after {@link SparkSupport} found Spark.
 */
final class SparkRuns {
    private SparkRuns() {}

    static FairnessReport fairness(String master, String data, FairnessCommand command) {
        SparkSession spark = session(master, "trustml fairness");
        try {
            SparkFairness fairness = command.configure(SparkFairness.of(SparkFiles.read(spark, data)));
            FairnessReport report = fairness.report();
            if (!report.spec().features().isEmpty() && fairness.consistencySampled(report.rows())) {
                command.spec.commandLine().getErr().println("trustml: consistency (k-NN) on a seeded sample of "
                        + SparkFairness.DEFAULT_CONSISTENCY_ROWS + " of " + report.rows() + " rows (docs/spark.md)");
            }
            return report;
        } finally {
            spark.stop();
        }
    }

    static DriftReport drift(String master, String reference, String current, DriftCommand command) {
        SparkSession spark = session(master, "trustml drift");
        try {
            return command.configure(SparkDrift.between(SparkFiles.read(spark, reference), SparkFiles.read(spark, current)))
                    .report();
        } finally {
            spark.stop();
        }
    }

    private static SparkSession session(String master, String name) {
        // the CLI owns its process: Spark's INFO lines stay off stderr, whether Spark logs through slf4j-simple
        // (the CLI's binding) or through its own log4j2 (SPARK_HOME's jars come first)
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "org/trustml/cli/spark-log4j2.properties");
        }
        for (String logger : new String[] {"org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet"}) {
            if (System.getProperty("org.slf4j.simpleLogger.log." + logger) == null) {
                System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
            }
        }
        SparkSession.Builder builder = SparkSession.builder().master(master).appName(name);
        if (!master.startsWith("local")) {
            builder.config("spark.jars", String.join(",", jarsOf(SparkFairness.class, DriftData.class,
                    InvalidInputException.class)));
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The jar (or classes folder) each class was loaded from. */
    private static Set<String> jarsOf(Class<?>... classes) {
        Set<String> out = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            try {
                out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the jar of " + c.getName(), e);
            }
        }
        return out;
    }
}
