package org.trustml.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/** The streaming reader: the same fields as {@link Table#readCsv} and the same refusals, word for word. */
class CsvRecordsTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Every record as "line: field|field". */
    private static List<String> drain(CsvRecords csv) {
        List<String> out = new ArrayList<>();
        while (csv.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < csv.fieldCount(); i++) {
                fields.add(csv.field(i));
            }
            out.add(csv.line() + ": " + String.join("|", fields));
        }
        return out;
    }

    @Test
    void readsHeaderFieldsAndStartingLines() throws IOException {
        // BOM skipped, CRLF, a quoted field over two lines with a doubled quote, a blank line skipped, a blank name
        Path f = write("r.csv", "\uFEFFid,,text\r\n1,a,\"two\nlines \"\"q\"\"\"\r\n\r\n2,b,plain\r\n");
        try (CsvRecords csv = CsvRecords.open(f, CsvOptions.defaults())) {
            assertThat(csv.header()).containsExactly("id", "Unnamed: 1", "text");
            assertThat(csv.columnIndex("text")).isEqualTo(2);
            assertThat(drain(csv)).containsExactly("2: 1|a|two\nlines \"q\"", "5: 2|b|plain");
        }
        Path bare = write("bare.csv", "1,2\n3,4\n");
        try (CsvRecords csv = CsvRecords.openWithoutHeader(bare, CsvOptions.defaults())) {
            assertThat(csv.header()).isEmpty();
            assertThat(drain(csv)).containsExactly("1: 1|2", "2: 3|4");
        }
    }

    @Test
    void aColumnNotInTheHeaderIsNamed() throws IOException {
        Path f = write("c.csv", "sex,y\n1,0\n");
        try (CsvRecords csv = CsvRecords.open(f, CsvOptions.defaults())) {
            assertThat(catchThrowableOfType(InvalidInputException.class, () -> csv.columnIndex("yhat")).getMessage())
                    .isEqualTo(f + ", column 'yhat': does not exist (expected one of the columns [sex, y])");
        }
    }

    @Test
    void refusesWhatTableRefusesWithTheSameMessage() throws IOException {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("missing.csv", null);
        bad.put("empty.csv", new byte[0]);
        bad.put("dup.csv", "a,b,a\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        bad.put("ragged.csv", "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8));
        bad.put("longer.csv", "a,b\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        bad.put("latin1.csv", "a\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        bad.put("nul.csv", "a\n\0\n".getBytes(StandardCharsets.UTF_8));
        bad.put("unclosed.csv", "a,b\n1,\"x\n".getBytes(StandardCharsets.UTF_8));
        bad.put("long.csv", ("a\n" + "z".repeat(40_000) + "\n").getBytes(StandardCharsets.UTF_8));
        CsvOptions options = CsvOptions.defaults().withMaxFieldChars(100);
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            Path f = e.getValue() == null ? dir.resolve(e.getKey()) : write(e.getKey(), e.getValue());
            InvalidInputException table = catchThrowableOfType(InvalidInputException.class,
                    () -> Table.readCsv(f, options));
            InvalidInputException streamed = catchThrowableOfType(InvalidInputException.class, () -> {
                try (CsvRecords csv = CsvRecords.open(f, options)) {
                    drain(csv);
                }
            });
            assertThat(table).as(e.getKey()).isNotNull();
            assertThat(streamed).as(e.getKey()).isNotNull();
            assertThat(streamed.getMessage()).as(e.getKey()).isEqualTo(table.getMessage());
        }
        InvalidInputException dirError = catchThrowableOfType(InvalidInputException.class,
                () -> CsvRecords.open(dir, options));
        assertThat(dirError.getMessage()).isEqualTo(dir + ": is a directory (expected a CSV file)");
    }
}
