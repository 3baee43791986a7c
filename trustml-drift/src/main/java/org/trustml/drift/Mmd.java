package org.trustml.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.core.table.Table;
import org.trustml.drift.internal.ColumnValues;
import org.trustml.drift.internal.MaximumMeanDiscrepancy;

/** Runs {@link MaximumMeanDiscrepancy} on the numeric columns of two tables. */
final class Mmd {
    private Mmd() {}

    /**
     * Rows with a missing value in any of the columns are left out; when a side has more than
     * {@code maxRows} rows, a seeded uniform subsample of {@code maxRows} rows is used (the test
     * is quadratic in the number of rows).
     */
    static MmdResult run(Table reference, Table current, List<String> columns, int permutations,
            int maxRows, long seed, double threshold) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = rows(reference, columns, maxRows, random.split());
        double[][] y = rows(current, columns, maxRows, random.split());
        if (x.length < 2 || y.length < 2) {
            throw org.trustml.core.InvalidInputException.problem("has fewer than two complete rows on one side")
                    .column(String.join(",", columns)).value(x.length + " reference, " + y.length + " current")
                    .expected("at least two rows without missing values in each table for MMD").build();
        }
        MaximumMeanDiscrepancy.Result r = MaximumMeanDiscrepancy.test(x, y, permutations, random.nextLong());
        return new MmdResult(columns, r.mmd2(), r.pValue(), r.sigma(), permutations, x.length, y.length, threshold,
                r.pValue() < threshold);
    }

    private static double[][] rows(Table t, List<String> columns, int maxRows, SplittableRandom random) {
        double[][] cols = new double[columns.size()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnValues.doubles(t.column(columns.get(c)));
        }
        List<double[]> complete = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            double[] row = new double[cols.length];
            boolean ok = true;
            for (int c = 0; c < cols.length; c++) {
                row[c] = cols[c][i];
                ok &= !Double.isNaN(row[c]);
            }
            if (ok) {
                complete.add(row);
            }
        }
        if (complete.size() > maxRows) {
            // partial Fisher–Yates: the first maxRows positions are a uniform sample
            for (int i = 0; i < maxRows; i++) {
                int j = i + random.nextInt(complete.size() - i);
                double[] tmp = complete.get(i);
                complete.set(i, complete.get(j));
                complete.set(j, tmp);
            }
            return complete.subList(0, maxRows).toArray(new double[0][]);
        }
        return complete.toArray(new double[0][]);
    }
}
