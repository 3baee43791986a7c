package org.trustml.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code describe()}'s distinct count and top values of a text column, computed from its codes, equal the
 * definition: {@link Table#groupCounts} of the present values (most rows first, ties in order of first
 * appearance), whether the column's dictionary is an array of distinct values, an array that stopped
 * deduplicating, or a packed pool of mostly distinct values with repeats.
 */
class DescribeTextProperties {

    @Property(tries = 300)
    void topValuesAndDistinctCountAreTheGroupCounts(@ForAll("columns") List<String> values) throws Exception {
        Table built = Table.of(StringColumn.of("t", values));
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        built.csvContent().writeTo(csv);
        // read back from CSV, a long column of mostly distinct values gets the packed dictionary
        Table read = Table.parseCsv("p.csv", csv.toString(java.nio.charset.StandardCharsets.UTF_8),
                CsvOptions.defaults().withType("t", ColumnType.STRING).allowingEmpty());
        for (Table t : List.of(read, built)) {
            TableDescription.ColumnSummary s = t.describe().columns().get(0);
            StringColumn c = (StringColumn) t.column("t");
            Table present = t.filter(r -> !c.isMissing(r.index()));
            Table counts = present.rowCount() == 0 ? present : present.groupCounts("t");
            List<TableDescription.ValueCount> expected = new ArrayList<>();
            for (int i = 0; i < Math.min(TableDescription.TOP_VALUES, counts.rowCount()); i++) {
                expected.add(new TableDescription.ValueCount(counts.column(0).format(i),
                        ((LongColumn) counts.column(1)).values()[i]));
            }
            assertThat(s.top()).isEqualTo(expected);
            assertThat(s.distinct().getAsInt()).isEqualTo(counts.rowCount());
            assertThat(s.missing()).isEqualTo(c.missingCount());
        }
    }

    @net.jqwik.api.Example
    void aMostlyDistinctColumnReadFromCsvMergesItsRepeatedEntries() {
        StringBuilder csv = new StringBuilder("id\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("v").append(i % 15_000).append('\n'); // v0 … v4999 twice, the rest once
        }
        Table t = Table.parseCsv("ids.csv", csv.toString(), CsvOptions.defaults().withType("id", ColumnType.STRING));
        // the reader stopped deduplicating: one dictionary entry per row, repeats included
        assertThat(((StringColumn) t.column("id")).dictionarySize()).isEqualTo(20_000);
        TableDescription.ColumnSummary s = t.describe().columns().get(0);
        assertThat(s.distinct().getAsInt()).isEqualTo(15_000);
        assertThat(s.top()).extracting(TableDescription.ValueCount::value).containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(s.top()).extracting(TableDescription.ValueCount::count).containsOnly(2L);
    }

    /** Short columns of a few repeated values, and long ones of mostly distinct values with some repeats and gaps. */
    @Provide
    Arbitrary<List<String>> columns() {
        Arbitrary<String> few = Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "é", "a,b");
        Arbitrary<String> many = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, few), net.jqwik.api.Tuple.of(6, many),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
        return value.list().ofMinSize(0).ofMaxSize(3000);
    }
}
