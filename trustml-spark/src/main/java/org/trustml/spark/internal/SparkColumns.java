package org.trustml.spark.internal;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.trustml.core.InvalidInputException;
import org.trustml.fairness.Condition;

/**
 * How trustml reads a DataFrame's columns: names are matched exactly (case-sensitively, as a {@code Table}
 * does), a value is missing when it is null or, in a float or double column, NaN (a {@code Table}'s double
 * column holds NaN for a missing cell), and values are compared in the fairness module's canonical text form.
 */
public final class SparkColumns {
    private SparkColumns() {}

    /** The column {@code name}, quoted so that dots and back-ticks in a name are taken literally. */
    public static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    /** Refuses a column the DataFrame does not have; {@code role} says what it was for. */
    public static void require(Dataset<Row> df, String name, String role) {
        if (!Arrays.asList(df.schema().fieldNames()).contains(name)) {
            throw InvalidInputException.problem("does not exist (" + role + " column)").column(name)
                    .expected("one of the columns " + List.of(df.schema().fieldNames())).build();
        }
    }

    /** The column's Spark type. */
    public static DataType type(Dataset<Row> df, String name) {
        return df.schema().apply(name).dataType();
    }

    /** Float or double: missing is null or NaN. */
    public static boolean isFractional(DataType t) {
        return t instanceof DoubleType || t instanceof FloatType;
    }

    /** A number column (any numeric type) or a boolean one, which reads as 1/0 as a {@code Table}'s does. */
    public static boolean isNumberLike(DataType t) {
        return t instanceof NumericType || t instanceof BooleanType;
    }

    /** Whether a collected value is missing: null, or a float or double NaN. */
    public static boolean isMissing(Object value) {
        return value == null || value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN();
    }

    /** The canonical text form of a collected, non-missing value ({@link Condition#canonical}); decimals as doubles. */
    public static String canonical(Object value) {
        return value instanceof BigDecimal b ? Condition.canonical(b.doubleValue()) : Condition.canonical(value);
    }
}
