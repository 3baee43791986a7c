package org.trustml.drift.spec;

import static org.trustml.core.pipeline.spec.StageSpecs.or;
import static org.trustml.core.pipeline.spec.StageSpecs.required;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.pipeline.spec.EvaluatorSpec;
import org.trustml.core.pipeline.spec.EvaluatorSpecKinds;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.table.Table;
import org.trustml.drift.AutoencoderConfig;
import org.trustml.drift.AutoencoderDriftEvaluator;
import org.trustml.drift.ColumnDriftEvaluator;
import org.trustml.drift.ImageDriftEvaluator;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.images.Split;

/** The drift module's evaluator kinds of pipeline files: {@code drift}, {@code image-drift}, {@code autoencoder-drift}. */
public final class DriftEvaluatorSpecs implements EvaluatorSpecKinds {
    @Override
    public Map<String, Class<? extends EvaluatorSpec>> kinds() {
        return Map.of("drift", ColumnDriftSpec.class, "image-drift", ImageDriftSpec.class, "autoencoder-drift",
                AutoencoderDriftSpec.class);
    }

    /** The split named {@code train}, {@code val} or {@code test}, or {@code otherwise} when none is named. */
    static Split split(String field, String name, Split otherwise) {
        return name == null ? otherwise : Split.ofFolder(field, name);
    }

    /**
     * {@code drift} ({@link ColumnDriftEvaluator}, in every evaluate stage): the evaluated rows' {@code columns}
     * against the same columns of {@code reference} (a CSV file, e.g. the training data), Evidently's test per
     * column. Writes {@code drift.json}; {@code drift_share}, {@code dataset_drift} and per-column metrics.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Statistical drift of the evaluated rows' columns against a reference CSV (Evidently's test "
            + "per column): reference (a CSV file) and columns.")
    public record ColumnDriftSpec(@Required String reference, @Required List<String> columns) implements EvaluatorSpec {
        public ColumnDriftSpec {
            required("reference", reference);
            if (columns == null || columns.isEmpty()) {
                throw InvalidInputException.problem("is required").column("columns")
                        .expected("a list of columns to compare").build();
            }
            columns = List.copyOf(columns);
        }

        public String kind() {
            return "drift";
        }

        public Class<?> inputType() {
            return Predictions.class;
        }

        public ColumnDriftEvaluator build(Path base) {
            return ColumnDriftEvaluator.against(Table.readCsv(base.resolve(reference)), columns.toArray(String[]::new));
        }
    }

    /**
     * {@code image-drift} ({@link ImageDriftEvaluator}, in the image evaluate stage): the evaluated split against
     * {@code reference} (val by default; held out of training) on per-image features, up to {@code max-images}
     * (500) of each.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Drift of the evaluated images against a reference split (default val) on colour statistics "
            + "and the model's class probabilities: reference (train, val, test) and max-images.")
    public record ImageDriftSpec(String reference, Integer maxImages) implements EvaluatorSpec {
        public ImageDriftSpec {
            evaluator(reference, maxImages);
        }

        public String kind() {
            return "image-drift";
        }

        public Class<?> inputType() {
            return ImageEvaluationInput.class;
        }

        public ImageDriftEvaluator build(Path base) {
            return evaluator(reference, maxImages);
        }

        private static ImageDriftEvaluator evaluator(String reference, Integer maxImages) {
            return new ImageDriftEvaluator(split("reference", reference, Split.VALIDATION), or(maxImages, 500));
        }
    }

    /**
     * {@code autoencoder-drift} ({@link AutoencoderDriftEvaluator}, in the image evaluate stage): Scanflow's
     * autoencoder checker trained on {@code reference} (train by default) or loaded from {@code checker} (a folder
     * saved by {@code trustml drift autoencoder train}), up to {@code max-images} (500) of each split; {@code epochs}
     * (10), {@code seed} (0) and {@code alpha} (0.05) as {@link AutoencoderConfig#defaults()} otherwise.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Scanflow's autoencoder drift checker on the evaluated images: trained on reference (train, "
            + "val, test; default train) or loaded from checker (a saved folder); max-images, epochs, seed, alpha.")
    public record AutoencoderDriftSpec(String reference, String checker, Integer maxImages, Integer epochs, Long seed,
            Double alpha) implements EvaluatorSpec {
        public AutoencoderDriftSpec {
            if (checker != null && (reference != null || epochs != null || seed != null)) {
                throw InvalidInputException.problem("is given with training settings").column("checker").value(checker)
                        .expected("either a saved checker or reference/epochs/seed to train one").build();
            }
            evaluator(reference, null, maxImages, epochs, seed, alpha);
        }

        public String kind() {
            return "autoencoder-drift";
        }

        public Class<?> inputType() {
            return ImageEvaluationInput.class;
        }

        public AutoencoderDriftEvaluator build(Path base) {
            return evaluator(reference, checker == null ? null : base.resolve(checker), maxImages, epochs, seed, alpha);
        }

        private static AutoencoderDriftEvaluator evaluator(String reference, Path checker, Integer maxImages,
                Integer epochs, Long seed, Double alpha) {
            AutoencoderConfig d = AutoencoderConfig.defaults();
            AutoencoderConfig c = new AutoencoderConfig(d.hidden(), d.filters(), d.latent(), or(epochs, d.epochs()),
                    d.batchSize(), d.learningRate(), seed == null ? d.seed() : seed, d.score(), d.outlierPercent(),
                    d.highQuantile(), d.lowQuantile(), alpha == null ? d.alpha() : alpha, d.calibrationFraction());
            return new AutoencoderDriftEvaluator(split("reference", reference, Split.TRAIN), or(maxImages, 500), c,
                    Optional.ofNullable(checker));
        }
    }
}
