package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import org.trustml.core.InvalidInputException;

/**
 * A metric's typed identity: what a {@link Gate}, the bless stage and the JUnit assertions name a
 * metric by. Each module's id enum implements it ({@link ClassificationMetric} here,
 * {@code FairnessMetric}, {@code RobustnessMetric}, {@code DriftMetric}, {@code ExplanationMetric} in
 * theirs), so {@code Gate.on(ClassificationMetric.ACCURACY)} and
 * {@code Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE)} are checked by the compiler.
 *
 * <p>Two keys with the same {@link #jsonName()} judge the same values: a {@link MetricSource} holds
 * values by name ({@link MetricValue#name()}), and the key only says which name.
 */
public interface MetricKey {
    /**
     * The snake_case name as {@link MetricValue#name()} and {@code evaluation.json} write it, spelled as
     * the peer spells it ({@code accuracy}, {@code equal_opportunity_difference}).
     */
    @JsonValue
    String jsonName();

    /**
     * A key for a metric that no id enum lists: the values of an evaluator of your own (better: give
     * it an enum that implements this interface) or a name read from a file. Names that a module on
     * the class path knows are better looked up with {@link MetricKeys#resolve(String, String)}, which
     * refuses a misspelt one.
     *
     * @param jsonName the name as the evaluator writes it; not blank
     */
    static MetricKey named(String jsonName) {
        return new Named(jsonName);
    }

    /**
     * A metric named by a string ({@link #named(String)}).
     *
     * @param jsonName the name; not blank
     */
    record Named(String jsonName) implements MetricKey {
        public Named {
            requireNonNull(jsonName, "jsonName");
            if (jsonName.isBlank()) {
                throw InvalidInputException.problem("is blank").column("metric").value(jsonName)
                        .expected("a metric name such as 'accuracy'").build();
            }
        }

        @Override
        public String toString() {
            return jsonName;
        }
    }
}
