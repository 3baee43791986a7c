package org.trustml.drift;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.Table;
import org.trustml.drift.internal.ColumnValues;

/**
 * A batch of samples for the autoencoder checker: {@code rows[i]} holds sample {@code i}
 * flattened in the order of {@code shape} ({@code [features]} for tables, {@code [channels,
 * height, width]} for images, channel-major). The rows are the payload: they are not copied,
 * and the caller must not change them while the checker uses them.
 *
 * @param shape the shape of one sample
 * @param rows  one flattened sample per row, each of length {@code prod(shape)}
 */
public record Samples(List<Integer> shape, float[][] rows) {

    public Samples {
        shape = List.copyOf(shape);
        requireNonNull(rows, "rows");
        if (shape.isEmpty() || shape.size() == 2 || shape.size() > 3 || shape.stream().anyMatch(d -> d < 1)) {
            throw InvalidInputException.problem("is not a sample shape").column("shape").value(shape)
                    .expected("[features] or [channels, height, width] with positive sizes").build();
        }
        int size = shape.stream().reduce(1, (a, b) -> a * b);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != size) {
                throw InvalidInputException.problem("has the wrong length").row(i + 1L)
                        .value(rows[i] == null ? "null" : Integer.toString(rows[i].length))
                        .expected(size + " values for shape " + shape).build();
            }
            for (int j = 0; j < size; j++) {
                if (!Float.isFinite(rows[i][j])) {
                    throw InvalidInputException.problem("is not a finite number").row(i + 1L)
                            .column("value " + j + " of the sample").value(rows[i][j])
                            .expected("finite values: the autoencoder cannot score NaN or infinity").build();
                }
            }
        }
    }

    /** Images of {@code channels × height × width} pixels, values usually in [0, 1]. */
    public static Samples images(float[][] pixels, int channels, int height, int width) {
        return new Samples(List.of(channels, height, width), pixels);
    }

    /** Feature vectors. */
    public static Samples vectors(float[][] rows) {
        if (rows.length == 0) {
            throw InvalidInputException.problem("has no rows").column("samples").expected("at least one row").build();
        }
        return new Samples(List.of(rows[0].length), rows);
    }

    /** The named numeric columns of a table as feature vectors (a missing value is an error). */
    public static Samples fromTable(Table table, String... columns) {
        List<String> names = columns.length == 0 ? table.columnNames() : List.of(columns);
        float[][] rows = new float[table.rowCount()][names.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (!table.column(name).type().isNumeric()) {
                throw InvalidInputException.problem("is not numeric").column(name)
                        .expected("numeric columns for the autoencoder").build();
            }
            double[] v = ColumnValues.doubles(table.column(name));
            for (int r = 0; r < v.length; r++) {
                if (Double.isNaN(v[r])) {
                    throw InvalidInputException.problem("is missing").row(r + 1L).column(name)
                            .expected("a number: the autoencoder needs complete rows").build();
                }
                rows[r][c] = (float) v[r];
            }
        }
        return new Samples(List.of(names.size()), rows);
    }

    /** Number of samples. */
    public int size() {
        return rows.length;
    }

    /** Whether these are images ({@code [c, h, w]}). */
    public boolean isImage() {
        return shape.size() == 3;
    }

    /** Values per sample. */
    public int width() {
        return shape.stream().reduce(1, (a, b) -> a * b);
    }

    /** The samples at these indices (rows shared, not copied). */
    public Samples take(int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = rows[indices[i]];
        }
        return new Samples(shape, out);
    }
}
