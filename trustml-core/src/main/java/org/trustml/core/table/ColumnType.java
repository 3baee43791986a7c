package org.trustml.core.table;


/** The type of a {@link Column}. Names in JSON are the lower-case enum names. */
public enum ColumnType {
    /** 64-bit floating point; missing values are stored as NaN and tracked separately. */
    DOUBLE,
    /** 64-bit integer. */
    LONG,
    /** Text, dictionary-encoded. */
    STRING,
    /** {@code true} / {@code false}. */
    BOOLEAN;

    /** Whether values of this type are numbers (DOUBLE or LONG). */
    public boolean isNumeric() {
        return this == DOUBLE || this == LONG;
    }

    /** The lower-case name used in JSON and on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
