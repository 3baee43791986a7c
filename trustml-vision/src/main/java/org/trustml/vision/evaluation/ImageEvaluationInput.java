package org.trustml.vision.evaluation;

import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import java.nio.file.Path;
import java.util.List;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.table.Table;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.Split;
import org.trustml.vision.train.TrainedModel;

/**
 * What an {@link ImageEvaluator} gets: the model (loaded, open for the stage), the evaluated split
 * with its metadata rows, and the predictions already made on it, so that each evaluator does not
 * predict again.
 *
 * @param model         the trained model's record
 * @param loaded        the model with its parameters, owned by the evaluate stage (do not close)
 * @param dataset       the dataset
 * @param split         the evaluated split
 * @param entries       its images, in order
 * @param metadata      the input table's rows of those images, in the same order
 * @param truth         true class index per image
 * @param probabilities softmax outputs per image
 * @param predicted     argmax of each row of {@code probabilities}
 */
public record ImageEvaluationInput(TrainedModel model, Model loaded, ImageDataset dataset, Split split,
        List<ImageEntry> entries, Table metadata, int[] truth, double[][] probabilities, int[] predicted) {
    public ImageEvaluationInput {
        requireNonNull(model, "model");
        requireNonNull(loaded, "loaded");
        requireNonNull(dataset, "dataset");
        requireNonNull(split, "split");
        entries = List.copyOf(entries);
        requireNonNull(metadata, "metadata");
        requireNonNull(truth, "truth");
        requireNonNull(probabilities, "probabilities");
        requireNonNull(predicted, "predicted");
    }

    /**
     * The model-neutral view of the same rows: the true and predicted classes, the probabilities and
     * the metadata columns as attributes, for {@link PredictionsEvaluator}s.
     */
    public Predictions predictions() {
        return Predictions.of(model.classes(), truth, predicted, probabilities, metadata);
    }

    /** The image files, in order. */
    public List<Path> files() {
        return entries.stream().map(dataset::file).toList();
    }
}
