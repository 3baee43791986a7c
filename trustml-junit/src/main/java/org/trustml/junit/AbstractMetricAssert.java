package org.trustml.junit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricInterval;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.junit.internal.GateContext;
import org.trustml.junit.internal.GateMessages;

/**
 * Assertions on one metric of an evaluation, on one slice. Every check builds a {@link Gate} and
 * judges it exactly as the bless stage does ({@link Gate#check}), so {@code isAtLeast(0.9)} here
 * and {@code Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9)} in a pipeline agree on every value, NaN included.
 * Extend it (self-typed, as AssertJ's assertions) to add checks of your own.
 *
 * @param <SELF> the concrete assertion type
 */
public abstract class AbstractMetricAssert<SELF extends AbstractMetricAssert<SELF>>
        extends AbstractAssert<SELF, MetricSource> {
    protected final MetricKey metric;
    protected Slice slice;
    protected final GateContext context;

    protected AbstractMetricAssert(MetricSource actual, MetricKey metric, Slice slice, GateContext context,
            Class<?> selfType) {
        super(actual, selfType);
        this.metric = requireNonNull(metric, "metric");
        this.slice = requireNonNull(slice, "slice");
        this.context = requireNonNull(context, "context");
    }

    /** Judges the metric on {@code s} instead (e.g. {@code Slice.of("sex", "F")}). */
    public SELF inSlice(Slice s) {
        this.slice = requireNonNull(s, "slice");
        return myself;
    }

    /** Passes when the value is at least {@code min}: {@code Gate.on(metric).atLeast(min)}. */
    public SELF isAtLeast(double min) {
        return passes(builder().atLeast(min));
    }

    /** Passes when the value is at most {@code max}: {@code Gate.on(metric).atMost(max)}. */
    public SELF isAtMost(double max) {
        return passes(builder().atMost(max));
    }

    /** Passes when {@code min ≤ value ≤ max}: {@code Gate.on(metric).between(min, max)}. */
    public SELF isBetween(double min, double max) {
        return passes(builder().between(min, max));
    }

    /** A higher-is-better metric at most {@code tolerance} below the baseline (see {@code againstBaseline}). */
    public SELF isNoWorseThanBaseline(double tolerance) {
        return passes(builder().noWorseThanBaseline(tolerance));
    }

    /** A lower-is-better metric at most {@code tolerance} above the baseline. */
    public SELF isNoHigherThanBaseline(double tolerance) {
        return passes(builder().noHigherThanBaseline(tolerance));
    }

    /**
     * Passes when the value and its whole confidence interval lie in {@code [min, max]}:
     * {@code Gate.on(metric).between(min, max).wholeInterval()}. A value without an interval, or with an undefined
     * one, fails. For a fairness report computed with intervals
     * ({@code Fairness…intervals(IntervalOptions.bca(0.95, 1000, seed))}).
     */
    public SELF hasIntervalWithin(double min, double max) {
        return passes(builder().between(min, max).wholeInterval());
    }

    /** As {@link #hasIntervalWithin(double, double)}, and the interval's level must be at least {@code minLevel}. */
    public SELF hasIntervalWithin(double min, double max, double minLevel) {
        return passes(builder().between(min, max).wholeInterval(minLevel));
    }

    /** Passes when the metric is present and not NaN. */
    public SELF isDefined() {
        return passes(builder().between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    /** Any threshold the gate builder offers, e.g. {@code satisfies(g -> g.change(myChange))}. */
    public SELF satisfies(Function<Gate.Builder, Gate> threshold) {
        return passes(requireNonNull(threshold, "threshold").apply(builder()));
    }

    /**
     * Judges a gate written elsewhere (the bless stage's, say); it must be on this assertion's metric
     * and slice.
     */
    public SELF passes(Gate gate) {
        requireNonNull(gate, "gate");
        if (!gate.metric().jsonName().equals(metric.jsonName()) || !gate.slice().equals(slice)) {
            throw new IllegalArgumentException("the gate is on " + GateMessages.subject(gate) + ", not on "
                    + metric.jsonName() + (slice.isOverall() ? "" : " in slice " + slice));
        }
        isNotNull();
        GateResult r = gate.check(actual, context.baseline());
        if (!r.passed()) {
            context.fail(List.of(GateMessages.failure(r, actual, context.runId())));
        }
        return myself;
    }

    /** The value, if the evaluation has it (NaN when undefined): for checks of your own. */
    public OptionalDouble value() {
        return actual.metric(metric, slice).stream().mapToDouble(MetricValue::value).findFirst();
    }

    /** The value's confidence interval, if the evaluation has one: for checks of your own. */
    public Optional<MetricInterval> interval() {
        return actual.metric(metric, slice).flatMap(MetricValue::interval);
    }

    /** The gate builder on this metric and slice. */
    protected Gate.Builder builder() {
        return Gate.on(metric).inSlice(slice);
    }
}
