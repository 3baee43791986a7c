package org.trustml.core.table;


/**
 * Where the CSV handler delivers the fields of valid data rows: straight into the column
 * builders ({@link #direct}), or through a second thread ({@link PipelinedRowSink}).
 */
interface RowSink {

    /** One field of the row being read; {@code column} is below the column count. */
    void field(int column, char[] buf, int off, int len, boolean quoted, long line);

    /** The row being read is complete and has the right number of fields. */
    void endRow(long line);

    /** Every row was delivered: wait for the conversion and rethrow its failure, if any. */
    void finish();

    /**
     * Reading stopped with {@code cause}: wait for the rows before it to be converted and return
     * the exception to throw, the one of the earliest line.
     */
    RuntimeException abort(RuntimeException cause);

    static RowSink direct(CsvColumnBuilder[] builders) {
        return new RowSink() {
            @Override
            public void field(int column, char[] buf, int off, int len, boolean quoted, long line) {
                builders[column].add(buf, off, len, quoted, line);
            }

            @Override
            public void endRow(long line) {}

            @Override
            public void finish() {}

            @Override
            public RuntimeException abort(RuntimeException cause) {
                return cause;
            }
        };
    }
}
