package org.trustml.drift.spi;

import java.util.List;

/**
 * The two tables a drift comparison reads, as an engine holds them: row counts, the reference's columns, each
 * column's kind on each side, and each column's values summarised for the tests
 * ({@link NumericColumnPair}, {@link CategoricalCounts}). The drift module asks for a column's summary once,
 * possibly from several threads at once (columns are tested in parallel).
 */
public interface DriftData {
    /** The reference or the current table. */
    enum Side {
        REFERENCE, CURRENT;

        /** {@code reference} or {@code current}, as messages name the tables. */
        public String label() {
            return this == REFERENCE ? "reference" : "current";
        }
    }

    /** Number of rows of one table. */
    long rows(Side side);

    /** The reference table's column names, in order. */
    List<String> referenceColumns();

    /** Whether a table has this column. */
    boolean has(Side side, String column);

    /** Whether a table's column holds numbers (otherwise its values are categories). */
    boolean isNumeric(Side side, String column);

    /** A numeric column of both tables. */
    NumericColumnPair numeric(String column);

    /** A column of both tables read as categories. */
    CategoricalCounts categorical(String column);

    /**
     * Called when a report is done with the summaries it asked for (also when it failed), so an engine can drop
     * what it cached for them; a later report asks again. Default: nothing to drop.
     */
    default void release() {}
}
