package org.trustml.tabular.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.Column;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/** Tables to Tribuo examples and back: labels, one-hot features, the held-out split, trainers. */
public final class TribuoTables {
    private static final LabelFactory LABELS = new LabelFactory();

    private TribuoTables() {}

    /** The rows of the training and the held-out part, each ascending. */
    public record Split(int[] train, int[] test) {}

    /** The distinct labels, sorted; a missing label is an error naming its row. */
    public static List<String> classes(Table table, String label) {
        Column c = table.column(label);
        TreeMap<String, Boolean> seen = new TreeMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            seen.put(labelOf(c, r), true);
        }
        if (seen.size() < 2) {
            throw InvalidInputException.problem("has " + seen.size() + " class(es)").column(label)
                    .value(String.join(", ", seen.keySet())).expected("at least 2 classes to tell apart").build();
        }
        return List.copyOf(seen.keySet());
    }

    private static String labelOf(Column c, int r) {
        if (c.isMissing(r) || c.format(r).isEmpty()) {
            throw InvalidInputException.problem("is missing").row(r + 1L).column(c.name()).expected("a label").build();
        }
        return c.format(r);
    }

    /**
     * Each class's rows shuffled with {@code random} (Fisher–Yates) and cut: the first
     * {@code round(n · testFraction)} (at least 1) are held out. A class that would leave no row on
     * either side is an error.
     */
    public static Split split(Table table, String label, List<String> classes, double testFraction,
            SplittableRandom random) {
        Column c = table.column(label);
        Map<String, List<Integer>> byClass = new TreeMap<>();
        classes.forEach(k -> byClass.put(k, new ArrayList<>()));
        for (int r = 0; r < table.rowCount(); r++) {
            byClass.get(labelOf(c, r)).add(r);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        byClass.forEach((k, rows) -> {
            int n = rows.size();
            int held = Math.max(1, (int) Math.round(n * testFraction));
            if (n < 2 || held >= n) {
                throw InvalidInputException.problem("has too few rows for the split: " + n).column(label).value(k)
                        .expected("at least 2 rows per class, so that " + testFraction
                                + " of them can be held out and the rest trained on").build();
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            test.addAll(rows.subList(0, held));
            train.addAll(rows.subList(held, n));
        });
        return new Split(sorted(train), sorted(test));
    }

    private static int[] sorted(List<Integer> rows) {
        int[] a = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /**
     * One example per row: numbers and booleans (1/0) as features named by their column, strings one-hot
     * as one {@code column=value} feature per value present in the table, 1 for the row's value and 0
     * for the others (a missing string is 0 in all); a missing number is an error naming its row. The
     * weight column, if any, sets each example's weight.
     */
    public static List<Example<Label>> examples(Table table, String labelColumn, List<String> featureColumns,
            Optional<String> weightColumn) {
        return examples(table, Optional.of(labelColumn), featureColumns, weightColumn);
    }

    /** The same for rows that may have no label column (to predict): their label is Tribuo's unknown label. */
    public static List<Example<Label>> examples(Table table, Optional<String> labelColumn, List<String> featureColumns,
            Optional<String> weightColumn) {
        Column label = labelColumn.map(table::column).orElse(null);
        List<Column> features = featureColumns.stream().map(table::column).toList();
        double[] weights = weightColumn.map(w -> weights(table.column(w))).orElse(null);
        List<List<String>> categories = features.stream().map(TribuoTables::categories).toList();
        int width = categories.stream().mapToInt(c -> Math.max(1, c.size())).sum();
        List<Example<Label>> out = new ArrayList<>(table.rowCount());
        String[] names = new String[width];
        double[] values = new double[width];
        for (int r = 0; r < table.rowCount(); r++) {
            int k = 0;
            for (int c = 0; c < features.size(); c++) {
                Column f = features.get(c);
                if (f instanceof StringColumn) { // one-hot, every category present as 0 or 1
                    String v = f.isMissing(r) ? null : f.format(r);
                    for (String category : categories.get(c)) {
                        names[k] = f.name() + "=" + category;
                        values[k++] = category.equals(v) ? 1 : 0;
                    }
                    continue;
                }
                if (f.isMissing(r)) {
                    throw InvalidInputException.problem("is missing").row(r + 1L).column(f.name())
                            .expected("a number for every row (impute missing values before training)").build();
                }
                names[k] = f.name();
                values[k++] = f.number(r);
            }
            ArrayExample<Label> e = new ArrayExample<>(label == null ? LabelFactory.UNKNOWN_LABEL : new Label(labelOf(label, r)), Arrays.copyOf(names, k),
                    Arrays.copyOf(values, k));
            if (weights != null) {
                e.setWeight((float) weights[r]);
            }
            out.add(e);
        }
        return out;
    }

    /** A string column's distinct present values, sorted; none for other columns. */
    private static List<String> categories(Column f) {
        if (!(f instanceof StringColumn)) {
            return List.of();
        }
        java.util.TreeSet<String> seen = new java.util.TreeSet<>();
        for (int r = 0; r < f.size(); r++) {
            if (!f.isMissing(r)) {
                seen.add(f.format(r));
            }
        }
        return List.copyOf(seen);
    }

    /**
     * Logistic regression standardises each feature by its standard deviation on the training rows:
     * a feature that never varies there would divide by zero, so it is refused by name.
     */
    public static void requireVarying(List<Example<Label>> examples) {
        Map<String, double[]> range = new TreeMap<>();
        for (Example<Label> e : examples) {
            for (org.tribuo.Feature f : e) {
                double[] mm = range.computeIfAbsent(f.getName(), n -> new double[] {f.getValue(), f.getValue()});
                mm[0] = Math.min(mm[0], f.getValue());
                mm[1] = Math.max(mm[1], f.getValue());
            }
        }
        range.forEach((name, mm) -> {
            if (mm[0] == mm[1]) {
                throw InvalidInputException.problem("has the same value " + mm[0] + " in every training row")
                        .column(name).expected("a feature that varies (logistic regression standardises each "
                                + "feature); drop it from the features").build();
            }
        });
    }

    private static double[] weights(Column c) {
        double[] w = new double[c.size()];
        for (int r = 0; r < w.length; r++) {
            w[r] = c.isMissing(r) || !c.type().isNumeric() ? Double.NaN : c.number(r);
            if (!(w[r] >= 0) || Double.isInfinite(w[r])) {
                throw InvalidInputException.problem("is not an instance weight").row(r + 1L).column(c.name())
                        .value(c.format(r)).expected("a finite number >= 0").build();
            }
        }
        return w;
    }

    /** A Tribuo dataset of these examples. */
    public static MutableDataset<Label> dataset(String source, List<Example<Label>> examples) {
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance(source, LABELS), LABELS);
        d.addAll(examples);
        return d;
    }

    /**
     * Class probabilities for each example, one column per class in {@code classes} order; each row is
     * rescaled to sum to 1 (XGBoost's float scores may miss by a rounding error).
     */
    public static double[][] probabilities(Model<Label> model, List<Example<Label>> examples, List<String> classes) {
        List<Prediction<Label>> predictions = model.predict(examples);
        double[][] p = new double[predictions.size()][classes.size()];
        for (int i = 0; i < p.length; i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            double sum = 0;
            for (int j = 0; j < classes.size(); j++) {
                Label l = scores.get(classes.get(j));
                p[i][j] = l == null ? 0 : Math.max(0, l.getScore());
                sum += p[i][j];
            }
            for (int j = 0; j < classes.size(); j++) {
                p[i][j] = sum > 0 ? p[i][j] / sum : 1.0 / classes.size();
            }
        }
        return p;
    }
}
