package org.trustml.drift;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;

/**
 * What {@link AutoencoderDriftEvaluator} found: the autoencoder checker's {@link BatchVerdict} on the evaluated
 * images. As a metric source it gives, on the whole dataset, {@code autoencoder_drifted} (1 or 0),
 * {@code autoencoder_anomaly_rate}, {@code autoencoder_exceedance_p_value} and {@code autoencoder_ks_p_value}.
 *
 * @param schemaVersion   version of this JSON shape
 * @param reference       the split the checker was trained on, or the saved checker's folder
 * @param referenceImages images it was trained on (0 for a saved checker)
 * @param verdict         the checker's verdict on the evaluated images
 */
public record AutoencoderDriftReport(int schemaVersion, String reference, int referenceImages, BatchVerdict verdict)
        implements MetricSource {
    /** The current JSON shape. */
    public static final int SCHEMA_VERSION = 1;

    public AutoencoderDriftReport {
        requireNonNull(reference, "reference");
        requireNonNull(verdict, "verdict");
    }

    @Override
    public List<MetricValue> metrics() {
        return List.of(value(DriftMetric.AUTOENCODER_DRIFTED, verdict.drifted() ? 1 : 0),
                value(DriftMetric.AUTOENCODER_ANOMALY_RATE, verdict.anomalyRate()),
                value(DriftMetric.AUTOENCODER_EXCEEDANCE_P_VALUE, verdict.binomialPValue()),
                value(DriftMetric.AUTOENCODER_KS_P_VALUE, verdict.ksPValue()));
    }

    private static MetricValue value(DriftMetric metric, double v) {
        return new MetricValue(metric.jsonName(), Slice.OVERALL, v, java.util.Optional.empty());
    }
}
