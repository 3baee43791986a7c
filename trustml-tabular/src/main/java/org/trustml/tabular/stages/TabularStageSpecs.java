package org.trustml.tabular.stages;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Evaluator;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.evaluation.TableEvaluationInput;
import org.trustml.core.evaluation.TableEvaluator;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.pipeline.spec.EvaluatorSpec;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;
import org.trustml.core.pipeline.spec.StageSpecs;
import org.trustml.core.table.Table;
import org.trustml.tabular.TabularAlgorithm;
import org.trustml.tabular.TabularClassifierConfig;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.TabularEvaluationInput;
import org.trustml.tabular.TabularEvaluator;
import org.trustml.tabular.TabularModel;

/**
 * The tabular stage kinds of pipeline files, {@code train-tabular} and {@code evaluate-tabular}; field
 * names are kebab-case.
 */
public final class TabularStageSpecs implements StageSpecKinds {
    @Override
    public Map<String, Class<? extends StageSpec>> kinds() {
        return Map.of("train-tabular", TrainTabularSpec.class, "evaluate-tabular", EvaluateTabularSpec.class);
    }

    /**
     * {@code train-tabular}: {@code label} and {@code features} (required); {@code algorithm}
     * (logistic-regression, decision-tree, gradient-boosting; default logistic-regression),
     * {@code weights}, {@code test-fraction}, {@code epochs}, {@code learning-rate},
     * {@code max-depth}, {@code trees}; defaults as {@link TabularClassifierConfig#logisticRegression}
     * or {@link TabularClassifierConfig#gradientBoosting}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Trains a Tribuo classifier on the table: label and features required; algorithm "
            + "logistic-regression (default), decision-tree or gradient-boosting; optional weights column.")
    public record TrainTabularSpec(String algorithm, @Required String label, @Required List<String> features,
            String weights,
            Double testFraction, Integer epochs, Double learningRate, Integer maxDepth, Integer trees)
            implements StageSpec {
        public TrainTabularSpec {
            if (label == null || label.isBlank()) {
                throw InvalidInputException.problem("is required").column("label").build();
            }
            if (features == null || features.isEmpty()) {
                throw InvalidInputException.problem("is required").column("features")
                        .expected("a list of feature columns").build();
            }
        }

        public String kind() {
            return "train-tabular";
        }

        public Class<?> inputType() {
            return Table.class;
        }

        public Class<?> outputType() {
            return TabularModel.class;
        }

        public Stage<?, ?> build(Path base) {
            TabularAlgorithm a = algorithm == null ? TabularAlgorithm.LOGISTIC_REGRESSION
                    : StageSpecs.choice("algorithm", algorithm, TabularAlgorithm.class);
            String[] f = features.toArray(String[]::new);
            TabularClassifierConfig d = a == TabularAlgorithm.GRADIENT_BOOSTING
                    ? TabularClassifierConfig.gradientBoosting(label, f)
                    : TabularClassifierConfig.logisticRegression(label, f).withAlgorithm(a);
            return TrainTabularClassifier.with(new TabularClassifierConfig(a, label, d.features(),
                    Optional.ofNullable(weights), testFraction == null ? d.testFraction() : testFraction,
                    epochs == null ? d.epochs() : epochs, learningRate == null ? d.learningRate() : learningRate,
                    maxDepth == null ? d.maxDepth() : maxDepth, trees == null ? d.trees() : trees));
        }
    }

    /**
     * {@code evaluate-tabular}: {@code slices} (columns), {@code cross-slices} (lists of columns), {@code evaluators}
     * (each {@code {<kind>: {...}}}: an {@link EvaluatorSpec} of the predictions, such as {@code fairness} and
     * {@code drift}, or of the table model, such as {@code lime-tabular}).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Evaluates the trained tabular classifier on its held-out rows, overall and per slice, then "
            + "runs each evaluator (fairness, drift, lime-tabular, shap, tree-shap ...).")
    public record EvaluateTabularSpec(List<String> slices, List<List<String>> crossSlices,
            List<EvaluatorSpec> evaluators) implements StageSpec {
        public EvaluateTabularSpec {
            evaluators = StageSpecs.evaluators("evaluate-tabular", evaluators, Predictions.class,
                    TableEvaluationInput.class, TabularEvaluationInput.class);
        }

        public String kind() {
            return "evaluate-tabular";
        }

        public Class<?> inputType() {
            return TabularModel.class;
        }

        public Class<?> outputType() {
            return TabularEvaluation.class;
        }

        public Stage<?, ?> build(Path base) {
            EvaluateTabularClassifier e = EvaluateTabularClassifier.onHeldOutRows();
            if (slices != null) {
                e = e.slicedBy(slices.toArray(String[]::new));
            }
            for (List<String> cross : crossSlices == null ? List.<List<String>>of() : crossSlices) {
                e = e.crossSlicedBy(cross.toArray(String[]::new));
            }
            for (EvaluatorSpec spec : evaluators) {
                Evaluator<?> built = spec.build(base);
                if (built instanceof PredictionsEvaluator p) {
                    e = e.with(p);
                } else if (built instanceof TableEvaluator t) {
                    e = e.with(t);
                } else if (built instanceof TabularEvaluator t) {
                    e = e.with(t);
                } else {
                    throw new IllegalStateException(spec.getClass().getName() + " built a " + built.getClass().getName()
                            + ", neither a PredictionsEvaluator, a TableEvaluator nor a TabularEvaluator");
                }
            }
            return e;
        }
    }
}
