package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** A column of doubles. Missing rows hold NaN in {@link #values()} and are tracked in a bit set. */
public final class DoubleColumn implements Column {
    private final String name;
    private final double[] values;
    private final Missing missing;

    DoubleColumn(String name, double[] values, Missing missing) {
        this.name = requireNonNull(name, "name");
        this.values = values;
        this.missing = missing;
    }

    /** A column holding a copy of {@code values}; NaN entries are missing. */
    public static DoubleColumn of(String name, double... values) {
        double[] copy = values.clone();
        return new DoubleColumn(name, copy, ColumnBuilders.nanMask(copy));
    }

    /**
     * The column's own storage, not a copy: read it, never write it (the table is immutable only
     * while callers keep to that). Missing rows hold NaN.
     */
    public double[] values() {
        return values;
    }

    public double getDouble(int row) {
        return values[row];
    }

    /** A new column with {@code f} applied to every present value; missing rows stay missing. */
    public DoubleColumn map(DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = missing.contains(i) ? Double.NaN : f.applyAsDouble(values[i]);
        }
        return new DoubleColumn(name, out, ColumnBuilders.nanMask(out));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.DOUBLE;
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
    public Double get(int row) {
        return missing.contains(row) ? null : values[row];
    }

    @Override
    public String format(int row) {
        return missing.contains(row) ? null : Double.toString(values[row]);
    }

    @Override
    public DoubleColumn rename(String newName) {
        return new DoubleColumn(newName, values, missing);
    }

    @Override
    public DoubleColumn take(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new DoubleColumn(name, out, missing.take(rows));
    }

    @Override
    public boolean equals(Object o) {
        // Arrays.equals compares bit patterns through doubleToLongBits, so NaN equals NaN.
        return o instanceof DoubleColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DoubleColumn[" + name + ", " + values.length + " rows]";
    }
}
