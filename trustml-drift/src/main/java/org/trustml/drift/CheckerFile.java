package org.trustml.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code checker.json} in a saved checker directory, next to the DJL parameter file
 * {@code autoencoder-0000.params}.
 */
record CheckerFile(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("djl_version") String djlVersion,
        AutoencoderConfig config,
        List<Integer> shape,
        @JsonProperty("feature_mean") List<Float> featureMean,
        @JsonProperty("feature_std") List<Float> featureStd,
        @JsonProperty("high_threshold") double highThreshold,
        @JsonProperty("low_threshold") double lowThreshold,
        @JsonProperty("reference_scores") List<Double> referenceScores) {

    /** The directory layout written by this version. */
    static final int FORMAT_VERSION = 1;
    /** File name of the metadata. */
    static final String NAME = "checker.json";
    /** DJL model name (parameters in {@code <name>-0000.params}). */
    static final String MODEL_NAME = "autoencoder";

    CheckerFile {
        shape = List.copyOf(shape);
        featureMean = List.copyOf(featureMean);
        featureStd = List.copyOf(featureStd);
        referenceScores = List.copyOf(referenceScores);
    }
}
