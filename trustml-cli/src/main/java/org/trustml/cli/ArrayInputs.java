package org.trustml.cli;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.NpyArray;
import org.trustml.core.io.NpyFiles;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.CsvRecords;

/** Reads the attack command's arrays from {@code .npy} or CSV files. */
final class ArrayInputs {
    private ArrayInputs() {}

    /** Samples, row-major, with the shape of one sample. */
    record Samples(float[] values, int count, Shape sampleShape) {}

    static Samples samples(Path file, String shapeText) {
        Shape given = shapeText == null ? null : parseShape(shapeText);
        if (isNpy(file)) {
            NpyArray a = NpyFiles.read(file);
            long[] dims = a.shapeArray();
            if (dims.length < 1) {
                throw InvalidInputException.problem("holds a scalar").file(file).expected("an array (N, ...)").build();
            }
            int n = Math.toIntExact(dims[0]);
            if (n == 0) {
                throw noSamples(file, "has shape " + java.util.Arrays.toString(dims) + ", no samples");
            }
            Shape sample = dims.length == 1 ? new Shape(1) : new Shape(java.util.Arrays.copyOfRange(dims, 1, dims.length));
            if (given != null && given.size() != sample.size()) {
                throw InvalidInputException.problem("has samples of shape " + sample + " (" + sample.size()
                        + " values), which --shape " + shapeText + " cannot hold").file(file)
                        .expected(given.size() + " values per sample").build();
            }
            return new Samples(a.toFloats(), n, given != null ? given : sample);
        }
        List<float[]> rows = csvRows(file);
        if (rows.isEmpty()) {
            throw noSamples(file, "has no samples");
        }
        int width = rows.get(0).length;
        Shape sample = given != null ? given : new Shape(width);
        if (sample.size() != width) {
            throw InvalidInputException.problem("has " + width + " values per row").file(file)
                    .expected(sample.size() + " values per row for --shape " + shapeText).build();
        }
        float[] values = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * width, width);
        }
        return new Samples(values, rows.size(), sample);
    }

    private static InvalidInputException noSamples(Path file, String problem) {
        return InvalidInputException.problem(problem).file(file).expected("at least one sample to attack").build();
    }

    static long[] labels(Path file) {
        if (isNpy(file)) {
            try {
                return NpyFiles.read(file).toLongs();
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.problem("holds labels that are not class indices: " + e.getMessage())
                        .file(file).expected("whole numbers").build();
            }
        }
        List<float[]> rows = csvRows(file);
        long[] out = new long[rows.size()];
        for (int i = 0; i < out.length; i++) {
            float[] r = rows.get(i);
            if (r.length != 1 || r[0] != Math.rint(r[0])) {
                throw InvalidInputException.problem("is not one class index").file(file).row(i + 1L)
                        .expected("one whole number per row").build();
            }
            out[i] = (long) r[0];
        }
        return out;
    }

    private static boolean isNpy(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    private static Shape parseShape(String text) {
        String[] parts = text.split(",");
        long[] dims = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Long.parseLong(parts[i].strip());
            } catch (NumberFormatException e) {
                dims[i] = -1;
            }
            if (dims[i] <= 0) {
                throw InvalidInputException.problem("for --shape is not a shape").value(text)
                        .expected("positive sizes separated by commas, e.g. 1,28,28").build();
            }
        }
        return new Shape(dims);
    }

    /**
     * Numeric CSV rows, read under the rules of every trustml CSV reader ({@link CsvRecords}); a
     * first line that is not numeric is taken as a header and skipped.
     */
    private static List<float[]> csvRows(Path file) {
        List<float[]> rows = new ArrayList<>();
        try (CsvRecords csv = CsvRecords.openWithoutHeader(file, CsvOptions.defaults())) {
            boolean first = true;
            while (csv.next()) {
                float[] row = new float[csv.fieldCount()];
                for (int j = 0; j < row.length; j++) {
                    try {
                        row[j] = Float.parseFloat(csv.field(j).strip());
                    } catch (NumberFormatException e) {
                        if (first) {
                            row = null;
                            break;
                        }
                        throw InvalidInputException.problem("is not a number").file(file).line(csv.line())
                                .column("" + (j + 1)).value(csv.field(j)).expected("numbers separated by commas").build();
                    }
                }
                first = false;
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
