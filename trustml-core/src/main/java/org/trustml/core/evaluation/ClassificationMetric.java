package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * The metrics of a {@link ClassificationReport}, named as scikit-learn names them: {@code accuracy},
 * the {@code precision}/{@code recall}/{@code f1} averages ({@code precision_recall_fscore_support}'s
 * {@code average="macro"|"micro"|"weighted"|"binary"}), and the score metrics. Per class:
 * {@link #precisionOf(String)}, {@link #recallOf(String)}, {@link #f1Of(String)}
 * ({@code precision:<label>}).
 */
public enum ClassificationMetric implements MetricKey {
    /** Share of rows predicted right. */
    ACCURACY("accuracy"),
    /** {@code 1 − accuracy}. */
    ERROR_RATE("error_rate"),
    /** Mean recall over the classes present in the truth ({@code balanced_accuracy_score}). */
    BALANCED_ACCURACY("balanced_accuracy"),
    /** Precision of the positive class (two classes). */
    PRECISION("precision"),
    /** Recall of the positive class (two classes). */
    RECALL("recall"),
    /** F1 of the positive class (two classes). */
    F1("f1"),
    PRECISION_MACRO("precision_macro"),
    RECALL_MACRO("recall_macro"),
    F1_MACRO("f1_macro"),
    PRECISION_MICRO("precision_micro"),
    RECALL_MICRO("recall_micro"),
    F1_MICRO("f1_micro"),
    PRECISION_WEIGHTED("precision_weighted"),
    RECALL_WEIGHTED("recall_weighted"),
    F1_WEIGHTED("f1_weighted"),
    /** ROC-AUC (binary; one-vs-rest macro for more classes); needs scores. */
    ROC_AUC("roc_auc"),
    /** Average precision (two classes); needs scores. */
    AVERAGE_PRECISION("average_precision"),
    /** Mean negative log-probability of the true class; needs scores. */
    LOG_LOSS("log_loss"),
    /** Expected calibration error; needs scores. */
    EXPECTED_CALIBRATION_ERROR("expected_calibration_error"),
    /** Brier score; needs scores. */
    BRIER_SCORE("brier_score");

    /** Core's {@link MetricCatalog}: these constants and the per-class forms. */
    static final MetricCatalog CATALOG = new MetricCatalog() {
        @Override
        public List<MetricKey> metrics() {
            return List.of(values());
        }

        @Override
        public Optional<MetricKey> parse(String name) {
            int colon = name.indexOf(':');
            if (colon <= 0 || colon == name.length() - 1) {
                return Optional.empty();
            }
            String label = name.substring(colon + 1);
            return switch (name.substring(0, colon)) {
                case "precision" -> Optional.of(precisionOf(label));
                case "recall" -> Optional.of(recallOf(label));
                case "f1" -> Optional.of(f1Of(label));
                default -> Optional.empty();
            };
        }

        @Override
        public List<String> patterns() {
            return List.of("precision:<class>", "recall:<class>", "f1:<class>");
        }
    };

    private final String jsonName;

    ClassificationMetric(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    /** Precision of one class, one-vs-rest: {@code precision:<label>}. */
    public static PerClass precisionOf(String label) {
        return new PerClass(PRECISION, label);
    }

    /** Recall of one class, one-vs-rest: {@code recall:<label>}. */
    public static PerClass recallOf(String label) {
        return new PerClass(RECALL, label);
    }

    /** F1 of one class, one-vs-rest: {@code f1:<label>}. */
    public static PerClass f1Of(String label) {
        return new PerClass(F1, label);
    }

    /**
     * {@link #PRECISION}, {@link #RECALL} or {@link #F1} of one class: {@code <metric>:<label>}.
     *
     * @param metric precision, recall or F1
     * @param label  the class
     */
    public record PerClass(ClassificationMetric metric, String label) implements MetricKey {
        public PerClass {
            requireNonNull(metric, "metric");
            requireNonNull(label, "label");
            if (metric != PRECISION && metric != RECALL && metric != F1) {
                throw InvalidInputException.problem("has no per-class form").column("metric").value(metric.jsonName())
                        .expected("precision, recall or f1").build();
            }
        }

        @Override
        public String jsonName() {
            return metric.jsonName() + ":" + label;
        }

        @Override
        public String toString() {
            return jsonName();
        }
    }
}
