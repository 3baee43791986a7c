package org.trustml.fairness;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.table.Column;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * The fairness check of the evaluate stage, model-neutral: it reads only {@link Predictions} (true
 * labels, predicted labels, the favorable label's probability and the protected attributes), so the
 * image and tabular evaluate stages, {@link org.trustml.core.stages.EvaluatePredictions} and a direct
 * call on predictions read from a CSV file give the same numbers for the same predictions. It builds a
 * table of those columns and computes the {@link FairnessReport} (AIF360 metrics, one-vs-rest for the
 * favorable label when there are more than two classes).
 *
 * <pre>{@code
 * EvaluateImageClassifier.onTestSplit()
 *     .with(FairnessEvaluator.of("Pneumonia/Viral/COVID-19", Group.where("sex", "M"), "sex", "age_group"));
 * FairnessReport fromLog = FairnessEvaluator.of("yes", Group.where("sex", "M"), "sex")
 *     .report(Predictions.readCsv(Path.of("scored.csv"), PredictionColumns.of("label", "predicted")));
 * }</pre>
 *
 * @param favorableLabel   the class whose prediction is the favorable outcome (for a diagnosis: being
 *                         found, so {@code true_positive_rate} differences measure missed patients)
 * @param privileged       the privileged group, e.g. {@code sex=M}
 * @param protectedColumns metadata columns whose intersections form the groups of the
 *                         intersectional report and differential fairness
 * @param intervals        confidence intervals to add to every number ({@link #withIntervals}), which a bless
 *                         gate can then require wholly within its bounds
 * @param search           the intersectional search to add ({@link #withIntersectionalSearch})
 */
public record FairnessEvaluator(String favorableLabel, Group privileged, List<String> protectedColumns,
                                Optional<IntervalOptions> intervals, Optional<IntersectionalSearch.Options> search)
        implements PredictionsEvaluator {
    /** Names of the columns of the table the report is computed on. */
    static final String LABEL = "label";
    static final String PREDICTION = "prediction";
    static final String SCORE = "score";

    public FairnessEvaluator {
        requireNonNull(favorableLabel, "favorableLabel");
        requireNonNull(privileged, "privileged");
        protectedColumns = List.copyOf(protectedColumns);
        if (protectedColumns.isEmpty()) {
            throw InvalidInputException.problem("is empty").column("protectedColumns")
                    .expected("at least one metadata column such as sex").build();
        }
        requireNonNull(intervals, "intervals");
        requireNonNull(search, "search");
    }

    /** An evaluator of point values only. */
    public FairnessEvaluator(String favorableLabel, Group privileged, List<String> protectedColumns) {
        this(favorableLabel, privileged, protectedColumns, Optional.empty(), Optional.empty());
    }

    /** The same evaluator, adding confidence intervals: {@code .withIntervals(IntervalOptions.bca(0.95, 1000, 7))}. */
    public FairnessEvaluator withIntervals(IntervalOptions options) {
        return new FairnessEvaluator(favorableLabel, privileged, protectedColumns, Optional.of(options), search);
    }

    /** The same evaluator, adding the intersectional search. */
    public FairnessEvaluator withIntersectionalSearch(IntersectionalSearch.Options options) {
        return new FairnessEvaluator(favorableLabel, privileged, protectedColumns, intervals, Optional.of(options));
    }

    /** A fairness evaluator. */
    public static FairnessEvaluator of(String favorableLabel, Group privileged, String... protectedColumns) {
        return new FairnessEvaluator(favorableLabel, privileged, List.of(protectedColumns));
    }

    @Override
    public String name() {
        return "fairness";
    }

    @Override
    public Object config() {
        return this;
    }

    /**
     * Predictions from anywhere (the image and tabular evaluate stages hand theirs), the protected columns
     * among their attributes.
     */
    @Override
    public FairnessReport evaluate(Predictions predictions, RunContext context) {
        return report(predictions);
    }

    /**
     * The fairness report of predictions made anywhere (an evaluate stage, a served model's log, a CSV
     * file): the protected and group columns are read from {@link Predictions#attributes()}, the score
     * is the favorable class's probability when the predictions have probabilities.
     */
    public FairnessReport report(Predictions predictions) {
        List<String> classes = predictions.classes();
        int favorable = classes.indexOf(favorableLabel);
        if (favorable < 0) {
            throw InvalidInputException.problem("is not one of the model's classes").column("favorableLabel")
                    .value(favorableLabel).expected("one of " + classes).build();
        }
        int n = predictions.size();
        String[] truth = new String[n];
        String[] predicted = new String[n];
        for (int i = 0; i < n; i++) {
            truth[i] = classes.get(predictions.truth(i));
            predicted[i] = classes.get(predictions.predicted(i));
        }
        Table t = Table.of(StringColumn.of(LABEL, truth), StringColumn.of(PREDICTION, predicted));
        if (predictions.hasProbabilities()) {
            t = t.withColumn(DoubleColumn.of(SCORE, predictions.probabilities(favorable)));
        }
        for (String c : columns()) {
            Column col = predictions.attribute(c);
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = col.isMissing(i) ? null : col.format(i);
            }
            t = t.withColumn(StringColumn.of(c, values));
        }
        Fairness f = Fairness.of(t).label(LABEL).prediction(PREDICTION).privileged(privileged)
                .protectedColumns(protectedColumns.toArray(String[]::new));
        if (predictions.hasProbabilities()) {
            f = f.score(SCORE);
        }
        intervals.ifPresent(f::intervals);
        search.ifPresent(f::intersectionalSearch);
        return (classes.size() == 2 ? f.favorable(favorableLabel).unfavorable(classes.get(1 - favorable))
                : f.oneVsRest(favorableLabel)).report();
    }

    private List<String> columns() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(protectedColumns);
        all.addAll(privileged.columns());
        return List.copyOf(all);
    }
}
