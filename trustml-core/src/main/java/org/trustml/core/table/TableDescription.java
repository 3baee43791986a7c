package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What {@link Table#describe()} reports: the row count and, per column, its type, how many values
 * are present and missing; min, max, mean and sample standard deviation (n − 1, as pandas'
 * {@code describe}) for numbers; distinct count and the most frequent values for text and booleans.
 *
 * @param rowCount number of rows
 * @param columns  one summary per column, in table order
 */
public record TableDescription(int rowCount, List<ColumnSummary> columns) {

    /** How many of the most frequent values {@link ColumnSummary#top()} lists. */
    public static final int TOP_VALUES = 5;

    public TableDescription {
        columns = List.copyOf(requireNonNull(columns, "columns"));
    }

    /** One column's summary; numeric statistics are empty for non-numeric columns and vice versa. */
    public record ColumnSummary(
            String name,
            ColumnType type,
            int count,
            int missing,
            OptionalDouble min,
            OptionalDouble max,
            OptionalDouble mean,
            OptionalDouble std,
            OptionalInt distinct,
            List<ValueCount> top) {
        public ColumnSummary {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            top = List.copyOf(top);
        }
    }

    /** A value and how many rows hold it. */
    public record ValueCount(String value, long count) {}

    static TableDescription of(Table table) {
        List<ColumnSummary> out = new ArrayList<>(table.columnCount());
        for (Column c : table.columns()) {
            out.add(c.type().isNumeric() ? numeric(c) : categorical(table, c));
        }
        return new TableDescription(table.rowCount(), out);
    }

    private static ColumnSummary numeric(Column c) {
        int n = c.size() - c.missingCount();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        // Welford's update: stable for large n.
        double mean = 0;
        double m2 = 0;
        int k = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                continue;
            }
            double v = c instanceof DoubleColumn d ? d.getDouble(i) : ((LongColumn) c).getLong(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            k++;
            double delta = v - mean;
            mean += delta / k;
            m2 += delta * (v - mean);
        }
        return new ColumnSummary(c.name(), c.type(), n, c.missingCount(),
                n > 0 ? OptionalDouble.of(min) : OptionalDouble.empty(),
                n > 0 ? OptionalDouble.of(max) : OptionalDouble.empty(),
                n > 0 ? OptionalDouble.of(mean) : OptionalDouble.empty(),
                n > 1 ? OptionalDouble.of(Math.sqrt(m2 / (n - 1))) : OptionalDouble.empty(),
                OptionalInt.empty(), List.of());
    }

    /**
     * A text column's distinct count and top values straight from its codes: one pass counting per code (equal
     * packed entries merged first), then the {@link #TOP_VALUES} largest counts, ties in order of first
     * appearance, as {@link Table#groupCounts} orders them. No row is copied and no String made but the top ones.
     */
    private static ColumnSummary text(StringColumn c) {
        int[] first = c.firstCodes();
        int[] codes = c.codes();
        long[] counts = new long[first.length];
        int[] firstRow = new int[first.length];
        java.util.Arrays.fill(firstRow, Integer.MAX_VALUE);
        for (int r = 0; r < codes.length; r++) {
            if (codes[r] != StringColumn.MISSING) {
                int k = first[codes[r]];
                if (counts[k]++ == 0) {
                    firstRow[k] = r;
                }
            }
        }
        int distinct = 0;
        int[] top = new int[TOP_VALUES];
        int kept = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                continue;
            }
            distinct++;
            int at = kept;
            while (at > 0 && before(k, top[at - 1], counts, firstRow)) {
                at--;
            }
            if (at < TOP_VALUES) {
                System.arraycopy(top, at, top, at + 1, Math.min(kept, TOP_VALUES - 1) - at);
                top[at] = k;
                kept = Math.min(kept + 1, TOP_VALUES);
            }
        }
        List<ValueCount> values = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            values.add(new ValueCount(c.decode(top[i]), counts[top[i]]));
        }
        return new ColumnSummary(c.name(), c.type(), c.size() - c.missingCount(), c.missingCount(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.of(distinct), values);
    }

    /** Whether value {@code a} ranks before {@code b}: more rows, or as many and seen first. */
    private static boolean before(int a, int b, long[] counts, int[] firstRow) {
        return counts[a] > counts[b] || counts[a] == counts[b] && firstRow[a] < firstRow[b];
    }

    private static ColumnSummary categorical(Table table, Column c) {
        if (c instanceof StringColumn s) {
            return text(s);
        }
        Table counts = GroupCounts.of(table.select(c.name()).filter(r -> !c.isMissing(r.index())), c.name());
        Column values = counts.column(0);
        long[] n = ((LongColumn) counts.column(1)).values();
        List<ValueCount> top = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP_VALUES, counts.rowCount()); i++) {
            top.add(new ValueCount(values.format(i), n[i]));
        }
        return new ColumnSummary(c.name(), c.type(), c.size() - c.missingCount(), c.missingCount(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.of(counts.rowCount()), top);
    }
}
