package org.trustml.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the autoencoder checker says about one batch.
 *
 * <p>Decision: the batch drifts when either test rejects at {@code alpha / 2} (Bonferroni over
 * the two): the one-sided test of the anomaly count, or the two-sample KS test of the batch
 * scores against the calibration scores. The count test is the exceedance test: the high
 * threshold is itself a quantile of {@code m} calibration scores, so the count of {@code n} batch
 * scores above it is not {@code Bin(n, 1 - high_quantile)} but, for a batch of the reference
 * distribution, at most the count above the {@code j}-th smallest calibration score,
 * {@code j = floor((m - 1) high_quantile) + 1}, which is {@code BetaBinomial(n, m - j + 1, j)}
 * (Gumbel &amp; von Schelling 1950); {@code p = P(K >= count)}. The binomial test that took the
 * threshold as exact flagged up to 24% of batches of the reference distribution at 0.05
 * (200 calibration scores, batches of 500).
 *
 * @param schemaVersion        version of this JSON shape
 * @param size                 samples in the batch
 * @param scores               per-sample scores, in batch order
 * @param anomalies            indices of samples scoring above the high threshold
 * @param anomalyCount         their number
 * @param anomalyRate          anomalyCount / size
 * @param expectedRate         1 - high_quantile
 * @param belowLowCount        samples scoring below the low threshold (unusually well reconstructed)
 * @param highThreshold        reference-score quantile {@code high_quantile}
 * @param lowThreshold         reference-score quantile {@code low_quantile}
 * @param binomialPValue       p-value of the anomaly count (the exceedance test; JSON name kept)
 * @param ksStatistic          KS distance between batch and reference scores
 * @param ksPValue             its p-value (scipy's {@code ks_2samp} method)
 * @param alpha                significance level
 * @param drifted              the verdict
 */
public record BatchVerdict(
        int schemaVersion,
        int size,
        List<Double> scores,
        List<Integer> anomalies,
        @JsonProperty("anomaly_count") int anomalyCount,
        @JsonProperty("anomaly_rate") double anomalyRate,
        @JsonProperty("expected_rate") double expectedRate,
        @JsonProperty("below_low_count") int belowLowCount,
        @JsonProperty("high_threshold") double highThreshold,
        @JsonProperty("low_threshold") double lowThreshold,
        @JsonProperty("binomial_p_value") double binomialPValue,
        @JsonProperty("ks_statistic") double ksStatistic,
        @JsonProperty("ks_p_value") double ksPValue,
        double alpha,
        boolean drifted) {

    /** The current JSON shape. */
    public static final int SCHEMA_VERSION = 1;

    public BatchVerdict {
        scores = List.copyOf(scores);
        anomalies = List.copyOf(anomalies);
    }
}
