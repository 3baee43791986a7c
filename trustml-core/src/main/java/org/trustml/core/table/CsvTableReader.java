package org.trustml.core.table;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.InputFiles;
import org.trustml.core.table.CsvColumnBuilder.TypeConflict;

/**
 * Reads CSV into a {@link Table} with FastCSV doing the tokenizing (quotes, embedded separators
 * and line breaks, CRLF) under the shared {@link CsvRules}. Fields go from FastCSV's buffer
 * straight into typed column builders.
 */
final class CsvTableReader {
    /** Sources this large (bytes or characters) are read on two threads: about 40,000 rows of 10 columns. */
    static final long PIPELINE_MIN_SIZE = 4L << 20;

    private CsvTableReader() {}

    static Table read(Path file, CsvOptions options) {
        InputFiles.requireReadableFile(file, "a CSV file");
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e, "a CSV file");
        }
        return readWithRetries(file, options, bytes, null, () -> InputFiles.utf8Reader(file));
    }

    static Table parse(String sourceName, String csv, CsvOptions options) {
        return readWithRetries(Path.of(sourceName), options, csv.length(), csv, () -> InputFiles.textReader(csv));
    }

    private interface Source {
        Reader open() throws IOException;
    }

    /**
     * Parses once; when an inferred column meets a value of another type, parses again with it as
     * STRING. With {@link CsvOptions.Threads#AUTO}, sources of at least {@link #PIPELINE_MIN_SIZE}
     * bytes (or characters) are converted on a second thread while the first tokenizes.
     */
    private static Table readWithRetries(Path file, CsvOptions options, long size, String text, Source source) {
        boolean pipelined = switch (options.threads()) {
            case ONE -> false;
            case TWO -> true;
            case AUTO -> size >= PIPELINE_MIN_SIZE && Runtime.getRuntime().availableProcessors() >= 2;
        };
        Set<String> asString = new HashSet<>();
        while (true) {
            try (Reader reader = source.open()) {
                return readOnce(file, reader, text, options, asString, pipelined);
            } catch (TypeConflict conflict) {
                asString.add(conflict.column);
            } catch (IOException e) {
                throw InputFiles.readFailure(file, e, "a CSV file");
            }
        }
    }

    private static Table readOnce(Path file, Reader reader, String text, CsvOptions options, Set<String> asString,
            boolean pipelined) {
        Handler handler = new Handler(file, options, asString, pipelined);
        boolean done = false;
        try {
            for (Object ignored : handler.reader(reader)) {
                // the handler stores every field as it arrives
            }
            Table table = handler.finish();
            done = true;
            return table;
        } catch (CsvParseException | UncheckedIOException | InvalidInputException | TypeConflict e) {
            throw handler.abort(handler.failure(e, text));
        } finally {
            if (!done) {
                handler.abort(null); // stop the converter thread whatever went wrong
            }
        }
    }

    /** Receives FastCSV's fields under the shared rules: the header names the columns, the rest fill builders. */
    private static final class Handler extends CsvRules {
        private final Set<String> asString;
        private final String[] missingTokens;
        private final boolean pipelined;
        private CsvColumnBuilder[] builders;
        private RowSink sink;
        private long rows;
        private long headerLine;

        Handler(Path file, CsvOptions options, Set<String> asString, boolean pipelined) {
            super(file, options, true);
            this.pipelined = pipelined;
            this.asString = asString;
            this.missingTokens = options.missingTokens().toArray(new String[0]);
        }

        @Override
        void field(int index, char[] buf, int offset, int len, boolean quoted) {
            sink.field(index, buf, offset, len, quoted, line);
        }

        @Override
        Object row() {
            sink.endRow(line);
            rows++;
            return RECORD;
        }

        @Override
        void columns(List<String> header) {
            headerLine = line;
            for (String given : options.types().keySet()) {
                if (!header.contains(given)) {
                    throw InvalidInputException.problem("was given a type but is not in the header")
                            .file(file).line(line).column(given)
                            .expected("one of " + String.join(", ", header))
                            .build();
                }
            }
            builders = new CsvColumnBuilder[header.size()];
            for (int i = 0; i < builders.length; i++) {
                String name = header.get(i);
                ColumnType type = asString.contains(name) ? ColumnType.STRING : options.types().get(name);
                builders[i] = new CsvColumnBuilder(file, name, type, missingTokens);
            }
            sink = pipelined ? new PipelinedRowSink(builders, file.toString()) : RowSink.direct(builders);
        }

        /** Reading failed: let the rows before the failure finish, then say which error to throw. */
        RuntimeException abort(RuntimeException cause) {
            return sink == null ? cause : sink.abort(cause);
        }

        Table finish() {
            if (!sawHeader()) {
                throw InvalidInputException.problem("is empty").file(file)
                        .expected("a header line naming the columns").build();
            }
            sink.finish();
            if (rows == 0 && !options.allowEmpty()) {
                throw InvalidInputException.problem("has a header but no data rows").file(file).line(headerLine)
                        .expected("at least one row (CsvOptions.allowingEmpty() accepts an empty table)")
                        .build();
            }
            List<Column> columns = new ArrayList<>(builders.length);
            for (CsvColumnBuilder b : builders) {
                columns.add(b.build());
            }
            return Table.of(columns);
        }
    }
}
