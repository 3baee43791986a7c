package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/** A column of 64-bit integers. Missing rows hold 0 in {@link #values()} and are tracked in a bit set. */
public final class LongColumn implements Column {
    private final String name;
    private final long[] values;
    private final Missing missing;

    LongColumn(String name, long[] values, Missing missing) {
        this.name = requireNonNull(name, "name");
        this.values = values;
        this.missing = missing;
    }

    /** A column holding a copy of {@code values}, none missing. */
    public static LongColumn of(String name, long... values) {
        return new LongColumn(name, values.clone(), Missing.none());
    }

    /** A column of boxed values; null entries are missing. */
    public static LongColumn ofNullable(String name, Long... values) {
        long[] out = new long[values.length];
        BitSet nulls = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                nulls.set(i);
            } else {
                out[i] = values[i];
            }
        }
        return new LongColumn(name, out, Missing.of(nulls));
    }

    /** The column's own storage, not a copy: read it, never write it. Missing rows hold 0. */
    public long[] values() {
        return values;
    }

    public long getLong(int row) {
        return values[row];
    }

    /** A new column with {@code f} applied to every present value; missing rows stay missing. */
    public LongColumn map(LongUnaryOperator f) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = missing.contains(i) ? 0 : f.applyAsLong(values[i]);
        }
        return new LongColumn(name, out, missing);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.LONG;
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
    public Long get(int row) {
        return missing.contains(row) ? null : values[row];
    }

    @Override
    public String format(int row) {
        return missing.contains(row) ? null : Long.toString(values[row]);
    }

    @Override
    public LongColumn rename(String newName) {
        return new LongColumn(newName, values, missing);
    }

    @Override
    public LongColumn take(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new LongColumn(name, out, missing.take(rows));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LongColumn c) || !c.name.equals(name) || c.values.length != values.length) {
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
        return "LongColumn[" + name + ", " + values.length + " rows]";
    }
}
