package org.trustml.vision.stages;

import static org.trustml.core.pipeline.spec.StageSpecs.choice;
import static org.trustml.core.pipeline.spec.StageSpecs.or;
import static org.trustml.core.pipeline.spec.StageSpecs.required;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.evaluation.Evaluator;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.pipeline.spec.EvaluatorSpec;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;
import org.trustml.core.pipeline.spec.StageSpecs;
import org.trustml.core.table.Table;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluator;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.Split;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.ImageClassifierConfig;
import org.trustml.vision.train.TrainedModel;

/** The image stage kinds of pipeline files: {@code image-folder}, {@code train}, {@code evaluate}. */
public final class VisionStageSpecs implements StageSpecKinds {
    @Override
    public Map<String, Class<? extends StageSpec>> kinds() {
        return Map.of("image-folder", ImageFolderSpec.class, "train", TrainSpec.class, "evaluate", EvaluateSpec.class);
    }

    /**
     * {@code image-folder}: {@code file-column}, {@code label-column}, {@code output} (required);
     * {@code images} (folder of the relative file names; default: the YAML's folder),
     * {@code validation} and {@code test} fractions (0.15 each), {@code placement} (copy or
     * hard-link), {@code max-unreadable} (0.05).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Arranges the table's images into train/val/test class folders (an ImageDataset) under "
            + "output; file-column and label-column name the table's columns, images the folder of the file names.")
    public record ImageFolderSpec(@Required String fileColumn, @Required String labelColumn, String images,
            @Required String output, Double validation,
            Double test, String placement, Double maxUnreadable) implements StageSpec {
        public ImageFolderSpec {
            required("file-column", fileColumn);
            required("label-column", labelColumn);
            required("output", output);
        }

        public String kind() {
            return "image-folder";
        }

        public Class<?> inputType() {
            return Table.class;
        }

        public Class<?> outputType() {
            return ImageDataset.class;
        }

        public Stage<?, ?> build(Path base) {
            ImageFolder.Builder b = ImageFolder.builder(fileColumn, labelColumn)
                    .imagesIn(images == null ? base : base.resolve(images)).output(base.resolve(output))
                    .split(validation == null ? 0.15 : validation, test == null ? 0.15 : test);
            if (placement != null) {
                b.placement(choice("placement", placement, ImageFolder.Placement.class));
            }
            if (maxUnreadable != null) {
                b.maxUnreadableFraction(maxUnreadable);
            }
            return b.build();
        }
    }

    /**
     * {@code train}: {@code architecture} (mobilenet-v2, resnet-18, torchscript), {@code input-size},
     * {@code epochs}, {@code batch-size}, {@code learning-rate}, {@code flip}, {@code crop},
     * {@code patience}, {@code initial-weights} (DJL {@code .params}, or the {@code .pt} file torchscript
     * requires); defaults as {@link ImageClassifierConfig#mobileNetV2()}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Trains an image classifier (DJL PyTorch): architecture mobilenet-v2, resnet-18 or "
            + "torchscript, and its schedule; defaults as ImageClassifierConfig.mobileNetV2().")
    public record TrainSpec(String architecture, Integer inputSize, Integer epochs, Integer batchSize,
            Double learningRate, Boolean flip, Boolean crop, Integer patience, String initialWeights) implements StageSpec {
        public String kind() {
            return "train";
        }

        public Class<?> inputType() {
            return ImageDataset.class;
        }

        public Class<?> outputType() {
            return TrainedModel.class;
        }

        public Stage<?, ?> build(Path base) {
            ImageClassifierConfig d = ImageClassifierConfig.mobileNetV2();
            ImageClassifierConfig c = new ImageClassifierConfig(
                    architecture == null ? d.architecture() : choice("architecture", architecture, Architecture.class),
                    or(inputSize, d.inputSize()), or(epochs, d.epochs()), or(batchSize, d.batchSize()),
                    learningRate == null ? d.learningRate() : learningRate, flip == null ? d.flip() : flip,
                    crop == null ? d.crop() : crop, or(patience, d.patience()),
                    Optional.ofNullable(initialWeights).map(w -> base.resolve(w).toString()));
            return TrainImageClassifier.with(c);
        }
    }

    /**
     * {@code evaluate}: {@code split} (train, val, test; default test), {@code slices} (columns),
     * {@code cross-slices} (lists of columns), {@code evaluators} (each {@code {<kind>: {...}}}: an
     * {@link EvaluatorSpec} of the predictions, such as {@code fairness}, or of the image evaluation input, such as
     * {@code lime}, {@code robustness} and {@code image-drift}).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Evaluates the trained image classifier on a split (default test), overall and per slice, "
            + "then runs each evaluator (fairness, lime, robustness, image-drift, autoencoder-drift, drift ...).")
    public record EvaluateSpec(String split, List<String> slices, List<List<String>> crossSlices,
            List<EvaluatorSpec> evaluators) implements StageSpec {
        public EvaluateSpec {
            evaluators = StageSpecs.evaluators("evaluate", evaluators, Predictions.class, ImageEvaluationInput.class);
        }

        public String kind() {
            return "evaluate";
        }

        public Class<?> inputType() {
            return TrainedModel.class;
        }

        public Class<?> outputType() {
            return ImageEvaluation.class;
        }

        public Stage<?, ?> build(Path base) {
            EvaluateImageClassifier e = EvaluateImageClassifier.onTestSplit();
            if (split != null) {
                e = e.on(Split.ofFolder("split", split));
            }
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
                } else if (built instanceof ImageEvaluator i) {
                    e = e.with(i);
                } else {
                    throw new IllegalStateException(spec.getClass().getName() + " built a " + built.getClass().getName()
                            + ", neither a PredictionsEvaluator nor an ImageEvaluator");
                }
            }
            return e;
        }
    }
}
