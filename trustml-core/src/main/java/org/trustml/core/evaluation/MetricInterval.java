package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * A two-sided confidence interval of a metric value: {@code [lower, upper]} at {@code level} (0.95 for a 95%
 * interval), computed by {@code method}. An interval that cannot be computed (a zero denominator in the data or in
 * a resample, a metric with no analytic form) has NaN bounds and says why, as an undefined {@link MetricValue}
 * does; it is never a silent {@code [0, 0]}.
 *
 * @param lower           the lower bound; NaN when undefined
 * @param upper           the upper bound, {@code >= lower}; NaN when undefined
 * @param level           the confidence level, in (0, 1)
 * @param method          how it was computed, e.g. {@code percentile} or {@code bca} (bootstrap), {@code wilson},
 *                        {@code newcombe}, {@code katz-log}, {@code wald} (analytic)
 * @param undefinedReason why the bounds are NaN; present exactly when they are
 */
public record MetricInterval(double lower, double upper, double level, String method,
                                 Optional<String> undefinedReason) {
    public MetricInterval {
        requireNonNull(method, "method");
        requireNonNull(undefinedReason, "undefinedReason");
        if (!(level > 0 && level < 1)) {
            throw InvalidInputException.problem("is not a confidence level").column("level").value(level)
                    .expected("a number strictly between 0 and 1, e.g. 0.95").build();
        }
        if (method.isBlank()) {
            throw InvalidInputException.problem("is blank").column("method").expected("the interval's method").build();
        }
        boolean undefined = Double.isNaN(lower) || Double.isNaN(upper);
        if (undefined != undefinedReason.isPresent()) {
            throw InvalidInputException.problem(undefined ? "has NaN bounds but no reason" : "has bounds and a reason")
                    .column("interval").value("[" + lower + ", " + upper + "]")
                    .expected("NaN bounds exactly when the interval is undefined, with the reason").build();
        }
        if (!undefined && lower > upper) {
            throw InvalidInputException.problem("has its lower bound above its upper bound").column("interval")
                    .value("[" + lower + ", " + upper + "]").expected("lower <= upper").build();
        }
    }

    /** A defined interval. */
    public static MetricInterval of(double lower, double upper, double level, String method) {
        return new MetricInterval(lower, upper, level, method, Optional.empty());
    }

    /** An interval that could not be computed, and why. */
    public static MetricInterval undefined(double level, String method, String reason) {
        return new MetricInterval(Double.NaN, Double.NaN, level, method, Optional.of(reason));
    }

    /** Whether the bounds are numbers. */
    @JsonIgnore
    public boolean isDefined() {
        return undefinedReason.isEmpty();
    }

    /** Whether {@code lower <= x <= upper} (false when undefined). */
    public boolean contains(double x) {
        return isDefined() && x >= lower && x <= upper;
    }

    /** {@code [0.78, 0.95] (95% bca)}, or {@code undefined interval (95% bca): reason}. */
    public String describe() {
        String how = String.format(Locale.ROOT, "(%s%% %s)", Gate.fmt(100 * level), method);
        return isDefined() ? "[" + Gate.fmt(lower) + ", " + Gate.fmt(upper) + "] " + how
                : "undefined interval " + how + ": " + undefinedReason.get();
    }
}
