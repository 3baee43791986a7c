package org.trustml.fairness;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.table.Column;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * The fairness check of the evaluate stage, for image and tabular classifiers and any other
 * {@link Predictions} alike: builds a table of the evaluated rows' true labels, predicted labels, the score of the favorable label
 * and their protected attributes (the predictions' attribute columns: an image dataset's metadata, a table's own columns), and computes the {@link FairnessReport} (AIF360 metrics, one-vs-rest for the
 * favorable label when there are more than two classes).
 *
 * <pre>{@code
 * EvaluateImageClassifier.onTestSplit()
 *     .with(FairnessEvaluator.of("Pneumonia/Viral/COVID-19", Group.where("sex", "M"), "sex", "age_group"));
 * }</pre>
 *
 * @param favorableLabel   the class whose prediction is the favorable outcome (for a diagnosis: being
 *                         found, so {@code true_positive_rate} differences measure missed patients)
 * @param privileged       the privileged group, e.g. {@code sex=M}
 * @param protectedColumns metadata columns whose intersections form the groups of the
 *                         intersectional report and differential fairness
 */
public record FairnessEvaluator(String favorableLabel, Group privileged, List<String> protectedColumns)
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

    @Override
    public FairnessReport evaluate(Predictions in, RunContext context) {
        return report(in.classes(), in.truth(), in.predicted(), in.probabilities(), in.attributes());
    }

    private FairnessReport report(List<String> classes, int[] truthIndex, int[] predictedIndex, double[][] p,
            Table metadata) {
        int favorable = classes.indexOf(favorableLabel);
        if (favorable < 0) {
            throw InvalidInputException.problem("is not one of the model's classes").column("favorableLabel")
                    .value(favorableLabel).expected("one of " + classes).build();
        }
        int n = truthIndex.length;
        String[] truth = new String[n];
        String[] predicted = new String[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = classes.get(truthIndex[i]);
            predicted[i] = classes.get(predictedIndex[i]);
            score[i] = p[i][favorable];
        }
        Table t = Table.of(StringColumn.of(LABEL, truth), StringColumn.of(PREDICTION, predicted),
                DoubleColumn.of(SCORE, score));
        for (String c : columns()) {
            Column col = metadata.column(c);
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = col.isMissing(i) ? null : col.format(i);
            }
            t = t.withColumn(StringColumn.of(c, values));
        }
        Fairness f = Fairness.of(t).label(LABEL).prediction(PREDICTION).score(SCORE).privileged(privileged)
                .protectedColumns(protectedColumns.toArray(String[]::new));
        return (classes.size() == 2 ? f.favorable(favorableLabel).unfavorable(classes.get(1 - favorable))
                : f.oneVsRest(favorableLabel)).report();
    }

    private List<String> columns() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(protectedColumns);
        all.addAll(privileged.columns());
        return List.copyOf(all);
    }
}
