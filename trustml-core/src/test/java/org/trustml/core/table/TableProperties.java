package org.trustml.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Invariants of tables, checked on arbitrary tables. */
class TableProperties {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("trustml-props");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 200)
    void csvWriteThenReadGivesTheSameTable(@ForAll("tables") Table table) {
        Path f = table.writeCsv(dir.resolve("round-trip.csv"));
        Table back = Table.readCsv(f, CsvOptions.defaults().withSchema(table.schema()).allowingEmpty());
        assertThat(back).isEqualTo(table);
        assertThat(back.contentHash()).isEqualTo(table.contentHash());
    }

    @Property(tries = 200)
    void filterKeepsExactlyTheRowsThePredicateAccepts(@ForAll("tables") Table table, @ForAll long salt) {
        java.util.function.Predicate<Row> p = r -> ((r.index() * 31L + salt) & 3) != 0;
        long expected = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if (((i * 31L + salt) & 3) != 0) {
                expected++;
            }
        }
        assertThat(table.filter(p).rowCount()).isEqualTo(expected);
        assertThat(table.filter(r -> true)).isEqualTo(table);
    }

    @Property(tries = 100)
    void groupCountsAddUpToTheRowCount(@ForAll("tables") Table table) {
        String first = table.columnNames().get(0);
        long total = 0;
        for (long n : table.groupCounts(first).longs("count")) {
            total += n;
        }
        assertThat(total).isEqualTo(table.rowCount());
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(0, 30);
        return rows.flatMap(n -> Arbitraries.integers().between(1, 5).flatMap(k -> {
            List<Arbitrary<Column>> cols = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                cols.add(column("c" + c, n));
            }
            return Combinators.combine(cols).as(Table::of);
        }));
    }

    private static boolean surrogatesPaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }


    private static Arbitrary<Column> column(String name, int n) {
        // Carriage returns included: FastCSV 4.0.0 mishandled a quoted field holding one (a one-column record
        // c0\n"\r"\n was dropped, and rows came back short); 4.4.0 reads them back.
        // "😀" is two chars: keep only strings whose surrogates pair up (a lone surrogate is not text and has
        // no UTF-8 form; the writer, like String.getBytes, writes it as '?')
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars("\n\r\"éß😀,").ofMaxLength(8)
                .filter(TableProperties::surrogatesPaired).injectNull(0.1);
        Arbitrary<Column> strings = text.list().ofSize(n).map(v -> StringColumn.of(name, v));
        Arbitrary<Column> doubles = Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(-0.0)
                .withSpecialValue(Double.POSITIVE_INFINITY).withSpecialValue(Double.MIN_VALUE)
                .array(double[].class).ofSize(n).map(v -> DoubleColumn.of(name, v));
        Arbitrary<Column> longs = Arbitraries.longs().injectNull(0.1).array(Long[].class).ofSize(n)
                .map(v -> LongColumn.ofNullable(name, v));
        Arbitrary<Column> bools = Arbitraries.of(true, false).injectNull(0.1).array(Boolean[].class).ofSize(n)
                .map(v -> BooleanColumn.ofNullable(name, v));
        return Arbitraries.oneOf(strings, doubles, longs, bools);
    }

}
