package org.trustml.core.table;


/**
 * One immutable, typed column of a {@link Table}. Each type keeps its values in a primitive array
 * that callers can read without copying; missing values are tracked per row.
 */
public sealed interface Column permits DoubleColumn, LongColumn, StringColumn, BooleanColumn {

    String name();

    ColumnType type();

    /** Number of rows. */
    int size();

    boolean isMissing(int row);

    /** How many rows are missing. */
    int missingCount();

    /** The value of a row boxed ({@code Double}, {@code Long}, {@code String}, {@code Boolean}), or null when missing. */
    Object get(int row);

    /** The value as text, as written to CSV; null when missing. */
    String format(int row);

    /** The same values under another name. */
    Column rename(String newName);

    /** A new column holding the rows at these indices, in this order. */
    Column take(int[] rows);

    /**
     * The value of {@code row} as a number: a DOUBLE as it is, a LONG widened, a BOOLEAN as 1 or 0.
     * A STRING column is an error naming the column; a missing value is NaN for DOUBLE (check
     * {@link #isMissing} first for the others).
     */
    default double number(int row) {
        return TableArrays.value(this, row);
    }
}
