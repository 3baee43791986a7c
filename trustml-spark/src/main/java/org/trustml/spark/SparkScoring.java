package org.trustml.spark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.ColumnType;
import org.trustml.publish.ModelKind;
import org.trustml.publish.ModelPackage;
import org.trustml.spark.internal.ScoringModel;
import org.trustml.spark.internal.ScoringPartitions;
import org.trustml.spark.internal.SparkColumns;
import org.trustml.tabular.TabularModel;

/**
 * Batch scoring of a trustml model package (a tabular classifier published by trustml-publish) over a
 * DataFrame, with the single-machine numbers:
 * <pre>{@code
 * Dataset<Row> scored = SparkScoring.of(Path.of("registry/applicants/3")).score(applicants);
 * // applicants' columns + p_no, p_yes (doubles) + predicted (string)
 * FairnessReport f = SparkFairness.of(scored).label("approved").prediction("predicted").score("p_yes")
 *         .favorable("yes").privileged(Group.where("sex", "M")).report();
 * }</pre>
 * The package is opened and verified (checksums) on the driver; its Tribuo model file travels to the executors
 * in one broadcast, and each executor JVM loads it once and keeps it for every later partition and task. Each
 * partition is scored with {@code mapPartitions} in batches of {@link #batchRows(int)} rows (default 4,096),
 * through the same {@code TableClassifier.probabilities(Table)} the single-machine path uses, so the
 * probabilities are the same doubles; the predicted class is their argmax (the first class on a tie), as the
 * evaluate stage takes it. The output keeps every input column and row order and adds {@code p_<class>} per
 * class (the prefix is {@link #probabilityPrefix(String)}) and {@code predicted} ({@link #predictedColumn}).
 *
 * <p>Needs trustml-publish and trustml-tabular on the class path (optional dependencies of trustml-spark) and
 * on the executors (the {@code -all} jar holds them). Feature columns must be present with a compatible type:
 * numbers for {@code LONG} and {@code DOUBLE} features, booleans for {@code BOOLEAN}, strings for {@code STRING};
 * null is missing.
 */
public final class SparkScoring {
    /** Default rows per call of the model. */
    public static final int DEFAULT_BATCH = 4096;

    private final Path packageDirectory;
    private final TabularModel model;
    private int batch = DEFAULT_BATCH;
    private String prefix = "p_";
    private String predicted = "predicted";

    private SparkScoring(Path packageDirectory, TabularModel model) {
        this.packageDirectory = packageDirectory;
        this.model = model;
    }

    /** Opens and verifies the package in {@code directory} (a tabular classifier). */
    public static SparkScoring of(Path directory) {
        ModelPackage p = ModelPackage.open(Objects.requireNonNull(directory, "directory"));
        if (p.kind() != ModelKind.TABULAR_CLASSIFIER) {
            throw InvalidInputException.problem("holds a model batch scoring does not take yet").file(p.directory())
                    .value(p.kind()).expected("a package of " + ModelKind.TABULAR_CLASSIFIER).build();
        }
        return new SparkScoring(p.directory(), p.tabularModel());
    }

    /** Rows per call of the model (default 4,096). */
    public SparkScoring batchRows(int rows) {
        if (rows < 1) {
            throw InvalidInputException.problem("is not a batch size").column("batchRows").value(rows)
                    .expected("an integer >= 1").build();
        }
        this.batch = rows;
        return this;
    }

    /** Prefix of the probability columns (default {@code p_}: {@code p_yes}). */
    public SparkScoring probabilityPrefix(String value) {
        this.prefix = Objects.requireNonNull(value, "value");
        return this;
    }

    /** Name of the predicted-class column (default {@code predicted}). */
    public SparkScoring predictedColumn(String value) {
        this.predicted = Objects.requireNonNull(value, "value");
        return this;
    }

    /** The classes, in the order of the probability columns. */
    public List<String> classes() {
        return model.classes();
    }

    /** {@code rows} with the probability columns and the predicted class added (lazy, as any DataFrame). */
    public Dataset<Row> score(Dataset<Row> rows) {
        Objects.requireNonNull(rows, "rows");
        List<String> names = Arrays.asList(rows.schema().fieldNames());
        int[] featureIndex = new int[model.features().size()];
        for (int j = 0; j < featureIndex.length; j++) {
            String f = model.features().get(j);
            SparkColumns.require(rows, f, "feature");
            featureIndex[j] = names.indexOf(f);
            checkType(f, SparkColumns.type(rows, f), model.columnTypes().get(f));
        }
        StructType out = rows.schema();
        for (String c : model.classes()) {
            out = out.add(unused(names, prefix + c), DataTypes.DoubleType, false);
        }
        out = out.add(unused(names, predicted), DataTypes.StringType, false);
        Broadcast<ScoringModel> shipped = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext())
                .broadcast(ScoringModel.of(model));
        return rows.mapPartitions(new ScoringPartitions(shipped, featureIndex, batch), Encoders.row(out));
    }

    private void checkType(String column, DataType actual, ColumnType wanted) {
        boolean ok = switch (wanted) {
            case LONG, DOUBLE -> actual instanceof NumericType;
            case BOOLEAN -> actual instanceof BooleanType;
            case STRING -> actual instanceof StringType;
        };
        if (!ok) {
            throw InvalidInputException.problem("has a type the model cannot take").file(packageDirectory).column(column)
                    .value(actual.simpleString()).expected("a column of " + wanted.name().toLowerCase(java.util.Locale.ROOT)
                            + " values, as the model was trained on").build();
        }
    }

    private static String unused(List<String> names, String column) {
        if (names.contains(column)) {
            throw InvalidInputException.problem("already exists").column(column)
                    .expected("a name for the new column that the DataFrame does not use (probabilityPrefix, predictedColumn)")
                    .build();
        }
        return column;
    }
}
