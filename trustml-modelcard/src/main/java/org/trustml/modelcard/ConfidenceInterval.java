package org.trustml.modelcard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.modelcard.internal.PythonFloats;
import org.trustml.modelcard.internal.Texts;

/**
 * A confidence interval of a metric ({@code performance_metrics[].confidence_interval}, MCT
 * {@code ConfidenceInterval}). Its bounds are text, as in MCT's final v0.0.2 schema; build one from
 * numbers with {@link #of(double, double)}.
 *
 * @param lowerBound lower end, e.g. {@code "0.84"}; when both ends are numbers it is at most {@code upperBound}
 * @param upperBound upper end
 */
public record ConfidenceInterval(@JsonProperty("lower_bound") Optional<String> lowerBound,
        @JsonProperty("upper_bound") Optional<String> upperBound) {
    public ConfidenceInterval {
        lowerBound = Texts.orEmpty(lowerBound);
        upperBound = Texts.orEmpty(upperBound);
        Optional<Double> lo = lowerBound.flatMap(PythonFloats::parse);
        Optional<Double> hi = upperBound.flatMap(PythonFloats::parse);
        if (lo.isPresent() && hi.isPresent() && lo.get() > hi.get()) {
            throw reversed(lowerBound.get(), upperBound.get());
        }
    }

    /** An interval from numbers, written as MCT writes them; {@code lower <= upper} (NaN is refused). */
    public static ConfidenceInterval of(double lower, double upper) {
        if (!(lower <= upper)) {
            throw reversed(PythonFloats.repr(lower), PythonFloats.repr(upper));
        }
        return new ConfidenceInterval(Optional.of(PythonFloats.repr(lower)), Optional.of(PythonFloats.repr(upper)));
    }

    /** The lower bound as a number, when it is one. */
    public Optional<Double> lower() {
        return lowerBound.flatMap(PythonFloats::parse);
    }

    /** The upper bound as a number, when it is one. */
    public Optional<Double> upper() {
        return upperBound.flatMap(PythonFloats::parse);
    }

    private static InvalidInputException reversed(String lower, String upper) {
        return InvalidInputException.problem("is not a confidence interval").column("confidence_interval")
                .value("[" + lower + ", " + upper + "]").expected("lower_bound <= upper_bound").build();
    }
}
