package org.trustml.cli;

import org.trustml.core.InvalidInputException;
import org.trustml.drift.DriftReport;
import org.trustml.fairness.FairnessReport;

/**
 * The {@code --spark MASTER} option of {@code fairness} and {@code drift}. The CLI compiles against Spark but does
 * not carry it: Spark is looked up on the class path when the option is given, and its absence is bad input
 * (exit 2) saying how to add it. Only then is {@link SparkRuns}, the one class that touches Spark's types, loaded.
 */
final class SparkSupport {
    /** The class whose presence means Spark SQL is on the class path. */
    static final String SESSION_CLASS = "org.apache.spark.sql.SparkSession";

    private SparkSupport() {}

    static FairnessReport fairness(String master, String data, FairnessCommand command) {
        requirePresent(master, SparkSupport.class.getClassLoader());
        return SparkRuns.fairness(master, data, command);
    }

    static DriftReport drift(String master, String reference, String current, DriftCommand command) {
        requirePresent(master, SparkSupport.class.getClassLoader());
        return SparkRuns.drift(master, reference, current, command);
    }

    /** Refuses {@code --spark} when {@code loader} cannot see Spark SQL. */
    static void requirePresent(String master, ClassLoader loader) {
        try {
            Class.forName(SESSION_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw InvalidInputException.problem("needs Apache Spark on the class path, and it is not there").column("--spark")
                    .value(master).expected("Spark 4 (spark-sql_2.13): set SPARK_HOME for the trustml launcher, which "
                            + "then puts $SPARK_HOME/jars on the class path, or use trustml-spark from a spark-submit "
                            + "application (docs/spark.md)").build();
        }
    }
}
