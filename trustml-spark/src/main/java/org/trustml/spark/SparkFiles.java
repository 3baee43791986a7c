package org.trustml.spark;

import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.trustml.core.InvalidInputException;

/**
 * Reads a table for the checks, by its name: Parquet ({@code .parquet}, or a directory of Parquet parts, as
 * Spark writes them), CSV ({@code .csv}: a header line, comma-separated, UTF-8, column types inferred as
 * Spark infers them — integers, doubles, booleans, text), or JSON Lines ({@code .jsonl}, {@code .json}).
 * Any location Spark reads ({@code hdfs://}, {@code s3a://}, a local path). An empty CSV cell is null
 * (missing). Malformed CSV or JSON rows fail the read ({@code FAILFAST}) instead of becoming nulls.
 */
public final class SparkFiles {
    private SparkFiles() {}

    /** The table at {@code location}. */
    public static Dataset<Row> read(SparkSession spark, String location) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(location, "location");
        String name = location.toLowerCase(Locale.ROOT);
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.endsWith(".csv")) {
            return spark.read().option("header", "true").option("inferSchema", "true").option("mode", "FAILFAST")
                    .option("encoding", "UTF-8").csv(location);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return spark.read().option("mode", "FAILFAST").json(location);
        }
        if (name.endsWith(".parquet") || !name.substring(name.lastIndexOf('/') + 1).contains(".")) {
            return spark.read().parquet(location);
        }
        throw InvalidInputException.problem("is not a table Spark reads here").value(location)
                .expected("a .csv, .parquet (file or directory), .jsonl or .json location").build();
    }
}
