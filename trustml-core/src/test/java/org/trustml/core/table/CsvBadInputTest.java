package org.trustml.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/** Every bad input the foundation issue lists: each names file, line, column and value where they apply. */
class CsvBadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static InvalidInputException failure(Runnable r) {
        return catchThrowableOfType(InvalidInputException.class, r::run);
    }

    @Test
    void raggedRow() throws IOException {
        Path f = write("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
        InvalidInputException e = failure(() -> Table.readCsv(f));
        assertThat(e.getMessage()).isEqualTo(f + ", line 3: has 2 fields (expected 3 fields like the header (a,b,c))");
        assertThat(e.line()).hasValue(3);
        Path longer = write("longer.csv", "a,b\n1,2,3\n");
        assertThat(failure(() -> Table.readCsv(longer)).getMessage()).contains("line 2: has 3 fields");
    }

    @Test
    void nonNumberInColumnTypedNumeric() throws IOException {
        Path f = write("typed.csv", "id,age\n1,34\n2,thirty\n");
        InvalidInputException e = failure(() -> Table.readCsv(f, CsvOptions.defaults().withType("age", ColumnType.DOUBLE)));
        assertThat(e.getMessage()).isEqualTo(f + ", line 3, column 'age': value 'thirty' is not a number"
                + " (expected a double, as the column's type was given)");
        assertThat(e.file()).hasValue(f);
        assertThat(e.column()).hasValue("age");
        assertThat(e.value()).hasValue("thirty");
        InvalidInputException asLong = failure(() -> Table.readCsv(f, CsvOptions.defaults().withType("id", ColumnType.BOOLEAN)));
        assertThat(asLong.getMessage()).contains("line 2, column 'id': value '1' is not a boolean");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.csv", "");
        assertThat(failure(() -> Table.readCsv(f)).getMessage())
                .isEqualTo(f + ": is empty (expected a header line naming the columns)");
    }

    @Test
    void headerOnlyFile() throws IOException {
        Path f = write("header.csv", "a,b\n");
        assertThat(failure(() -> Table.readCsv(f)).getMessage())
                .startsWith(f + ", line 1: has a header but no data rows");
    }

    @Test
    void duplicateColumnNames() throws IOException {
        Path f = write("dup.csv", "a,b,a\n1,2,3\n");
        assertThat(failure(() -> Table.readCsv(f)).getMessage())
                .isEqualTo(f + ", line 1, column 'a': is a duplicate column name"
                        + " (expected unique column names; columns 1 and 3 share it)");
    }

    @Test
    void missingColumnAskedForByName() throws IOException {
        Path f = write("cols.csv", "filename,finding\nx.png,y\n");
        InvalidInputException typed = failure(() -> Table.readCsv(f, CsvOptions.defaults().withType("label", ColumnType.STRING)));
        assertThat(typed.getMessage()).contains("column 'label'").contains("expected one of filename, finding");
        InvalidInputException byName = failure(() -> Table.readCsv(f).column("label"));
        assertThat(byName.getMessage()).isEqualTo("column 'label': does not exist (expected one of filename, finding)");
    }

    @Test
    void fileThatIsNotUtf8() throws IOException {
        byte[] latin1 = "name\nok\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("latin1.csv"), latin1);
        InvalidInputException e = failure(() -> Table.readCsv(f));
        // é is the single byte 0xE9 in ISO-8859-1, on line 3
        assertThat(e.getMessage()).isEqualTo(f + ", line 3: value '0xE9' is not valid UTF-8 (expected a UTF-8 text file)");
        Path jl = Files.write(dir.resolve("latin1.jsonl"), "{\"a\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(failure(() -> Table.readJsonLines(jl)).getMessage()).contains("line 1").contains("not valid UTF-8");
    }

    @Test
    void pathThatDoesNotExist() {
        Path f = dir.resolve("nope.csv");
        assertThat(failure(() -> Table.readCsv(f)).getMessage()).isEqualTo(f + ": does not exist (expected a CSV file)");
        assertThat(failure(() -> Table.readCsv(dir)).getMessage()).contains("is a directory");
    }

    @Test
    void jsonLinesBadLines() throws IOException {
        Path f = write("bad.jsonl", "{\"a\":1}\n{\"a\":\n");
        assertThat(failure(() -> Table.readJsonLines(f)).getMessage()).startsWith(f + ", line 2: value '{\"a\":' is not valid JSON");
        Path arr = write("arr.jsonl", "[1,2]\n");
        assertThat(failure(() -> Table.readJsonLines(arr)).getMessage()).contains("line 1").contains("is not a JSON object");
        Path typed = write("typed.jsonl", "{\"a\":1}\n{\"a\":\"x\"}\n");
        assertThat(failure(() -> Table.readJsonLines(typed, Map.of("a", ColumnType.LONG))).getMessage())
                .isEqualTo(typed + ", line 2, column 'a': value '\"x\"' does not have the column's type"
                        + " (expected an integer, as the column's type was given)");
        Path empty = write("empty.jsonl", "\n\n");
        assertThat(failure(() -> Table.readJsonLines(empty)).getMessage()).contains("is empty");
    }

    @Test
    void separatorThatIsAQuoteOrALineBreak() {
        // FastCSV cannot tokenize with these; a caller's mistake, so bad input (CLI exit 2), not an internal error
        assertThat(failure(() -> CsvOptions.defaults().withSeparator('"')).getMessage())
                .isEqualTo("value '\"' for the CSV separator is a quote or a line break"
                        + " (expected a single character other than '\"', '\\n' and '\\r', such as ',' or ';')");
        assertThat(failure(() -> CsvOptions.defaults().withSeparator('\n')).value()).hasValue("\\n");
    }
}
