package org.trustml.fairness;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How {@link FairnessIntervals} computes a confidence interval. */
public enum IntervalMethod {
    /**
     * Bootstrap percentile interval: the α/2 and 1 − α/2 quantiles of the resampled values (linear interpolation
     * between order statistics, numpy's and scipy's default).
     */
    PERCENTILE,
    /**
     * Bootstrap bias-corrected and accelerated interval (Efron and Tibshirani 1993, §14.3 and eq. 15.36): the
     * quantiles at α₁ = Φ(z₀ + (z₀ + z_{α/2}) / (1 − a(z₀ + z_{α/2}))) and α₂ likewise with z_{1−α/2}, z₀ from the
     * share of resamples below the point, a from the jackknife, as {@code scipy.stats.bootstrap(method='BCa')}.
     */
    BCA,
    /**
     * Closed forms where they exist, on unweighted counts: Wilson score intervals for rates, Newcombe's hybrid
     * score interval for differences of rates, Katz's log interval for ratios of rates, Wald (delta method) for
     * the averaged odds and predictive-value differences. Any other metric's interval is undefined, with a reason.
     */
    ANALYTIC;

    /** {@code percentile}, {@code bca}, {@code analytic}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the method resamples. */
    public boolean bootstrap() {
        return this != ANALYTIC;
    }
}
