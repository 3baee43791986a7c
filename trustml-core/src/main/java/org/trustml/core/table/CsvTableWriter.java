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
        QuoteStrategy quoting = new PreserveValues(options.missingTokens());
        return AtomicFiles.write(file, out -> {
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
                    fields[c] = table.column(c).format(r);
                }
                csv.writeRecord(fields);
            }
            csv.flush();
        });
    }

    /**
     * Quotes a present value that would otherwise read back as missing: the empty string and any
     * missing-value token. Missing values (null) are written as empty, unquoted fields.
     */
    private record PreserveValues(Set<String> missingTokens) implements QuoteStrategy {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return true;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return missingTokens.contains(value);
        }
    }
}
