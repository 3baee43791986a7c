package org.trustml.smile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.PredictionColumns;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.TableClassifier;
import org.trustml.core.table.Column;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;
import org.trustml.smile.internal.SmileModel;
import org.trustml.smile.internal.SmileTables;

/**
 * A Smile classifier trained on a trustml {@link Table}, with its class names and feature columns, that
 * gives model-neutral {@link Predictions}: so the evaluate stage
 * ({@link org.trustml.core.stages.EvaluatePredictions}), the fairness evaluator, the bless gates and the
 * HTML report read it as they read any model's predictions, LIME explains it (in the evaluate stage as a
 * {@link TableClassifier}: {@code TabularLimeEvaluator.of(3).against(train).on(model)}; directly through
 * {@link #rowProbabilities}, a {@code RowModel<double[]>}), and drift's column tests compare its
 * inputs ({@link #featureTable}) and its scores ({@link #probabilityTable}) between two sets of rows.
 *
 * <pre>{@code
 * SmileClassifier model = SmileClassifier.train(train,
 *         SmileClassifierConfig.randomForest("credit", "income", "debt_ratio", "years_employed"), 42);
 * Predictions p = model.predictions(test);              // truth from "credit", attributes: the other columns
 * PredictionsEvaluation e = EvaluatePredictions.onAllRows().slicedBy("sex")
 *         .with(FairnessEvaluator.of("good", Group.where("sex", "M"), "sex")).apply(p, context);
 * TabularExplanation why = Lime.tabular(TabularData.of(model.features(), model.featureRows(train)))
 *         .explain(model::rowProbabilities, model.featureRows(test)[0]);
 * }</pre>
 *
 * <p><b>Reproducibility.</b> Smile draws random numbers from a per-thread generator ({@code MathEx}),
 * not from a parameter. {@link #train} runs each fit on a thread pool of its own whose threads it seeds
 * from {@code seed} (the forest gives each tree its own seed drawn from it, so the trees do not depend on
 * which thread grows them), then shuts the pool down: the same table, configuration and seed give the
 * same model and the same probabilities, and no thread of the application has its Smile generator
 * reseeded. Logistic regression draws nothing at random; Smile sums its loss with a parallel stream
 * whose split follows the machine's core count, so two machines with different core counts may differ
 * in the last bits of its coefficients.
 *
 * <p>Immutable; predictions on one model are made one call at a time (Smile rebinds a tree model's
 * formula to each batch). Smile is GPL-3: see this module's README.
 */
public final class SmileClassifier implements TableClassifier {
    private final SmileClassifierConfig config;
    private final long seed;
    private final List<String> classes;
    private final int trainRows;
    private final SmileModel model;

    private SmileClassifier(SmileClassifierConfig config, long seed, List<String> classes, int trainRows,
            SmileModel model) {
        this.config = config;
        this.seed = seed;
        this.classes = classes;
        this.trainRows = trainRows;
        this.model = model;
    }

    /**
     * Trains {@code config}'s classifier on every row of {@code table}, seeded.
     *
     * @throws InvalidInputException naming the column (and 1-based row) when a label or feature column is
     *                               absent, a feature column holds text, a feature value is missing or
     *                               infinite, a label is missing, or there are fewer than two classes
     */
    public static SmileClassifier train(Table table, SmileClassifierConfig config, long seed) {
        requireNonNull(table, "table");
        requireNonNull(config, "config");
        List<String> classes = SmileTables.classes(table, config.label());
        int[] y = SmileTables.labels(table, config.label(), classes);
        double[][] x = SmileTables.features(table, config.features());
        return new SmileClassifier(config, seed, classes, table.rowCount(), SmileFits.fit(config, x, y, seed));
    }

    /** How it was trained. */
    public SmileClassifierConfig config() {
        return config;
    }

    /** The seed it was trained with. */
    public long seed() {
        return seed;
    }

    /** The classes, by index: the label column's distinct values in the training rows, sorted. */
    @Override
    public List<String> classes() {
        return classes;
    }

