package org.trustml.tabular.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Evaluator;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.evaluation.TableEvaluator;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.EvaluationPlan;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.TabularEvaluationInput;
import org.trustml.tabular.TabularEvaluator;
import org.trustml.tabular.TabularModel;

/**
 * The evaluate stage for tabular classifiers, the twin of {@code EvaluateImageClassifier} (trustml-vision):
 * predicts the rows the train stage held out, computes the {@link ClassificationReport} of those
 * {@link org.trustml.core.evaluation.Predictions} overall and per slice of the columns asked for, and runs
 * each evaluator: {@link PredictionsEvaluator}s (fairness, column drift) on the predictions,
 * {@link TableEvaluator}s (LIME tabular) on the model read back as a table classifier too, and any
 * {@link TabularEvaluator}. Slices, evaluators and files go through its {@link EvaluationPlan}, as in
 * {@code EvaluatePredictions}: {@code classification.json}, {@code <evaluator>.json} and
 * {@code evaluation.json} (the baseline file for change gates); it also writes {@code predictions.csv}
 * (the rows with {@code predicted} and one {@code p_<class>} column per class, which
 * {@link org.trustml.core.evaluation.Predictions#readCsv} reads back with the label column as truth).
 * Logs the overall accuracy; gives a {@link TabularEvaluation} that the bless stage and the model card
 * read as any evaluation.
 */
public final class EvaluateTabularClassifier implements Stage<TabularModel, TabularEvaluation> {

    /**
     * The stage's configuration.
     *
     * @param sliceColumns columns whose every value is a slice
     * @param crossSlices  groups of columns whose every combination is a slice
     * @param evaluators   the evaluators' names and configurations
     */
    public record Config(List<String> sliceColumns, List<List<String>> crossSlices, Map<String, Object> evaluators) {
        public Config {
            sliceColumns = List.copyOf(sliceColumns);
            crossSlices = crossSlices.stream().map(List::copyOf).toList();
            evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
        }
    }

    /** Column of the predicted class in {@code predictions.csv}. */
    public static final String PREDICTED = "predicted";

    private final EvaluationPlan<TabularEvaluationInput> plan;

    private EvaluateTabularClassifier(EvaluationPlan<TabularEvaluationInput> plan) {
        this.plan = plan;
    }

    /** Evaluates the held-out rows, overall only. */
    public static EvaluateTabularClassifier onHeldOutRows() {
        return new EvaluateTabularClassifier(EvaluationPlan.overall());
    }

    /** Adds one slice per value of each of these columns (e.g. {@code sex}, {@code age_group}). */
    public EvaluateTabularClassifier slicedBy(String... columns) {
        return new EvaluateTabularClassifier(plan.slicedBy(columns));
    }

    /** Adds one slice per combination of values of these columns. */
    public EvaluateTabularClassifier crossSlicedBy(String... columns) {
        return new EvaluateTabularClassifier(plan.crossSlicedBy(columns));
    }

    /** Adds an evaluator that needs only the predictions (fairness …). */
    public EvaluateTabularClassifier with(PredictionsEvaluator evaluator) {
        return plus(Evaluator.onPredictions(evaluator, TabularEvaluationInput::predictions));
    }

    /** Adds an evaluator that queries the model (LIME tabular …), given the model read back as a table classifier. */
    public EvaluateTabularClassifier with(TableEvaluator evaluator) {
        return plus(Evaluator.on(evaluator, TabularEvaluationInput::table));
    }

    /** Adds a tabular evaluator. */
    public EvaluateTabularClassifier with(TabularEvaluator evaluator) {
        return plus(evaluator);
    }

    private EvaluateTabularClassifier plus(Evaluator<TabularEvaluationInput> evaluator) {
        return new EvaluateTabularClassifier(plan.with(evaluator));
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public Config config() {
        return new Config(plan.sliceColumns(), plan.crossSlices(), plan.evaluatorConfigs());
    }

    @Override
    public TabularEvaluation apply(TabularModel model, RunContext context) {
        Table rows = model.heldOutRows();
        Model<Label> loaded = model.load();
        double[][] p = model.predictProbabilities(loaded, rows);
        int[] predicted = Classification.argmax(p);
        StringColumn labels = StringColumn.of(model.label(), java.util.stream.IntStream.range(0, rows.rowCount())
                .mapToObj(r -> rows.column(model.label()).format(r)).toList());
        int[] truth = java.util.stream.IntStream.range(0, rows.rowCount())
                .map(r -> model.classes().indexOf(labels.get(r))).toArray();
        TabularEvaluationInput input = new TabularEvaluationInput(model, rows, truth, p, predicted);
        ClassificationReport report = plan.classify(input.predictions(), context);
        context.writeArtifact("predictions.csv", withPredictions(rows, model, predicted, p).csvContent());
        return plan.written(new TabularEvaluation(model, report, plan.evaluate(input, context)), context);
    }

    private static Table withPredictions(Table rows, TabularModel model, int[] predicted, double[][] p) {
        Table t = rows.withColumn(StringColumn.of(PREDICTED,
                java.util.Arrays.stream(predicted).mapToObj(model.classes()::get).toList()));
        for (int j = 0; j < model.classes().size(); j++) {
            int k = j;
            t = t.withColumn(DoubleColumn.of("p_" + model.classes().get(j),
                    java.util.Arrays.stream(p).mapToDouble(row -> row[k]).toArray()));
        }
        return t;
    }
}
