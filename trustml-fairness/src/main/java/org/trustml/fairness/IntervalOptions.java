package org.trustml.fairness;

import static java.util.Objects.requireNonNull;

import org.trustml.core.InvalidInputException;

/**
 * How to compute the confidence intervals of a fairness report: {@code IntervalOptions.bca(0.95, 1000, seed)},
 * {@code IntervalOptions.percentile(0.9, 2000, seed)} or {@code IntervalOptions.analytic(0.95)}. The same options
 * and the same statistics give the same intervals, whatever the thread count and however the statistics were
 * partitioned and merged.
 *
 * @param method    percentile, BCa or analytic
 * @param level     the confidence level, in (0, 1)
 * @param resamples bootstrap resamples, 2 to 100,000 (0 for analytic intervals)
 * @param seed      the bootstrap's seed (0 for analytic intervals)
 */
public record IntervalOptions(IntervalMethod method, double level, int resamples, long seed) {
    /** The most resamples a report takes: each number of the report keeps one double per resample. */
    public static final int MAX_RESAMPLES = 100_000;

    public IntervalOptions {
        requireNonNull(method, "method");
        if (!(level > 0 && level < 1)) {
            throw InvalidInputException.problem("is not a confidence level").column("level").value(level)
                    .expected("a number strictly between 0 and 1, e.g. 0.95").build();
        }
        if (method.bootstrap() && (resamples < 2 || resamples > MAX_RESAMPLES)) {
            throw InvalidInputException.problem("is not a number of bootstrap resamples").column("resamples")
                    .value(resamples).expected("an integer from 2 to " + MAX_RESAMPLES + ", e.g. 1000").build();
        }
        if (!method.bootstrap() && (resamples != 0 || seed != 0)) {
            throw InvalidInputException.problem("is given for analytic intervals, which do not resample")
                    .column("resamples").value(resamples).expected("0 resamples and seed 0").build();
        }
    }

    /** Bootstrap BCa intervals. */
    public static IntervalOptions bca(double level, int resamples, long seed) {
        return new IntervalOptions(IntervalMethod.BCA, level, resamples, seed);
    }

    /** Bootstrap percentile intervals. */
    public static IntervalOptions percentile(double level, int resamples, long seed) {
        return new IntervalOptions(IntervalMethod.PERCENTILE, level, resamples, seed);
    }

    /** Closed-form intervals where they exist. */
    public static IntervalOptions analytic(double level) {
        return new IntervalOptions(IntervalMethod.ANALYTIC, level, 0, 0);
    }
}
