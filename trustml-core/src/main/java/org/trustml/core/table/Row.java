package org.trustml.core.table;


/**
 * A view of one row of a {@link Table}, handed to row predicates and row functions. The same
 * instance is reused for every row of a scan: read from it inside the callback, do not keep it.
 */
public final class Row {
    private final Table table;
    private int index;

    Row(Table table) {
        this.table = table;
    }

    Row at(int row) {
        this.index = row;
        return this;
    }

    /** 0-based index of this row in its table. */
    public int index() {
        return index;
    }

    /** Whether the named column is missing in this row. */
    public boolean isMissing(String column) {
        return table.column(column).isMissing(index);
    }

    /** The value of a STRING column (null when missing). */
    public String string(String column) {
        return table.stringColumn(column).get(index);
    }

    /** The value of a DOUBLE or LONG column as a double (NaN when missing). */
    public double number(String column) {
        Column c = table.column(column);
        if (c instanceof DoubleColumn d) {
            return d.getDouble(index);
        }
        if (c instanceof LongColumn l) {
            return l.isMissing(index) ? Double.NaN : l.getLong(index);
        }
        throw Table.wrongType(c, "a double or long column");
    }

    /** The value of a LONG column (0 when missing: check {@link #isMissing(String)}). */
    public long integer(String column) {
        return table.longColumn(column).getLong(index);
    }

    /** The value of a BOOLEAN column (false when missing: check {@link #isMissing(String)}). */
    public boolean bool(String column) {
        return table.booleanColumn(column).getBoolean(index);
    }

    /** The value of any column, boxed; null when missing. */
    public Object get(String column) {
        return table.column(column).get(index);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row ").append(index).append(" {");
        for (int c = 0; c < table.columnCount(); c++) {
            Column col = table.column(c);
            sb.append(c == 0 ? "" : ", ").append(col.name()).append('=').append(col.get(index));
        }
        return sb.append('}').toString();
    }
}
