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
        // é is the single byte 0xE9 in ISO-8859-1: line 3, after "caf" (character 4), after "name\nok\ncaf" (11 bytes)
        assertThat(e.getMessage()).isEqualTo(f + ", line 3: value '0xE9' at character 4 (byte offset 11) is not valid "
                + "UTF-8 (expected a CSV file in UTF-8)");
        Path jl = Files.write(dir.resolve("latin1.jsonl"), "{\"a\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(failure(() -> Table.readJsonLines(jl)).getMessage()).contains("line 1").contains("not valid UTF-8");
    }

    @Test
    void nulCharacterIsRefusedWhereItIs() throws IOException {
        // NUL is valid UTF-8, but no text has it: it marks a binary file, or UTF-16 read as UTF-8
        Path f = write("nul.csv", "a,b\n1,2\n3,\0\n");
        InvalidInputException e = failure(() -> Table.readCsv(f));
        // line 3 is "3,\0": the NUL is its third character, after "a,b\n1,2\n3," (10 bytes)
        assertThat(e.getMessage()).isEqualTo(f + ", line 3: value '0x00' at character 3 (byte offset 10) is a NUL "
                + "character (expected a CSV file without NUL characters (a file with many is often UTF-16: save it as "
                + "UTF-8))");
        Path utf16 = Files.write(dir.resolve("utf16.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(failure(() -> Table.readCsv(utf16)).getMessage()).contains("line 1: value '0x00' at character 2 "
                + "(byte offset 1) is a NUL character");
        assertThat(failure(() -> Table.parseCsv("inline", "a\nx\n\0\n", CsvOptions.defaults())).getMessage())
                .startsWith("inline, line 3: value '0x00' at character 1 (byte offset 4) is a NUL character");
    }

    @Test
    void fieldLongerThanTheLimit() throws IOException {
        assertThat(CsvOptions.defaults().maxFieldChars()).isEqualTo(16 * 1024 * 1024);
        CsvOptions ten = CsvOptions.defaults().withMaxFieldChars(10);
        assertThat(Table.parseCsv("s", "a,b\n1,xxxxxxxxxx\n", ten).rowCount()).isEqualTo(1); // exactly 10 is fine
        assertThat(failure(() -> Table.parseCsv("s", "a,b\n1,xxxxxxxxxxxx\n", ten)).getMessage())
                .isEqualTo("s, line 2, column 'b': has a field of 12 characters, longer than the limit of 10 (expected "
                        + "fields of at most 10 characters (CsvOptions.withMaxFieldChars raises the limit); a quote "
                        + "that is never closed makes the rest of the file one field)");
        // from a file, a field far past the limit runs out FastCSV's buffer (limit + 16 Ki chars) first: same error
        Path f = write("long.csv", "a,b\n1,2\n3," + "y".repeat(40_000) + "\n");
        InvalidInputException e = failure(() -> Table.readCsv(f, ten));
        assertThat(e.getMessage()).startsWith(f + ", line 3, column 'b': has a field of more than 10 characters, "
                + "longer than the limit of 10");
        assertThat(failure(() -> CsvOptions.defaults().withMaxFieldChars(0)).getMessage())
                .isEqualTo("value '0' for the longest CSV field is out of range (expected 1 to 1073741824 characters)");
    }

    @Test
    void quoteThatIsNeverClosed() throws IOException {
        // FastCSV 4.0.0 read the rest of the file into the field: here one row a=1, b="x\n2,3\n", no error
        Path f = write("unclosed.csv", "a,b\n1,\"x\n2,3\n");
        assertThat(failure(() -> Table.readCsv(f)).getMessage()).isEqualTo(f + ", line 2, column 'b': has a quoted "
                + "field that is never closed (expected a closing \" for every opening one (a \" inside a quoted field "
                + "is written \"\"))");
        Path after = write("after.csv", "a,b\n1,\"x\"y\n");
        assertThat(failure(() -> Table.readCsv(after)).getMessage()).isEqualTo(after + ", line 2, column 'b': is not "
                + "valid CSV: Unexpected character after closing quote: 'y' (0x79)");
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
