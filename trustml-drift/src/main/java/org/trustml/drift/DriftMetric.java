package org.trustml.drift;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.trustml.core.evaluation.MetricCatalog;
import org.trustml.core.evaluation.MetricKey;

/**
 * The numbers a {@link DriftReport} gives gates ({@link DriftReport#metrics()}): {@link #DRIFT_SHARE} and
 * {@link #DATASET_DRIFT} on the whole dataset, {@link #DRIFTED} per column (slice {@code column=<name>}), and
 * per column and test {@link #statisticOf(DriftTest)}, {@link #pValueOf(DriftTest)} or
 * {@link #distanceOf(DriftTest)} ({@code ks_p_value}). Evidently's names where Evidently has the number.
 */
public enum DriftMetric implements MetricKey {
    /** Share of the tested columns that drifted (Evidently's {@code share_of_drifted_columns}). */
    DRIFT_SHARE("drift_share"),
    /** 1 when the share of drifted columns reaches the threshold, else 0 (Evidently's {@code dataset_drift}). */
    DATASET_DRIFT("dataset_drift"),
    /** Per column: 1 when any of its tests flagged drift, else 0. */
    DRIFTED("drifted"),
    /** The autoencoder checker's verdict on the evaluated images: 1 drifted, else 0 ({@link AutoencoderDriftReport}). */
    AUTOENCODER_DRIFTED("autoencoder_drifted"),
    /** Share of the evaluated images the autoencoder checker flagged as anomalies ({@link BatchVerdict#anomalyRate()}). */
    AUTOENCODER_ANOMALY_RATE("autoencoder_anomaly_rate"),
    /** p-value of the checker's anomaly count (the exceedance test, {@link BatchVerdict#binomialPValue()}). */
    AUTOENCODER_EXCEEDANCE_P_VALUE("autoencoder_exceedance_p_value"),
    /** p-value of the checker's KS test of the scores against the calibration scores ({@link BatchVerdict#ksPValue()}). */
    AUTOENCODER_KS_P_VALUE("autoencoder_ks_p_value");

    private final String jsonName;

    DriftMetric(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    /** A test's statistic on a column: {@code <test>_statistic}. */
    public static OfTest statisticOf(DriftTest test) {
        return new OfTest(test, "statistic");
    }

    /** A test's p-value on a column ({@code <test>_p_value}), for tests that give one ({@link DriftTest#givesPValue()}). */
    public static OfTest pValueOf(DriftTest test) {
        return new OfTest(test, "p_value");
    }

    /** A test's distance on a column ({@code <test>_distance}), for tests that give a distance. */
    public static OfTest distanceOf(DriftTest test) {
        return new OfTest(test, "distance");
    }

    /**
     * One number of one test: {@code <test>_<part>}.
     *
     * @param test the test
     * @param part {@code statistic}, {@code p_value} or {@code distance}
     */
    public record OfTest(DriftTest test, String part) implements MetricKey {
        public OfTest {
            requireNonNull(test, "test");
            requireNonNull(part, "part");
        }

        @Override
        public String jsonName() {
            return test.jsonName() + "_" + part;
        }

        @Override
        public String toString() {
            return jsonName();
        }
    }

    /**
     * Every name a drift report writes, for pipeline files
     * ({@code META-INF/services/org.trustml.core.evaluation.MetricCatalog}).
     */
    public static final class Catalog implements MetricCatalog {
        @Override
        public List<MetricKey> metrics() {
            List<MetricKey> out = new ArrayList<>(List.of(values()));
            for (DriftTest t : DriftTest.values()) {
                out.add(statisticOf(t));
                out.add(t.givesPValue() ? pValueOf(t) : distanceOf(t));
            }
            return out;
        }
    }
}
