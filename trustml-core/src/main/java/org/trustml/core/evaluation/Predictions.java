package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.ContentHash;
import org.trustml.core.run.ContentAddressable;
import org.trustml.core.table.Column;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * A classifier's predictions on a set of rows, whatever made them: per row the true class, the
 * predicted class, optionally the class probabilities, optionally an id, and any number of named
 * attribute columns (protected attributes such as {@code sex}, slice columns). This is what the
 * model-neutral evaluators ({@link PredictionsEvaluator}: metrics per slice, fairness …) read, so
 * the same check runs on an image model, a Tribuo model, a served model's logged predictions or a
 * CSV file of predictions, with the same numbers.
 *
 * <pre>{@code
 * Predictions p = Predictions.builder(List.of("no", "yes"))
 *         .truth(truth).probabilities(probabilities)      // predicted = argmax unless given
 *         .attribute(StringColumn.of("sex", sexes)).build();
 * Predictions logged = Predictions.readCsv(Path.of("scored.csv"), PredictionColumns.of("label", "predicted"));
 * ClassificationReport r = logged.report(List.of("sex"), List.of());
 * }</pre>
 *
 * <p>Immutable: classes are indices into {@link #classes()} held in {@code int[]}, probabilities one
 * {@code double[]} per class, attributes a {@link Table}; every array is copied on the way in and
 * out. Probabilities are checked as {@link Classification#scores} checks them (each in [0, 1], each
 * row summing to 1 within 1e-4).
 */
public final class Predictions implements ContentAddressable {
    private final List<String> classes;
    private final int[] truth;
    private final int[] predicted;
    /** {@code [class][row]}, or null. */
    private final double[][] probabilities;
    private final Column ids;
    private final Table attributes;

    private Predictions(List<String> classes, int[] truth, int[] predicted, double[][] probabilities, Column ids,
            Table attributes) {
        this.classes = classes;
        this.truth = truth;
        this.predicted = predicted;
        this.probabilities = probabilities;
        this.ids = ids;
        this.attributes = attributes;
    }

    /** Starts predictions over these classes, in order (at least two). */
    public static Builder builder(List<String> classes) {
        return new Builder(classes);
    }

    /**
     * Predictions from arrays (copied): class indices into {@code classes}, probabilities
     * {@code [row][class]}, and the rows' attribute columns ({@code attributes} may have no columns).
     */
    public static Predictions of(List<String> classes, int[] truth, int[] predicted, double[][] probabilities,
            Table attributes) {
        return builder(classes).truth(truth).predicted(predicted).probabilities(probabilities).attributes(attributes)
                .build();
    }

    /**
     * Reads predictions from the columns of a table.
     *
     * @throws InvalidInputException naming the row, column and value when a label is missing or not a
     *                               class, a probability is missing or out of [0, 1], or a row's
     *                               probabilities do not sum to 1
     */
    public static Predictions fromTable(Table table, PredictionColumns columns) {
        return TableReader.read(requireNonNull(table, "table"), requireNonNull(columns, "columns"), null);
    }

    /**
     * Reads a CSV file of predictions with trustml's strict CSV reader ({@link CsvOptions}): labels
     * and ids are read as text (so {@code 01} stays {@code 01}), probabilities as numbers. Every problem is an
     * {@link InvalidInputException} naming the file, the row (1-based, not counting the header), the
     * column, the value and what was expected.
     */
    public static Predictions readCsv(Path file, PredictionColumns columns) {
        requireNonNull(file, "file");
        requireNonNull(columns, "columns");
        CsvOptions options = CsvOptions.defaults().withType(columns.truth(), ColumnType.STRING)
                .withType(columns.predicted(), ColumnType.STRING);
        if (columns.id().isPresent()) {
            options = options.withType(columns.id().get(), ColumnType.STRING);
        }
        return TableReader.read(Table.readCsv(file, options), columns, file);
    }

    /** How many rows. */
    public int size() {
        return truth.length;
    }

    /** The classes, by index. */
    public List<String> classes() {
        return classes;
    }

    /** The true class index of a row. */
    public int truth(int row) {
        return truth[row];
    }

    /** The predicted class index of a row. */
    public int predicted(int row) {
        return predicted[row];
    }

    /** The true class index of every row (a copy). */
    public int[] truth() {
        return truth.clone();
    }

    /** The predicted class index of every row (a copy). */
    public int[] predicted() {
        return predicted.clone();
    }

    /** Whether class probabilities were given. */
    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** The probability of class {@code classIndex} on a row; an error without probabilities. */
    public double probability(int row, int classIndex) {
        return requireProbabilities()[classIndex][row];
    }

    /** The probability of class {@code classIndex} on every row (a copy). */
    public double[] probabilities(int classIndex) {
        return requireProbabilities()[classIndex].clone();
    }

    /** The probabilities as rows, {@code [row][class]} (a new array); an error without probabilities. */
    public double[][] probabilities() {
        double[][] byClass = requireProbabilities();
        double[][] rows = new double[truth.length][classes.size()];
        for (int j = 0; j < byClass.length; j++) {
            for (int i = 0; i < rows.length; i++) {
                rows[i][j] = byClass[j][i];
            }
        }
        return rows;
    }

    /** The row ids, if given. */
    public Optional<Column> ids() {
        return Optional.ofNullable(ids);
    }

    /** The attribute columns (a table without columns when there are none). */
    public Table attributes() {
        return attributes;
    }

    /** One attribute column; an error naming the known ones when there is none of this name. */
    public Column attribute(String name) {
        if (!attributes.hasColumn(requireNonNull(name, "name"))) {
            throw InvalidInputException.problem("is not an attribute of the predictions").column(name)
                    .expected("one of " + attributes.columnNames()).build();
        }
        return attributes.column(name);
    }

    /** The rows at these indices, in this order. */
    public Predictions subset(int[] rows) {
        int[] t = new int[rows.length];
        int[] p = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= truth.length) {
                throw InvalidInputException.problem("is not a row index").column("rows").value(rows[i])
                        .expected("0 to " + (truth.length - 1)).build();
            }
            t[i] = truth[rows[i]];
            p[i] = predicted[rows[i]];
        }
        double[][] probs = null;
        if (probabilities != null) {
            probs = new double[classes.size()][rows.length];
            for (int j = 0; j < probs.length; j++) {
                for (int i = 0; i < rows.length; i++) {
                    probs[j][i] = probabilities[j][rows[i]];
                }
            }
        }
        return new Predictions(classes, t, p, probs, ids == null ? null : ids.take(rows),
                attributes.columnCount() == 0 ? attributes : attributes.take(rows));
    }

    /**
     * The rows of a slice: those whose attributes have the slice's values, compared as
     * {@link Classification} names its slices (the column's text, {@value Classification#MISSING} for a
     * missing value). {@link Slice#OVERALL} is every row.
     */
    public Predictions slice(Slice slice) {
        List<Column> cols = new ArrayList<>();
        List<String> values = new ArrayList<>();
        slice.features().forEach((name, value) -> {
            cols.add(attribute(name));
            values.add(value);
        });
        int[] rows = new int[truth.length];
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean in = true;
            for (int c = 0; c < cols.size() && in; c++) {
                Column col = cols.get(c);
                in = values.get(c).equals(col.isMissing(i) ? Classification.MISSING : col.format(i));
            }
            if (in) {
                rows[n++] = i;
            }
        }
        return subset(java.util.Arrays.copyOf(rows, n));
    }

    /**
     * A {@link Classification} of these predictions, with their probabilities as scores; add slices of
     * {@link #attributes()} before {@link Classification#report()}.
     */
    public Classification classification() {
        Classification c = Classification.of(truth, predicted, classes);
        return probabilities == null ? c : c.scoresByClass(probabilities);
    }

    /**
     * The classification report overall and per slice: one slice per value of each column of
     * {@code sliceColumns}, one per combination of values of each group of {@code crossSlices}.
     */
    public ClassificationReport report(List<String> sliceColumns, List<List<String>> crossSlices) {
        Classification c = classification().slicesBy(attributes, sliceColumns.toArray(String[]::new));
        crossSlices.forEach(cols -> c.crossSlicesBy(attributes, cols.toArray(String[]::new)));
        return c.report();
    }

    /**
     * The predictions as a table in the layout {@link #fromTable} reads with {@code columns}: the id
     * (if any), the true and predicted labels, one probability column per class (if any), then the
     * attributes. {@code table.writeCsv(file)} then {@link #readCsv} gives equal predictions.
     */
    public Table toTable(PredictionColumns columns) {
        List<Column> out = new ArrayList<>();
        if (ids != null) {
            out.add(ids.rename(columns.id().orElse("id")));
        }
        out.add(labels(columns.truth(), truth));
        out.add(labels(columns.predicted(), predicted));
        if (probabilities != null) {
            for (int j = 0; j < classes.size(); j++) {
                out.add(DoubleColumn.of(columns.probability(classes.get(j)), probabilities[j].clone()));
            }
        }
        for (Column a : attributes.columns()) {
            if (out.stream().anyMatch(c -> c.name().equals(a.name()))) {
                throw InvalidInputException.problem("is the name of an attribute and of a prediction column")
                        .column(a.name()).expected("PredictionColumns whose names differ from the attributes' ("
                                + attributes.columnNames() + ")").build();
            }
            out.add(a);
        }
        return Table.of(out);
    }

    /**
     * The hash of the classes in order, the labels, probabilities and ids, and the attributes, so a run
     * record names the predictions a stage gave.
     */
    @Override
    public String contentHash() {
        List<Column> own = new ArrayList<>(List.of(labels("truth", truth), labels("predicted", predicted)));
        for (int j = 0; probabilities != null && j < classes.size(); j++) {
            own.add(DoubleColumn.of("p" + j, probabilities[j].clone()));
        }
        if (ids != null) {
            own.add(ids.rename("id"));
        }
        String text = String.join("\n", classes) + "\n" + Table.of(own).contentHash() + "\n" + attributes.contentHash();
        return ContentHash.of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private StringColumn labels(String name, int[] indices) {
        String[] v = new String[indices.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = classes.get(indices[i]);
        }
        return StringColumn.of(name, v);
    }

    private double[][] requireProbabilities() {
        if (probabilities == null) {
            throw InvalidInputException.problem("have no class probabilities").column("probabilities")
                    .expected("predictions built with probabilities").build();
        }
        return probabilities;
    }

    /** Collects the columns of {@link Predictions}; {@link #build()} checks them. */
    public static final class Builder {
        private final List<String> classes;
        private int[] truth;
        private int[] predicted;
        private double[][] probabilities;
        private Column ids;
        private final List<Column> attributes = new ArrayList<>();

        private Builder(List<String> classes) {
            this.classes = List.copyOf(classes);
            if (this.classes.size() < 2) {
                throw InvalidInputException.problem("are too few classes").column("classes").value(this.classes)
                        .expected("at least 2 classes").build();
            }
            if (new java.util.HashSet<>(this.classes).size() != this.classes.size()) {
                throw InvalidInputException.problem("has a class twice").column("classes").value(this.classes)
                        .expected("distinct class labels").build();
            }
        }

        /** True class indices (required). */
        public Builder truth(int... indices) {
            this.truth = indices.clone();
            return this;
        }

        /** Predicted class indices; without them the argmax of the probabilities. */
        public Builder predicted(int... indices) {
            this.predicted = indices.clone();
            return this;
        }

        /** Class probabilities, {@code [row][class]}, each row summing to 1. */
        public Builder probabilities(double[][] rows) {
            double[][] byClass = new double[classes.size()][rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != classes.size()) {
                    throw InvalidInputException.problem("has " + rows[i].length + " probabilities").row(i + 1L)
                            .column("probabilities").expected(classes.size() + ", one per class").build();
                }
                for (int j = 0; j < rows[i].length; j++) {
                    byClass[j][i] = rows[i][j];
                }
            }
            this.probabilities = byClass;
            return this;
        }

        /** Row ids. */
        public Builder ids(Column column) {
            this.ids = requireNonNull(column, "column");
            return this;
        }

        /** Adds an attribute column (a protected attribute, a slice column). */
        public Builder attribute(Column column) {
            attributes.add(requireNonNull(column, "column"));
            return this;
        }

        /** Adds every column of a table as an attribute. */
        public Builder attributes(Table table) {
            attributes.addAll(table.columns());
            return this;
        }

        /** Checks and builds. */
        public Predictions build() {
            return build(null, null);
        }

        /** Checks, naming {@code file} and the probability columns (null: generic names) in errors. */
        Predictions build(Path file, List<String> probabilityColumns) {
            if (truth == null) {
                throw InvalidInputException.problem("are not set").column("truth").expected("true class indices")
                        .build();
            }
            int n = truth.length;
            if (probabilities != null) {
                ConfusionMatrix.requireSameLength("probabilities", probabilities[0].length, n);
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int j = 0; j < probabilities.length; j++) {
                        String column = probabilityColumns == null ? "probabilities" : probabilityColumns.get(j);
                        Classification.requireProbability(probabilities[j][i], file, i, column);
                        sum += probabilities[j][i];
                    }
                    Classification.requireSumOne(sum, file, i,
                            probabilityColumns == null ? "probabilities" : String.join("+", probabilityColumns));
                }
            }
            int[] p = predicted;
            if (p == null) {
                if (probabilities == null) {
                    throw InvalidInputException.problem("are not set").column("predicted")
                            .expected("predicted class indices, or probabilities to take the argmax of").build();
                }
                p = new int[n];
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    for (int j = 1; j < probabilities.length; j++) {
                        best = probabilities[j][i] > probabilities[best][i] ? j : best; // Classification.argmax
                    }
                    p[i] = best;
                }
            }
            ConfusionMatrix.requireSameLength("predicted", p.length, n);
            for (int i = 0; i < n; i++) {
                ConfusionMatrix.requireClass("truth", truth[i], i, classes.size());
                ConfusionMatrix.requireClass("predicted", p[i], i, classes.size());
            }
            if (ids != null) {
                ConfusionMatrix.requireSameLength("ids", ids.size(), n);
            }
            for (Column c : attributes) {
                ConfusionMatrix.requireSameLength("attribute " + c.name(), c.size(), n);
            }
            Table attrs = Table.of(attributes);
            return new Predictions(classes, truth.clone(), p.clone(), probabilities, ids, attrs);
        }
    }

    /** Reads the columns named by a {@link PredictionColumns} out of a table. */
    private static final class TableReader {
        private TableReader() {}

        static Predictions read(Table table, PredictionColumns columns, Path file) {
            Column truthCol = column(table, columns.truth(), file);
            Column predictedCol = column(table, columns.predicted(), file);
            List<String> classes = classes(table, columns, truthCol, predictedCol);
            List<String> probabilityColumns = classes.stream().map(columns::probability).toList();
            boolean hasProbabilities = probabilityColumns.stream().anyMatch(table::hasColumn);
            Builder b = builder(classes);
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < classes.size(); j++) {
                index.put(classes.get(j), j);
            }
            b.truth(indices(truthCol, index, classes, file));
            b.predicted(indices(predictedCol, index, classes, file));
            if (hasProbabilities) {
                double[][] byClass = new double[classes.size()][];
                for (int j = 0; j < classes.size(); j++) {
                    byClass[j] = numbers(column(table, probabilityColumns.get(j), file), file);
                }
                b.probabilities = byClass;
            }
            columns.id().ifPresent(id -> b.ids(column(table, id, file)));
            List<String> taken = new ArrayList<>(List.of(columns.truth(), columns.predicted()));
            columns.id().ifPresent(taken::add);
            if (hasProbabilities) {
                taken.addAll(probabilityColumns);
            }
            List<String> attributeNames = columns.attributes().orElseGet(() -> table.columnNames().stream()
                    .filter(c -> !taken.contains(c)).toList());
            for (String a : attributeNames) {
                b.attribute(column(table, a, file));
            }
            return b.build(file, hasProbabilities ? probabilityColumns : null);
        }

        private static Column column(Table table, String name, Path file) {
            if (!table.hasColumn(name)) {
                throw InvalidInputException.problem("is not a column of the predictions").file(file).column(name)
                        .expected("one of " + table.columnNames()).build();
            }
            return table.column(name);
        }

        /** Given, else from the probability columns in header order, else the sorted distinct labels. */
        private static List<String> classes(Table table, PredictionColumns columns, Column truth, Column predicted) {
            if (!columns.classes().isEmpty()) {
                return columns.classes();
            }
            List<String> fromProbabilities = table.columnNames().stream()
                    .filter(c -> c.startsWith(columns.probabilityPrefix()) && c.length() > columns.probabilityPrefix().length())
                    .map(c -> c.substring(columns.probabilityPrefix().length())).toList();
            if (!fromProbabilities.isEmpty()) {
                return fromProbabilities;
            }
            TreeSet<String> labels = new TreeSet<>();
            for (Column c : List.of(truth, predicted)) {
                for (int i = 0; i < c.size(); i++) {
                    if (!c.isMissing(i)) {
                        labels.add(c.format(i));
                    }
                }
            }
            return List.copyOf(labels);
        }

        private static int[] indices(Column c, Map<String, Integer> index, List<String> classes, Path file) {
            int[] out = new int[c.size()];
            for (int i = 0; i < out.length; i++) {
                if (c.isMissing(i)) {
                    throw InvalidInputException.problem("is missing").file(file).row(i + 1L).column(c.name())
                            .expected("a label, one of " + classes).build();
                }
                Integer k = index.get(c.format(i));
                if (k == null) {
                    throw InvalidInputException.problem("is not a class").file(file).row(i + 1L).column(c.name())
                            .value(c.format(i)).expected("one of " + classes).build();
                }
                out[i] = k;
            }
            return out;
        }

        private static double[] numbers(Column c, Path file) {
            double[] out = new double[c.size()];
            for (int i = 0; i < out.length; i++) {
                boolean number = !c.isMissing(i) && (c.type().isNumeric() || parses(c.format(i)));
                if (!number) {
                    throw InvalidInputException.problem(c.isMissing(i) ? "is missing" : "is not a number").file(file)
                            .row(i + 1L).column(c.name()).value(c.isMissing(i) ? "" : c.format(i))
                            .expected("a probability in [0, 1]").build();
                }
                out[i] = c.type().isNumeric() ? c.number(i) : Double.parseDouble(c.format(i));
            }
            return out;
        }

        private static boolean parses(String text) {
            try {
                Double.parseDouble(text);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
