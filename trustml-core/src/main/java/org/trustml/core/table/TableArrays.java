package org.trustml.core.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.trustml.core.InvalidInputException;

/** Copies numeric table columns into a row-major DJL {@link NDArray}. */
final class TableArrays {
    private TableArrays() {}

    static NDArray toNDArray(Table table, NDManager manager, DataType dataType, String... names) {
        if (names.length == 0) {
            throw InvalidInputException.problem("needs at least one column")
                    .expected("one or more numeric columns of " + String.join(", ", table.columnNames())).build();
        }
        if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
            throw InvalidInputException.problem("is not supported").value(dataType)
                    .expected("FLOAT32 or FLOAT64").build();
        }
        int rows = table.rowCount();
        int cols = names.length;
        double[] data = new double[rows * cols];
        for (int j = 0; j < cols; j++) {
            Column c = table.column(names[j]);
            if (c.missingCount() > 0) {
                int row = firstMissing(c);
                throw InvalidInputException.problem("is missing").row(row).column(c.name())
                        .expected("no missing values in columns converted to an NDArray; filter or impute first")
                        .build();
            }
            for (int i = 0; i < rows; i++) {
                data[i * cols + j] = value(c, i);
            }
        }
        Shape shape = new Shape(rows, cols);
        if (dataType == DataType.FLOAT64) {
            return manager.create(data, shape);
        }
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return manager.create(f, shape);
    }

    /** A numeric or boolean cell as a double (DOUBLE as is, LONG widened, BOOLEAN 1/0); else an error. */
    static double value(Column c, int row) {
        if (c instanceof DoubleColumn d) {
            return d.getDouble(row);
        }
        if (c instanceof LongColumn l) {
            return l.getLong(row);
        }
        if (c instanceof BooleanColumn b) {
            return b.getBoolean(row) ? 1 : 0;
        }
        throw Table.wrongType(c, "a double, long or boolean column");
    }

    private static int firstMissing(Column c) {
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                return i;
            }
        }
        return -1;
    }
}
