package org.trustml.vision.stages;

import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Evaluator;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.EvaluationPlan;
import org.trustml.core.table.Table;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluator;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.Split;
import org.trustml.vision.train.TrainedModel;

/**
 * The evaluate stage for image classifiers: predicts the chosen split once (inference mode), computes
 * the {@link ClassificationReport} of those {@link org.trustml.core.evaluation.Predictions} overall and
 * per slice of the metadata columns asked for, then runs each plugged-in {@link ImageEvaluator} (and each
 * {@link PredictionsEvaluator} on the same predictions). Slices, evaluators and files go through its
 * {@link EvaluationPlan}, as in {@code EvaluatePredictions}: {@code classification.json},
 * {@code <evaluator>.json} and {@code evaluation.json} (every metric: the baseline file for a later run's
 * change gates); it logs the overall accuracy and gives an {@link ImageEvaluation} for the bless stage and
 * the model card.
 */
public final class EvaluateImageClassifier implements Stage<TrainedModel, ImageEvaluation> {

    /**
     * The stage's configuration.
     *
     * @param split        the split to evaluate (test by default)
     * @param sliceColumns metadata columns whose every value is a slice
     * @param crossSlices  groups of columns whose every combination is a slice
     * @param evaluators   the evaluators' names and configurations
     */
    public record Config(Split split, List<String> sliceColumns, List<List<String>> crossSlices,
            Map<String, Object> evaluators) {
        public Config {
            requireNonNull(split, "split");
            sliceColumns = List.copyOf(sliceColumns);
            crossSlices = crossSlices.stream().map(List::copyOf).toList();
            evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
        }
    }

    private final Split split;
    private final EvaluationPlan<ImageEvaluationInput> plan;

    private EvaluateImageClassifier(Split split, EvaluationPlan<ImageEvaluationInput> plan) {
        this.split = split;
        this.plan = plan;
    }

    /** Evaluates the test split, overall only. */
    public static EvaluateImageClassifier onTestSplit() {
        return new EvaluateImageClassifier(Split.TEST, EvaluationPlan.overall());
    }

    /** The same on another split. */
    public EvaluateImageClassifier on(Split other) {
        return new EvaluateImageClassifier(requireNonNull(other, "split"), plan);
    }

    /** Adds one slice per value of each of these metadata columns (e.g. {@code sex}, {@code age_group}). */
    public EvaluateImageClassifier slicedBy(String... columns) {
        return new EvaluateImageClassifier(split, plan.slicedBy(columns));
    }

    /** Adds one slice per combination of values of these columns (e.g. race × age group). */
    public EvaluateImageClassifier crossSlicedBy(String... columns) {
        return new EvaluateImageClassifier(split, plan.crossSlicedBy(columns));
    }

    /** Adds an evaluator that needs only the predictions (fairness …). */
    public EvaluateImageClassifier with(PredictionsEvaluator evaluator) {
        return plus(Evaluator.onPredictions(evaluator, ImageEvaluationInput::predictions));
    }

    /** Adds an image evaluator (explanations, robustness, drift …). */
    public EvaluateImageClassifier with(ImageEvaluator evaluator) {
        return plus(evaluator);
    }

    private EvaluateImageClassifier plus(Evaluator<ImageEvaluationInput> evaluator) {
        return new EvaluateImageClassifier(split, plan.with(evaluator));
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public Config config() {
        return new Config(split, plan.sliceColumns(), plan.crossSlices(), plan.evaluatorConfigs());
    }

    @Override
    public ImageEvaluation apply(TrainedModel model, RunContext context) {
        ImageDataset data = ImageDataset.read(model.dataset());
        List<ImageEntry> entries = data.entries(split);
        if (entries.isEmpty()) {
            throw InvalidInputException.problem("has no images in the " + split.folder() + " split").file(data.root())
                    .expected("a dataset with a " + split.folder() + " split to evaluate").build();
        }
        Table metadata = data.metadata(entries);
        int[] truth = entries.stream().mapToInt(ImageEntry::classIndex).toArray();
        try (Model loaded = model.load()) {
            double[][] p = model.predictProbabilities(loaded, entries.stream().map(data::file).toList());
            int[] predicted = Classification.argmax(p);
            ImageEvaluationInput input = new ImageEvaluationInput(model, loaded, data, split, entries, metadata, truth, p,
                    predicted);
            ClassificationReport report = plan.classify(input.predictions(), context);
            return plan.written(new ImageEvaluation(model, report, plan.evaluate(input, context)), context);
        }
    }
}
