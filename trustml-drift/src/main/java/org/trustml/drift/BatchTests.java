package org.trustml.drift;

import java.util.ArrayList;
import java.util.List;
import org.trustml.drift.internal.Exceedances;
import org.trustml.drift.internal.KolmogorovSmirnov;
import org.trustml.drift.internal.SortedSample;

/**
 * The autoencoder checker's decision on one batch of scores, apart from the network that made
 * them: anomalies above the high threshold, the exceedance test of their count
 * ({@link Exceedances}) and the two-sample KS test of the scores against the calibration scores.
 */
final class BatchTests {
    private BatchTests() {}

    /**
     * The verdict on {@code scores}, given the checker's sorted calibration scores and the
     * thresholds taken from them ({@code high} = their {@code highQuantile}-quantile).
     */
    static BatchVerdict verdict(double[] scores, double[] sortedCalibration, double high, double low,
            AutoencoderConfig config) {
        List<Integer> anomalies = new ArrayList<>();
        int below = 0;
        List<Double> boxed = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            boxed.add(scores[i]);
            if (scores[i] > high) {
                anomalies.add(i);
            } else if (scores[i] < low) {
                below++;
            }
        }
        int m = sortedCalibration.length;
        double countP = Exceedances.survival(m, Exceedances.rankAtOrBelow(m, config.highQuantile()), scores.length,
                anomalies.size());
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(SortedSample.of(scores).values(), sortedCalibration);
        boolean drifted = countP < config.alpha() / 2 || ks.pValue() < config.alpha() / 2;
        return new BatchVerdict(BatchVerdict.SCHEMA_VERSION, scores.length, boxed, anomalies, anomalies.size(),
                (double) anomalies.size() / scores.length, 1 - config.highQuantile(), below, high, low, countP,
                ks.statistic(), ks.pValue(), config.alpha(), drifted);
    }
}
