package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A separator FastCSV cannot use is the user's bad input: exit 2 and one line, not an internal error (1). */
class TableSeparatorTest {
    @TempDir
    Path dir;

    @Test
    void quoteAsSeparatorIsBadInput() throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("table", "describe", "--separator", "\"", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("trustml: value '\"' for the CSV separator is a quote or a line break"
                + " (expected a single character other than '\"', '\\n' and '\\r', such as ',' or ';')\n");
    }
}
