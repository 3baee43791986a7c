package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;

/**
 * What {@link LimeEvaluator} found: each explained image with its local model's top superpixels and
 * the PNGs drawn from it. As a {@link MetricSource} it reports how well the local linear models fit
 * the classifier around the images: {@code lime_score_mean} and {@code lime_score_min}, the mean and
 * the smallest weighted R² (lime's {@code score}) over the explained images.
 *
 * @param schemaVersion version of this record's JSON form
 * @param numSamples    LIME samples per image
 * @param seed          the perturbation seed
 * @param images        the explained images, in the order they were chosen
 */
public record ExplanationReport(int schemaVersion, int numSamples, long seed, List<ExplainedImage> images)
        implements MetricSource {
    /** The current JSON schema version. */
    public static final int SCHEMA_VERSION = 1;

    public ExplanationReport {
        images = List.copyOf(images);
    }

    /**
     * One explained image.
     *
     * @param row         its position in the evaluated split (0-based)
     * @param path        its path relative to the dataset's root
     * @param truth       its true class
     * @param predicted   the class the model predicted, which is the explained one
     * @param probability the model's probability of {@code predicted}
     * @param segments    number of superpixels
     * @param score       weighted R² of the local model on the perturbation samples
     * @param intercept   the local model's intercept
     * @param topWeights  the superpixels with the largest |weight|, largest first
     * @param overlay     PNG: the outline of the top positive superpixels over the image
     * @param heatMap     PNG: every superpixel's weight, red for and blue against the class
     */
    public record ExplainedImage(int row, String path, String truth, String predicted, double probability,
            int segments, double score, double intercept, List<FeatureWeight> topWeights, Path overlay,
            Path heatMap) {
        public ExplainedImage {
            requireNonNull(path, "path");
            requireNonNull(truth, "truth");
            requireNonNull(predicted, "predicted");
            topWeights = List.copyOf(topWeights);
            requireNonNull(overlay, "overlay");
            requireNonNull(heatMap, "heatMap");
        }
    }

    @Override
    public List<MetricValue> metrics() {
        return LimeScores.of(images.stream().mapToDouble(ExplainedImage::score).toArray());
    }
}
