package org.trustml.modelcard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.trustml.modelcard.internal.PythonFloats;
import org.trustml.modelcard.internal.Texts;

/**
 * One reported metric ({@code quantitative_analysis.performance_metrics[]}, MCT {@code performance_metric}).
 *
 * <p>The value is text, as in MCT's final v0.0.2 schema and its last release, which writes Python's
 * {@code str(float)} ({@code "0.91"}, {@code "1e-05"}) and, for a metric with several values,
 * a list such as {@code "0.1, 0.5, 0.9"}. Build from a number with {@link #of(String, double)},
 * which writes the same text as MCT; read the number back with {@link #numericValue()}.
 *
 * @param type               the metric's name, e.g. {@code accuracy}, {@code statistical_parity_difference}
 * @param value              its value as text, e.g. {@code "0.91"}
 * @param slice              the slice it was computed on (absent: the whole evaluation set), e.g. {@code sex=female}
 * @param confidenceInterval its confidence interval, if known
 */
public record PerformanceMetric(
        Optional<String> type,
        Optional<String> value,
        Optional<String> slice,
        @JsonProperty("confidence_interval") Optional<ConfidenceInterval> confidenceInterval) {

    public PerformanceMetric {
        type = Texts.orEmpty(type);
        value = Texts.orEmpty(value);
        slice = Texts.orEmpty(slice);
        confidenceInterval = Texts.orEmpty(confidenceInterval);
    }

    /** An unsliced metric; the value is written as Python's {@code str(value)}. */
    public static PerformanceMetric of(String type, double value) {
        return of(type, value, null);
    }

    /** A metric on a slice; {@code slice} may be null for the whole set. */
    public static PerformanceMetric of(String type, double value, String slice) {
        return of(type, value, Optional.ofNullable(slice), Optional.empty());
    }

    /** A metric from a number, with its slice and confidence interval (each may be empty). */
    public static PerformanceMetric of(String type, double value, Optional<String> slice,
            Optional<ConfidenceInterval> confidenceInterval) {
        return new PerformanceMetric(Optional.of(type), Optional.of(PythonFloats.repr(value)), slice, confidenceInterval);
    }

    /**
     * The value as a number, when it is one as Python's {@code float()} reads it ({@code "0.91"},
     * {@code "1e-05"}, {@code "nan"}); empty when it is absent or not a single number.
     */
    public Optional<Double> numericValue() {
        return value.flatMap(PythonFloats::parse);
    }

    /** The key a diff matches metrics on: type and slice. */
    public String key() {
        return type.orElse("") + slice.map(s -> " [" + s + "]").orElse("");
    }
}
