package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;
import java.util.Objects;

/** A column of booleans. Missing rows hold {@code false} in {@link #values()} and are tracked in a bit set. */
public final class BooleanColumn implements Column {
    private final String name;
    private final boolean[] values;
    private final Missing missing;

    BooleanColumn(String name, boolean[] values, Missing missing) {
        this.name = requireNonNull(name, "name");
        this.values = values;
        this.missing = missing;
    }

    /** A column holding a copy of {@code values}, none missing. */
    public static BooleanColumn of(String name, boolean... values) {
        return new BooleanColumn(name, values.clone(), Missing.none());
    }

    /** A column of boxed values; null entries are missing. */
    public static BooleanColumn ofNullable(String name, Boolean... values) {
        boolean[] out = new boolean[values.length];
        BitSet nulls = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                nulls.set(i);
            } else {
                out[i] = values[i];
            }
        }
        return new BooleanColumn(name, out, Missing.of(nulls));
    }

    /** The column's own storage, not a copy: read it, never write it. Missing rows hold false. */
    public boolean[] values() {
        return values;
    }

    public boolean getBoolean(int row) {
        return values[row];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return missing.contains(row);
    }

    @Override
    public int missingCount() {
        return missing.count();
    }

    @Override
    public Boolean get(int row) {
        return missing.contains(row) ? null : values[row];
    }

    @Override
    public String format(int row) {
        return missing.contains(row) ? null : Boolean.toString(values[row]);
    }

    @Override
    public BooleanColumn rename(String newName) {
        return new BooleanColumn(newName, values, missing);
    }

    @Override
    public BooleanColumn take(int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new BooleanColumn(name, out, missing.take(rows));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BooleanColumn c) || !c.name.equals(name) || c.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Objects.equals(get(i), c.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + values.length;
    }

    @Override
    public String toString() {
        return "BooleanColumn[" + name + ", " + values.length + " rows]";
    }
}
