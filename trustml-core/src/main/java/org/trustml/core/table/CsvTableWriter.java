package org.trustml.core.table;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.trustml.core.io.AtomicFiles;

/** Writes a {@link Table} as CSV with FastCSV, atomically. */
final class CsvTableWriter {
    private CsvTableWriter() {}

    static Path write(Table table, Path file, CsvOptions options) {
        return AtomicFiles.write(file, content(table, options));
    }

    /** What {@link #write} writes, for a stream. */
    static AtomicFiles.Content content(Table table, CsvOptions options) {
        // A one-column row whose value is missing would be a blank line, which readers (pandas, ours)
        // skip; such a value is written as an unquoted missing token instead ("NA" by default).
        String marker = table.columnCount() == 1 && options.missingTokens().contains("NA") ? new String("NA") : null;
        QuoteStrategy quoting = new PreserveValues(options.missingTokens(), marker);
        return out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder()
                    .fieldSeparator(options.separator())
                    .lineDelimiter(LineDelimiter.LF)
                    .quoteStrategy(quoting)
                    .build(w);
            csv.writeRecord(table.columnNames());
            int cols = table.columnCount();
            String[] fields = new String[cols];
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < cols; c++) {
                    String v = table.column(c).format(r);
                    fields[c] = v == null && marker != null ? marker : v;
                }
                csv.writeRecord(fields);
            }
            csv.flush();
        };
    }

    /**
     * Quotes a present value that would otherwise read back as missing: the empty string and any
     * missing-value token. Missing values (null) are written as empty, unquoted fields, or as the
     * {@code marker} (compared by identity, so a real "NA" value is still quoted).
     */
    private record PreserveValues(Set<String> missingTokens, String marker) implements QuoteStrategy {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return true;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return value != marker && missingTokens.contains(value);
        }
    }
}
