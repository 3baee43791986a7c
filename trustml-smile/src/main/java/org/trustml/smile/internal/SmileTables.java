package org.trustml.smile.internal;

import java.util.List;
import java.util.TreeSet;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.Column;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/** Reads the label and feature columns of a trustml {@link Table} into the arrays Smile fits on. */
public final class SmileTables {
    private SmileTables() {}

    /** The distinct labels (each row's text), sorted; a missing label is an error naming its row. */
    public static List<String> classes(Table table, String label) {
        Column c = table.column(label);
        TreeSet<String> seen = new TreeSet<>();
        for (int r = 0; r < table.rowCount(); r++) {
            seen.add(labelOf(c, r));
        }
        if (seen.size() < 2) {
            throw InvalidInputException.problem("has " + seen.size() + " class(es)").column(label)
                    .value(String.join(", ", seen)).expected("at least 2 classes to tell apart").build();
        }
        return List.copyOf(seen);
    }

    /** Each row's class index into {@code classes}; a missing or unknown label is an error naming its row. */
    public static int[] labels(Table table, String label, List<String> classes) {
        Column c = table.column(label);
        int[] y = new int[table.rowCount()];
        for (int r = 0; r < y.length; r++) {
            String v = labelOf(c, r);
            y[r] = classes.indexOf(v);
            if (y[r] < 0) {
                throw InvalidInputException.problem("is not a class the model knows").row(r + 1L).column(label).value(v)
                        .expected("one of " + classes).build();
            }
        }
        return y;
    }

    private static String labelOf(Column c, int r) {
        if (c.isMissing(r) || c.format(r).isEmpty()) {
            throw InvalidInputException.problem("is missing").row(r + 1L).column(c.name()).expected("a label").build();
        }
        return c.format(r);
    }

    /**
     * The feature columns as rows, {@code [row][feature]}: doubles as they are, longs widened, booleans
     * 1/0. A text column, a missing value or an infinite one is an error naming the column (and the
     * 1-based row).
     */
    public static double[][] features(Table table, List<String> features) {
        double[][] x = new double[table.rowCount()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            Column c = table.column(features.get(j));
            if (c instanceof StringColumn) {
                throw InvalidInputException.problem("has type " + c.type().label()).column(c.name())
                        .expected("a numeric or boolean feature column (encode categories as numbers first)").build();
            }
            for (int r = 0; r < x.length; r++) {
                double v = c.isMissing(r) ? Double.NaN : c.number(r);
                if (Double.isNaN(v)) {
                    throw InvalidInputException.problem("is missing").row(r + 1L).column(c.name())
                            .expected("a number in every row (impute or filter first)").build();
                }
                if (Double.isInfinite(v)) {
                    throw InvalidInputException.problem("is infinite").row(r + 1L).column(c.name()).value(v)
                            .expected("a finite number").build();
                }
                x[r][j] = v;
            }
        }
        return x;
    }
}