    /** The feature columns, in the order of {@link #featureRows} and of LIME's rows. */
    @Override
    public List<String> features() {
        return config.features();
    }

    /** The label column. */
    public String label() {
        return config.label();
    }

    /** One line that says what the model is, e.g. for {@code ReportInput.withModel}. */
    public String description() {
        String what = switch (config.algorithm()) {
            case LOGISTIC_REGRESSION -> "logistic regression (λ " + config.lambda() + ")";
            case RANDOM_FOREST -> "random forest of " + config.trees() + " trees";
            case GRADIENT_TREE_BOOST -> "gradient tree boosting, " + config.trees() + " rounds, shrinkage "
                    + config.shrinkage();
        };
        return "Smile " + what + " on " + String.join(", ", config.features()) + " → " + config.label() + " ("
                + trainRows + " training rows, seed " + seed + ")";
    }

    /**
     * The feature columns of {@code rows} as {@code [row][feature]}, in {@link #features()} order (the rows
     * LIME samples around and explains).
     *
     * @throws InvalidInputException naming the column and row of an absent, textual, missing or infinite feature
     */
    public double[][] featureRows(Table rows) {
        return SmileTables.features(requireNonNull(rows, "rows"), config.features());
    }

    /** Class probabilities for each row of {@code rows} (the label column is not needed), {@code [row][class]}. */
    @Override
    public double[][] probabilities(Table rows) {
        return score(featureRows(rows)).probabilities;
    }

    /**
     * Class probabilities for feature rows in {@link #features()} order, {@code [row][class]}: the shape of
     * explain's {@code RowModel<double[]>}, so {@code model::rowProbabilities} is what LIME tabular explains
     * (a name of its own, so that the method reference is not ambiguous between LIME's two model types).
     */
    public double[][] rowProbabilities(List<double[]> rows) {
        requireNonNull(rows, "rows");
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i);
            if (x[i].length != config.features().size()) {
                throw InvalidInputException.problem("has " + x[i].length + " values").row(i + 1L).column("rows")
                        .expected(config.features().size() + " values, one per feature " + config.features()).build();
            }
        }
        return score(x).probabilities;
    }

    /** The predicted class index of each row of {@code rows}, as Smile predicts it. */
    public int[] predict(Table rows) {
        return score(featureRows(rows)).predicted;
    }

    /**
     * The model's predictions on labelled rows: the truth from the label column, the predicted classes
     * and probabilities, and every other column of {@code rows} as an attribute (protected attributes and
     * slice columns, the features too).
     *
     * @throws InvalidInputException naming the row when a label is missing or not one of {@link #classes()}
     */
    public Predictions predictions(Table rows) {
        requireNonNull(rows, "rows");
        int[] truth = SmileTables.labels(rows, config.label(), classes);
        Scores s = score(featureRows(rows));
        return Predictions.of(classes, truth, s.predicted, s.probabilities, rows.drop(config.label()));
    }

    /** The feature columns of {@code rows}, checked as the model reads them: drift's reference or current table. */
    public Table featureTable(Table rows) {
        featureRows(rows);
        return rows.select(config.features().toArray(String[]::new));
    }

    /**
     * One probability column per class ({@code p_<class>}, as {@link PredictionColumns#probability} names them):
     * drift's column tests on these compare the model's scores on two sets of rows (prediction drift).
     */
    public Table probabilityTable(Table rows) {
        double[][] p = probabilities(rows);
        PredictionColumns names = PredictionColumns.of(config.label(), "predicted");
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < classes.size(); j++) {
            double[] v = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                v[i] = p[i][j];
            }
            columns.add(DoubleColumn.of(names.probability(classes.get(j)), v));
        }
        return Table.of(columns);
    }

    private record Scores(int[] predicted, double[][] probabilities) {}

    private Scores score(double[][] x) {
        double[][] p = new double[x.length][classes.size()];
        int[] predicted = model.predict(x, p);
        return new Scores(predicted, p);
    }

    @Override
    public String toString() {
        return description();
    }
}
