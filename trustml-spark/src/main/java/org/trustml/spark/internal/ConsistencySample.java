package org.trustml.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.trustml.fairness.Consistency;
import org.trustml.fairness.FairnessSpec;

/**
 * k-NN consistency, the one fairness metric that needs rows, computed on the driver with the fairness
 * module's {@link Consistency}. With at most {@code maxRows} rows every row is collected in the DataFrame's
 * order, so the value equals the {@code Table} path's (ties in distance go to the lower row, as there).
 * Above that, on a sample of exactly {@code maxRows} rows: those with the smallest 64-bit xxHash of their
 * features, label and the seed, in that order (ties by value), so the sample depends on the rows' values and
 * the seed only, never on the partitioning or the row order.
 */
public final class ConsistencySample {
    private ConsistencySample() {}

    /** Consistency of {@code rows} rows (known from the aggregation) of {@code df}. */
    public static double of(Dataset<Row> df, FairnessSpec spec, long rows, int maxRows, long seed) {
        List<String> features = spec.features();
        int d = features.size();
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            cols.add(SparkColumns.column(features.get(j)).cast("double").as("f" + j));
        }
        cols.add(SparkColumns.column(spec.label()).as("y"));
        Dataset<Row> selected = df.select(cols.toArray(Column[]::new));
        List<Row> collected;
        if (rows <= maxRows) {
            collected = selected.collectAsList();
        } else {
            Column[] hashed = new Column[d + 2];
            for (int j = 0; j <= d; j++) {
                hashed[j] = col(j < d ? "f" + j : "y");
            }
            hashed[d + 1] = lit(seed);
            List<Column> order = new ArrayList<>();
            order.add(col("h"));
            for (int j = 0; j <= d; j++) {
                order.add(hashed[j]);
            }
            collected = selected.withColumn("h", xxhash64(hashed)).orderBy(order.toArray(Column[]::new))
                    .limit(maxRows).collectAsList();
        }
        int n = collected.size();
        double[] x = new double[n * d];
        boolean[] favorable = new boolean[n];
        for (int i = 0; i < n; i++) {
            Row r = collected.get(i);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = r.getDouble(j);
            }
            favorable[i] = spec.labels().favorable().contains(SparkColumns.canonical(r.get(d)));
        }
        return Consistency.of(x, d, favorable, spec.neighbors());
    }
}
