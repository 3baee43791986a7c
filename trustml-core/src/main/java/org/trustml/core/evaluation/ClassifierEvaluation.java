package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * What an evaluate stage gives, whatever the model (an image classifier, a Tribuo model): the
 * classification report and each plugged-in evaluator's result by name. Results are read by type,
 * with no cast: {@code evaluation.result(FairnessReport.class)}, or
 * {@code evaluation.result("fairness", FairnessReport.class)} when two evaluators give the same type.
 * As a {@link MetricSource} it holds the report's metrics, then each evaluator's
 * ({@link CombinedMetrics}).
 */
public interface ClassifierEvaluation extends MetricSource {
    /** Confusion matrix, accuracy, P/R/F1, ROC-AUC … overall and per slice. */
    ClassificationReport classification();

    /** One line naming the evaluated model, for reports and logs. */
    String modelDescription();

    /** What one evaluated row is, plural, for captions: {@code "images"}, {@code "rows"}. */
    default String unit() {
        return "rows";
    }

    /** Each evaluator's result by its {@link Evaluator#name()}, in the order they ran. */
    Map<String, MetricSource> evaluators();

    /**
     * The one evaluator result of this type, if an evaluator gave one.
     *
     * @throws InvalidInputException if several did: name the one with {@link #result(String, Class)}
     */
    default <T extends MetricSource> Optional<T> result(Class<T> type) {
        Map<String, T> all = results(type);
        if (all.size() > 1) {
            throw InvalidInputException.problem("is given by " + all.size() + " evaluators").column(type.getSimpleName())
                    .value(String.join(", ", all.keySet()))
                    .expected("one, or the evaluator named: result(name, " + type.getSimpleName() + ".class)").build();
        }
        return all.values().stream().findFirst();
    }

    /**
     * The result of the evaluator called {@code name}, if it ran.
     *
     * @throws InvalidInputException if that evaluator's result is of another type
     */
    default <T extends MetricSource> Optional<T> result(String name, Class<T> type) {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        MetricSource r = evaluators().get(name);
        if (r == null) {
            return Optional.empty();
        }
        if (!type.isInstance(r)) {
            throw InvalidInputException.problem("is not a " + type.getSimpleName()).column("evaluator " + name)
                    .value(r.getClass().getSimpleName()).expected(type.getSimpleName()).build();
        }
        return Optional.of(type.cast(r));
    }

    /** Every evaluator result of this type, by evaluator name, in the order they ran. */
    default <T extends MetricSource> Map<String, T> results(Class<T> type) {
        requireNonNull(type, "type");
        Map<String, T> out = new LinkedHashMap<>();
        evaluators().forEach((name, r) -> {
            if (type.isInstance(r)) {
                out.put(name, type.cast(r));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The classification report's metrics, then each evaluator's ({@link CombinedMetrics#of}). */
    @Override
    default List<MetricValue> metrics() {
        return CombinedMetrics.of(classification(), evaluators());
    }
}
