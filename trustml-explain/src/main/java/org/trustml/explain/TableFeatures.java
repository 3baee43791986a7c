package org.trustml.explain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.BooleanColumn;
import org.trustml.core.table.Column;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * A table model's feature columns as LIME's numeric rows and back: numeric columns as they are, text and
 * boolean columns as category codes (the index of the value among the column's values sorted, seen in the
 * background or the explained rows), marked categorical.
 */
final class TableFeatures {
    private final List<String> names;
    /** Per feature: its categories by code, or null for a numeric feature. */
    private final List<List<String>> categories;
    private final boolean[] bool;
    private final TabularData background;
    private final double[][] explained;

    private TableFeatures(List<String> names, List<List<String>> categories, boolean[] bool, TabularData background,
            double[][] explained) {
        this.names = names;
        this.categories = categories;
        this.bool = bool;
        this.background = background;
        this.explained = explained;
    }

    /**
     * The encoding of {@code features} over {@code background} (the sampling statistics) and {@code explained}
     * (the rows to explain).
     *
     * @throws InvalidInputException naming the column (and row) of an absent feature or a missing or infinite value
     */
    static TableFeatures of(List<String> features, Table background, Table explained) {
        List<List<String>> categories = new ArrayList<>();
        boolean[] bool = new boolean[features.size()];
        Set<Integer> categorical = new HashSet<>();
        for (int j = 0; j < features.size(); j++) {
            Column b = column(background, features.get(j), "background");
            Column e = column(explained, features.get(j), "evaluated");
            bool[j] = b instanceof BooleanColumn;
            if (b instanceof StringColumn || b instanceof BooleanColumn) {
                TreeSet<String> values = new TreeSet<>();
                for (Column c : List.of(b, e)) {
                    for (int r = 0; r < c.size(); r++) {
                        values.add(present(c, r, c == b ? "background" : "evaluated"));
                    }
                }
                categories.add(List.copyOf(values));
                categorical.add(j);
            } else {
                categories.add(null);
            }
        }
        TableFeatures shape = new TableFeatures(List.copyOf(features), categories, bool, null, null);
        TabularData data = new TabularData(features, shape.encode(background, "background"), categorical, List.of());
        return new TableFeatures(shape.names, categories, bool, data, shape.encode(explained, "evaluated"));
    }

    private static Column column(Table t, String name, String which) {
        if (!t.columnNames().contains(name)) {
            throw InvalidInputException.problem("is not among the " + which + " rows' columns").column(name)
                    .expected("the model's feature columns " + t.columnNames()).build();
        }
        return t.column(name);
    }

    private static String present(Column c, int r, String which) {
        if (c.isMissing(r)) {
            throw InvalidInputException.problem("is missing in the " + which + " rows").row(r + 1L).column(c.name())
                    .expected("a value in every feature cell (LIME samples around complete rows)").build();
        }
        return c.format(r);
    }

    private double[][] encode(Table t, String which) {
        double[][] x = new double[t.rowCount()][names.size()];
        for (int j = 0; j < names.size(); j++) {
            Column c = t.column(names.get(j));
            List<String> cats = categories.get(j);
            for (int r = 0; r < x.length; r++) {
                if (cats != null) {
                    x[r][j] = cats.indexOf(present(c, r, which));
                    continue;
                }
                if (c instanceof StringColumn || c instanceof BooleanColumn) {
                    throw InvalidInputException.problem("has type " + c.type().label() + " in the " + which
                            + " rows").column(c.name()).expected("the type it has in the background rows").build();
                }
                double v = c.isMissing(r) ? Double.NaN : c.number(r);
                if (!Double.isFinite(v)) {
                    throw InvalidInputException.problem("is missing or not finite in the " + which + " rows")
                            .row(r + 1L).column(c.name()).value(v).expected("a finite number").build();
                }
                x[r][j] = v;
            }
        }
        return x;
    }

    /**
     * How a table explainer's config names where its background comes from: the table's size and hash, or the
     * evaluated rows.
     */
    static String backgroundLabel(java.util.Optional<Table> background) {
        return background.map(t -> t.rowCount() + " rows, " + t.contentHash()).orElse("evaluated rows");
    }

    /** {@code model} over encoded rows: each batch decoded into a table of the feature columns. */
    RowModel<double[]> rowModel(org.trustml.core.evaluation.TableClassifier model) {
        return batch -> model.probabilities(decode(batch));
    }

    /** The sampling statistics: the background rows encoded, categorical features marked. */
    TabularData background() {
        return background;
    }

    /** Evaluated row {@code row}, encoded. */
    double[] encoded(int row) {
        return explained[row].clone();
    }

    /** Encoded rows back as a table of the feature columns. */
    Table decode(List<double[]> rows) {
        List<Column> columns = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            List<String> cats = categories.get(j);
            if (cats == null) {
                double[] v = new double[rows.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = rows.get(r)[j];
                }
                columns.add(DoubleColumn.of(names.get(j), v));
            } else if (bool[j]) {
                boolean[] v = new boolean[rows.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = Boolean.parseBoolean(category(cats, rows.get(r)[j]));
                }
                columns.add(BooleanColumn.of(names.get(j), v));
            } else {
                List<String> v = new ArrayList<>(rows.size());
                for (double[] row : rows) {
                    v.add(category(cats, row[j]));
                }
                columns.add(StringColumn.of(names.get(j), v));
            }
        }
        return Table.of(columns);
    }

    private static String category(List<String> cats, double code) {
        return cats.get((int) Math.round(code));
    }

    /** {@code rules} with each categorical feature's code replaced by its value ({@code sex=F}), as lime prints them. */
    List<FeatureRule> readable(List<FeatureRule> rules, int row) {
        List<FeatureRule> out = new ArrayList<>(rules.size());
        for (FeatureRule r : rules) {
            List<String> cats = categories.get(r.feature());
            out.add(cats == null ? r : new FeatureRule(r.feature(),
                    names.get(r.feature()) + "=" + category(cats, explained[row][r.feature()]), r.weight()));
        }
        return out;
    }
}
