package org.trustml.explain;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import org.trustml.core.InvalidInputException;

/** Copies model outputs out of NDArrays and converts or checks them according to their {@link OutputKind}. */
final class ModelOutputs {
    /** Tolerance on the row sum of declared probabilities. */
    public static final double SUM_TOLERANCE = 1e-3;

    private ModelOutputs() {}

    /** The rows of a {@code [b, K]} (or {@code [b]}) output as doubles; {@code firstRow} numbers rows in messages. */
    public static double[][] rows(NDArray out, int expectedRows, int firstRow, OutputKind kind) {
        long[] shape = out.getShape().getShape();
        if (shape.length == 0 || shape[0] != expectedRows || shape.length > 2) {
            throw InvalidInputException.problem("has the wrong shape").column("model output")
                    .value(out.getShape()).expected("[" + expectedRows + ", classes] for a batch of "
                            + expectedRows).build();
        }
        int k = shape.length == 1 ? 1 : (int) shape[1];
        double[] flat = out.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
        double[][] rows = new double[expectedRows][k];
        for (int i = 0; i < expectedRows; i++) {
            System.arraycopy(flat, i * k, rows[i], 0, k);
            convert(rows[i], firstRow + i, kind);
        }
        return rows;
    }

    /** Applies the softmax to logits, checks probabilities, leaves raw rows as they are. */
    public static void convert(double[] row, int rowIndex, OutputKind kind) {
        for (double v : row) {
            if (!Double.isFinite(v)) {
                throw InvalidInputException.problem("contains a non-finite value").column("model output row " + rowIndex)
                        .value(Arrays.toString(row)).expected("finite numbers").build();
            }
        }
        if (kind == OutputKind.LOGITS) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.exp(row[j] - max);
                sum += row[j];
            }
            for (int j = 0; j < row.length; j++) {
                row[j] /= sum;
            }
        } else if (kind == OutputKind.PROBABILITIES) {
            double sum = 0;
            boolean inRange = true;
            for (double v : row) {
                sum += v;
                inRange &= v >= 0 && v <= 1;
            }
            if (!inRange || Math.abs(sum - 1.0) > SUM_TOLERANCE) {
                throw InvalidInputException.problem(String.format(java.util.Locale.ROOT,
                        "is not a probability vector (values must lie in [0, 1] and sum to 1, sum is %.6g)", sum))
                        .column("model output row " + rowIndex).value(Arrays.toString(row))
                        .expected("probabilities; declare the output as logits to apply a softmax").build();
            }
        }
    }

    /**
     * Checks a {@link RowModel}'s answer to {@code inputs} inputs: one row each, all {@code width} wide (any positive
     * width when {@code width} is negative), finite. Returns the width.
     */
    static int checkRows(double[][] y, int inputs, int width) {
        if (y == null || y.length != inputs) {
            throw InvalidInputException.problem("returned " + (y == null ? "nothing" : y.length + " rows") + " for "
                    + inputs + " inputs").column("model output").expected(inputs + " rows").build();
        }
        for (int i = 0; i < y.length; i++) {
            if (width < 0) {
                width = y[i].length;
            }
            if (y[i].length != width || width == 0) {
                throw InvalidInputException.problem("has " + y[i].length + " outputs").column("model output row " + i)
                        .value(Arrays.toString(y[i])).expected(Math.max(1, width) + " outputs in every row").build();
            }
            convert(y[i], i, OutputKind.RAW);
        }
        return width;
    }
}
