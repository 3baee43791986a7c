package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.Column;
import org.trustml.core.table.Table;

/**
 * Computes a {@link ClassificationReport}: confusion matrix, accuracy, per-class and averaged
 * precision/recall/F1, and from probabilities ROC-AUC, PR curve, log loss and calibration, overall
 * and for every slice of chosen columns.
 *
 * <pre>{@code
 * ClassificationReport r = Classification.of(truth, predicted, List.of("normal", "covid"))
 *         .scores(probabilities)                     // n × k, rows summing to 1
 *         .slicesBy(metadata, "sex", "age_group")    // each value of each column
 *         .crossSlicesBy(metadata, "race", "age_group") // every combination of the two
 *         .report();
 * }</pre>
 *
 * A slice's value is the column's text ({@link Column#format}); a missing value forms the slice
 * {@value #MISSING}.
 */
public final class Classification {
    /** The slice value of rows whose slicing column is missing. */
    public static final String MISSING = "<missing>";
    /** Probabilities are clipped to [ε, 1 − ε] for the log loss, ε = float64 machine epsilon (scikit-learn). */
    static final double LOG_LOSS_EPS = Math.ulp(1.0);

    private final int[] truth;
    private final int[] predicted;
    private final List<String> classes;
    /** Probabilities by class, {@code [class][row]}, or null. */
    private double[][] scores;
    private int positive;
    private int bins = 10;
    private final Map<Slice, List<Integer>> slices = new LinkedHashMap<>();

    private Classification(int[] truth, int[] predicted, List<String> classes) {
        this.truth = requireNonNull(truth, "truth");
        this.predicted = requireNonNull(predicted, "predicted");
        this.classes = List.copyOf(classes);
        if (this.classes.size() < 2) {
            throw InvalidInputException.problem("are too few classes").column("classes").value(this.classes)
                    .expected("at least 2 classes").build();
        }
        ConfusionMatrix.requireSameLength("predicted", predicted.length, truth.length);
        for (int i = 0; i < truth.length; i++) {
            ConfusionMatrix.requireClass("truth", truth[i], i, this.classes.size());
            ConfusionMatrix.requireClass("predicted", predicted[i], i, this.classes.size());
        }
        this.positive = this.classes.size() == 2 ? 1 : -1;
    }

    /** The index of the largest value (the first one on ties): the predicted class of a row of scores. */
    public static int argmax(double[] scores) {
        int best = 0;
        for (int j = 1; j < scores.length; j++) {
            best = scores[j] > scores[best] ? j : best;
        }
        return best;
    }

    /** The predicted class of each row of scores. */
    public static int[] argmax(double[][] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = argmax(scores[i]);
        }
        return out;
    }

    /** Starts an evaluation of class indices {@code predicted} against {@code truth}. */
    public static Classification of(int[] truth, int[] predicted, List<String> classes) {
        return new Classification(truth, predicted, classes);
    }

    /** Class probabilities, one row per sample and one column per class, each row summing to 1. */
    public Classification scores(double[][] probabilities) {
        ConfusionMatrix.requireSameLength("scores", probabilities.length, truth.length);
        double[][] byClass = new double[classes.size()][probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            double[] row = probabilities[i];
            if (row.length != classes.size()) {
                throw InvalidInputException.problem("has " + row.length + " scores").row(i + 1L).column("scores")
                        .expected(classes.size() + " probabilities, one per class").build();
            }
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                requireProbability(row[j], null, i, "scores");
                sum += row[j];
                byClass[j][i] = row[j];
            }
            requireSumOne(sum, null, i, "scores");
        }
        this.scores = byClass;
        return this;
    }

    /** Probabilities already checked, one array of n per class (owned by the caller, not copied). */
    Classification scoresByClass(double[][] byClass) {
        this.scores = byClass;
        return this;
    }

    /** A probability must be a number in [0, 1]; {@code row} is 0-based, {@code file} may be null. */
    static void requireProbability(double p, java.nio.file.Path file, int row, String column) {
        if (!(p >= 0 && p <= 1)) {
            throw InvalidInputException.problem("is not a probability").file(file).row(row + 1L).column(column).value(p)
                    .expected("a number in [0, 1]; apply softmax to logits first").build();
        }
    }

    /** A row of probabilities must sum to 1 within 1e-4. */
    static void requireSumOne(double sum, java.nio.file.Path file, int row, String column) {
        if (Math.abs(sum - 1) > 1e-4) {
            throw InvalidInputException.problem("are probabilities that do not sum to 1").file(file).row(row + 1L)
                    .column(column).value(sum).expected("a row sum within 1e-4 of 1").build();
        }
    }

    /** For two classes, which is positive (default: the second, index 1, as scikit-learn's pos_label=1). */
    public Classification positiveClass(String label) {
        int i = classes.indexOf(label);
        if (classes.size() != 2 || i < 0) {
            throw InvalidInputException.problem("cannot be the positive class").column("positiveClass").value(label)
                    .expected(classes.size() == 2 ? "one of " + classes : "a binary task (this one has " + classes.size()
                            + " classes)").build();
        }
        this.positive = i;
        return this;
    }

    /** Number of uniform calibration bins (default 10). */
    public Classification calibrationBins(int count) {
        if (count < 1) {
            throw InvalidInputException.problem("is not a bin count").column("calibrationBins").value(count)
                    .expected("at least 1").build();
        }
        this.bins = count;
        return this;
    }

    /** Adds one slice per value of each column (rows of {@code table} match the samples). */
    public Classification slicesBy(Table table, String... columns) {
        for (String c : columns) {
            addSlices(table, List.of(c));
        }
        return this;
    }

    /** Adds one slice per combination of values of the columns together (e.g. race × age group). */
    public Classification crossSlicesBy(Table table, String... columns) {
        addSlices(table, List.of(columns));
        return this;
    }

    private void addSlices(Table table, List<String> names) {
        ConfusionMatrix.requireSameLength("slicing table", table.rowCount(), truth.length);
        List<Column> cols = names.stream().map(table::column).toList();
        for (int i = 0; i < truth.length; i++) {
            Slice s = Slice.OVERALL;
            for (Column c : cols) {
                s = s.and(c.name(), c.isMissing(i) ? MISSING : c.format(i));
            }
            slices.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
        }
    }

    /** Computes the report. */
    public ClassificationReport report() {
        int[] all = new int[truth.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        List<SliceResult> sliced = new ArrayList<>();
        slices.forEach((s, rows) -> sliced.add(SliceMetrics.compute(this, s, rows.stream().mapToInt(x -> x).toArray())));
        return new ClassificationReport(ClassificationReport.SCHEMA_VERSION, classes,
                positive >= 0 ? Optional.of(classes.get(positive)) : Optional.empty(),
                SliceMetrics.compute(this, Slice.OVERALL, all), sliced);
    }

    int[] truth() {
        return truth;
    }

    int[] predicted() {
        return predicted;
    }

    List<String> classes() {
        return classes;
    }

    /** The probabilities by class: {@code [class][row]}. */
    Optional<double[][]> probabilities() {
        return Optional.ofNullable(scores);
    }

    int positive() {
        return positive;
    }

    int bins() {
        return bins;
    }
}
