package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Classification metrics overall and per slice, from {@link Classification}. As a
 * {@link MetricSource} it names its metrics as scikit-learn does ({@link ClassificationMetric}):
 *
 * <ul>
 *   <li>{@code accuracy}, {@code error_rate}, {@code balanced_accuracy};</li>
 *   <li>{@code precision_macro}, {@code recall_macro}, {@code f1_macro}, and {@code _micro},
 *       {@code _weighted};</li>
 *   <li>per class {@code precision:<label>}, {@code recall:<label>}, {@code f1:<label>};</li>
 *   <li>for two classes, {@code precision}, {@code recall}, {@code f1} of the positive class
 *       ({@code average="binary"});</li>
 *   <li>with scores: {@code roc_auc}, {@code log_loss}, {@code expected_calibration_error},
 *       {@code brier_score}, and for two classes {@code average_precision}.</li>
 * </ul>
 *
 * @param schemaVersion the JSON format's version
 * @param classes       the class labels, by index
 * @param positiveClass for two classes, the positive one
 * @param overall       all rows
 * @param slices        each slice asked for, in order
 */
public record ClassificationReport(int schemaVersion, List<String> classes, Optional<String> positiveClass,
        SliceResult overall, List<SliceResult> slices) implements MetricSource {
    /** The format this version writes. */
    public static final int SCHEMA_VERSION = 1;

    public ClassificationReport {
        classes = List.copyOf(classes);
        requireNonNull(positiveClass, "positiveClass");
        requireNonNull(overall, "overall");
        slices = List.copyOf(slices);
    }

    /** The result on one slice ({@link Slice#OVERALL} for all rows), if it was computed. */
    public Optional<SliceResult> slice(Slice slice) {
        if (slice.isOverall()) {
            return Optional.of(overall);
        }
        return slices.stream().filter(s -> s.slice().equals(slice)).findFirst();
    }

    @Override
    public List<MetricValue> metrics() {
        List<MetricValue> out = new ArrayList<>();
        add(out, overall);
        slices.forEach(s -> add(out, s));
        return out;
    }

    private static void add(List<MetricValue> out, SliceResult r) {
        Slice s = r.slice();
        Map<String, String> why = r.undefined();
        put(out, s, why, ClassificationMetric.ACCURACY, r::accuracy);
        put(out, s, why, ClassificationMetric.ERROR_RATE, () -> 1 - r.accuracy());
        put(out, s, why, ClassificationMetric.BALANCED_ACCURACY, r::balancedAccuracy);
        averages(out, s, why, r.macro(), ClassificationMetric.PRECISION_MACRO, ClassificationMetric.RECALL_MACRO,
                ClassificationMetric.F1_MACRO);
        averages(out, s, why, r.micro(), ClassificationMetric.PRECISION_MICRO, ClassificationMetric.RECALL_MICRO,
                ClassificationMetric.F1_MICRO);
        averages(out, s, why, r.weighted(), ClassificationMetric.PRECISION_WEIGHTED,
                ClassificationMetric.RECALL_WEIGHTED, ClassificationMetric.F1_WEIGHTED);
        r.binary().ifPresent(b -> averages(out, s, why, b, ClassificationMetric.PRECISION, ClassificationMetric.RECALL,
                ClassificationMetric.F1));
        for (SliceResult.ClassStats c : r.perClass()) {
            put(out, s, why, ClassificationMetric.precisionOf(c.label()), c::precision);
            put(out, s, why, ClassificationMetric.recallOf(c.label()), c::recall);
            put(out, s, why, ClassificationMetric.f1Of(c.label()), c::f1);
        }
        r.scores().ifPresent(m -> {
            put(out, s, why, ClassificationMetric.ROC_AUC, m::rocAuc);
            if (m.curves().isPresent()) {
                put(out, s, why, ClassificationMetric.AVERAGE_PRECISION, m::averagePrecision);
            }
            put(out, s, why, ClassificationMetric.LOG_LOSS, m::logLoss);
            put(out, s, why, ClassificationMetric.EXPECTED_CALIBRATION_ERROR,
                    () -> m.calibration().expectedCalibrationError());
            put(out, s, why, ClassificationMetric.BRIER_SCORE, () -> m.calibration().brierScore());
        });
    }

    private static void averages(List<MetricValue> out, Slice s, Map<String, String> why, SliceResult.Averages a,
            MetricKey precision, MetricKey recall, MetricKey f1) {
        put(out, s, why, precision, a::precision);
        put(out, s, why, recall, a::recall);
        put(out, s, why, f1, a::f1);
    }

    private static void put(List<MetricValue> out, Slice s, Map<String, String> why, MetricKey key, DoubleSupplier v) {
        String name = key.jsonName();
        double x = v.getAsDouble();
        out.add(Double.isNaN(x)
                ? MetricValue.undefined(name, s, why.getOrDefault(name, "not defined on this slice"))
                : MetricValue.of(name, s, x));
    }
}
