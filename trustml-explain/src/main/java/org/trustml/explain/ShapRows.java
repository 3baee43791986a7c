package org.trustml.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects explained rows for a {@link ShapReport}: each row's values for the class it was explained for, summed
 * into the report's feature columns when the explanation's features are finer (one-hot {@code column=value}
 * features of a tree model), and the running mean |value| per column.
 */
final class ShapRows {
    private final List<String> columns;
    private final double[] sumAbs;
    private final List<ShapReport.ExplainedRow> detailed = new ArrayList<>();
    private int count;

    ShapRows(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.sumAbs = new double[columns.size()];
    }

    /**
     * Adds explanation {@code e}'s output {@code output} to the mean; when {@code truth} is not null, also as a
     * detailed row.
     *
     * @param columnOf per explanation feature, the report column it belongs to (null: the same index)
     */
    void add(int row, String truth, String predicted, int output, ShapExplanation e, int[] columnOf) {
        double[] v = grouped(e.values(output), columnOf);
        double[] se = grouped(e.standardErrors(output), columnOf);
        for (int j = 0; j < v.length; j++) {
            sumAbs[j] += Math.abs(v[j]);
        }
        count++;
        if (truth == null) {
            return;
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double expected = e.expectedValues().get(output);
        double value = e.outputValues().get(output);
        detailed.add(new ShapReport.ExplainedRow(row, truth, predicted, expected, value, boxed(v), boxed(se),
                Math.abs(sum - (value - expected)), e.converged(), e.coalitions()));
    }

    /**
     * Sums values into columns; standard errors of summed features add up (an upper bound: their covariances are
     * not known), which is 0 for the exact methods anyway.
     */
    private double[] grouped(double[] values, int[] columnOf) {
        if (columnOf == null) {
            return values;
        }
        double[] out = new double[columns.size()];
        for (int j = 0; j < values.length; j++) {
            if (columnOf[j] >= 0) {
                out[columnOf[j]] += values[j];
            }
        }
        return out;
    }

    private static List<Double> boxed(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double x : a) {
            l.add(x);
        }
        return l;
    }

    ShapReport report(ShapMethod method, String units, long seed, String background) {
        List<Double> mean = new ArrayList<>();
        for (double s : sumAbs) {
            mean.add(count == 0 ? Double.NaN : s / count);
        }
        return new ShapReport(ShapReport.SCHEMA_VERSION, method, units, seed, background, columns, mean, count,
                detailed);
    }
}
