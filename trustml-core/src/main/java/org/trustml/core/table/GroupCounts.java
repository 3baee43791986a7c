package org.trustml.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts per combination of values of some columns; see {@link Table#groupCounts(String...)}. */
final class GroupCounts {
    /** Name of the count column. */
    static final String COUNT = "count";

    private GroupCounts() {}

    static Table of(Table table, String... names) {
        if (names.length == 0) {
            throw org.trustml.core.InvalidInputException.problem("needs at least one column")
                    .expected("one or more of " + String.join(", ", table.columnNames())).build();
        }
        Column[] keys = new Column[names.length];
        for (int k = 0; k < names.length; k++) {
            keys[k] = table.column(names[k]);
        }
        Map<List<Object>, long[]> counts = new LinkedHashMap<>(); // keeps order of first appearance
        Map<List<Object>, Integer> firstRow = new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] key = new Object[keys.length];
            for (int k = 0; k < keys.length; k++) {
                key[k] = keys[k].get(r);
            }
            List<Object> kl = Arrays.asList(key);
            long[] c = counts.get(kl);
            if (c == null) {
                counts.put(kl, new long[] {1});
                firstRow.put(kl, r);
            } else {
                c[0]++;
            }
        }
        List<List<Object>> groups = new ArrayList<>(counts.keySet());
        groups.sort((a, b) -> Long.compare(counts.get(b)[0], counts.get(a)[0])); // stable: ties keep first appearance
        int[] rows = groups.stream().mapToInt(firstRow::get).toArray();
        long[] n = groups.stream().mapToLong(g -> counts.get(g)[0]).toArray();
        List<Column> out = new ArrayList<>(keys.length + 1);
        for (Column k : keys) {
            out.add(k.take(rows));
        }
        String countName = table.hasColumn(COUNT) || Arrays.asList(names).contains(COUNT) ? "group_count" : COUNT;
        out.add(LongColumn.of(countName, n));
        return Table.of(out);
    }
}
