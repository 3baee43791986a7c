package org.trustml.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.table.Column;
import org.trustml.core.table.Table;
import org.trustml.drift.internal.ColumnValues;
import org.trustml.drift.internal.SortedSample;
import org.trustml.drift.internal.SortedSamplePair;
import org.trustml.drift.spi.CategoricalCounts;
import org.trustml.drift.spi.DriftData;
import org.trustml.drift.spi.NumericColumnPair;

/** Two in-memory tables: each numeric column sorted once per side, categories counted from the column's text. */
final class TableDriftData implements DriftData {
    private final Table reference;
    private final Table current;

    TableDriftData(Table reference, Table current) {
        this.reference = reference;
        this.current = current;
    }

    Table table(Side side) {
        return side == Side.REFERENCE ? reference : current;
    }

    @Override
    public long rows(Side side) {
        return table(side).rowCount();
    }

    @Override
    public List<String> referenceColumns() {
        return reference.columnNames();
    }

    @Override
    public boolean has(Side side, String column) {
        return table(side).hasColumn(column);
    }

    @Override
    public boolean isNumeric(Side side, String column) {
        return table(side).column(column).type().isNumeric();
    }

    @Override
    public NumericColumnPair numeric(String column) {
        return new SortedSamplePair(SortedSample.of(ColumnValues.doubles(reference.column(column))),
                SortedSample.of(ColumnValues.doubles(current.column(column))));
    }

    @Override
    public CategoricalCounts categorical(String column) {
        long[] missing = new long[2];
        Map<String, Long> ref = count(reference.column(column), missing, 0);
        Map<String, Long> cur = count(current.column(column), missing, 1);
        return new CategoricalCounts(ref, cur, missing[0], missing[1]);
    }

    private static Map<String, Long> count(Column c, long[] missing, int side) {
        Map<String, Long> counts = new HashMap<>();
        for (String label : ColumnValues.labels(c)) {
            if (label == null) {
                missing[side]++;
            } else {
                counts.merge(label, 1L, Long::sum);
            }
        }
        return counts;
    }
}
