package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.InputFiles;

/**
 * Reads a CSV file one record at a time, for callers that stream instead of building a
 * {@link Table} (the fairness module's one-pass statistics, the attack command's arrays), under
 * exactly the rules of {@link Table#readCsv} (see {@link CsvOptions}): strict UTF-8 without NUL
 * characters, unique header names, the header's field count on every row, no field longer than
 * {@link CsvOptions#maxFieldChars()}; blank lines are skipped. Column types, missing tokens and
 * threads in the options are not used: fields are text.
 *
 * <pre>{@code
 * try (CsvRecords csv = CsvRecords.open(file, CsvOptions.defaults())) {
 *     int age = csv.columnIndex("age");
 *     while (csv.next()) {
 *         String value = csv.field(age); // csv.line() is where the record starts
 *     }
 * }
 * }</pre>
 *
 * Not thread-safe; each failure is an {@link InvalidInputException} naming the file and line.
 */
public final class CsvRecords implements AutoCloseable {
    private final Handler handler;
    private final Reader reader;
    private final CloseableIterator<Object> records;

    private CsvRecords(Path file, CsvOptions options, boolean hasHeader, Reader reader) {
        this.handler = new Handler(file, options, hasHeader);
        this.reader = reader;
        this.records = handler.reader(reader).iterator();
    }

    /**
     * Opens a CSV file and reads its header line; a file that does not exist, is a directory or
     * cannot be read, and one without a header, are refused.
     */
    public static CsvRecords open(Path file, CsvOptions options) {
        CsvRecords csv = openFile(file, options, true);
        csv.advance();
        if (!csv.handler.sawHeader()) {
            csv.close();
            throw InvalidInputException.problem("is empty").file(file).expected("a header line naming the columns")
                    .build();
        }
        return csv;
    }

    /** Opens a CSV file without a header line: every record is data, and the first one sets the field count. */
    public static CsvRecords openWithoutHeader(Path file, CsvOptions options) {
        return openFile(file, options, false);
    }

    private static CsvRecords openFile(Path file, CsvOptions options, boolean hasHeader) {
        requireNonNull(options, "options");
        InputFiles.requireReadableFile(file, "a CSV file");
        Reader reader;
        try {
            reader = InputFiles.utf8Reader(file);
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e, "a CSV file");
        }
        return new CsvRecords(file, options, hasHeader, reader);
    }

    /** The header's column names (a blank name reads as {@code Unnamed: i}); empty without a header. */
    public List<String> header() {
        return handler.header();
    }

    /** The index of a header column; a name not in the header is refused, naming the file and the header. */
    public int columnIndex(String column) {
        int i = handler.header().indexOf(requireNonNull(column, "column"));
        if (i < 0) {
            throw InvalidInputException.problem("does not exist").file(handler.file).column(column)
                    .expected("one of the columns " + handler.header()).build();
        }
        return i;
    }

    /** Moves to the next record; false at the end of the file. */
    public boolean next() {
        return advance();
    }

    /** The line the current record starts on (1-based). */
    public long line() {
        return handler.line;
    }

    /** The current record's number of fields: the header's (or the first record's) count. */
    public int fieldCount() {
        return handler.values.length;
    }

    /** Field {@code index} of the current record, as written (quotes removed). */
    public String field(int index) {
        return handler.values[index];
    }

    private boolean advance() {
        try {
            if (!records.hasNext()) {
                return false;
            }
            records.next();
            return true;
        } catch (CsvParseException | UncheckedIOException | InvalidInputException e) {
            close();
            throw handler.failure(e, null);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw InputFiles.readFailure(handler.file, e, "a CSV file");
        }
    }

    /** Keeps the fields of the current record as strings. */
    private static final class Handler extends CsvRules {
        String[] values = new String[0];
        private String[] next = new String[0];

        Handler(Path file, CsvOptions options, boolean hasHeader) {
            super(file, options, hasHeader);
        }

        @Override
        void columns(List<String> names) {
            next = new String[names.size()];
        }

        @Override
        void field(int index, char[] buf, int offset, int len, boolean quoted) {
            if (index >= next.length) {
                next = java.util.Arrays.copyOf(next, index + 1); // the first record of a file without header
            }
            next[index] = new String(buf, offset, len);
        }

        @Override
        Object row() {
            values = next;
            next = new String[width];
            return RECORD;
        }
    }
}
