package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trustml.core.InvalidInputException;

/**
 * One quality gate on one metric and slice, with TFMA's semantics ({@code metrics_validator.py}):
 *
 * <ul>
 *   <li>value threshold: passes when {@code lower ≤ v ≤ upper} (bounds inclusive, an absent
 *       bound is ±∞);</li>
 *   <li>change threshold against a baseline evaluation: with {@code d = v − v_baseline} and
 *       {@code r = d / v_baseline}, {@link Direction#HIGHER_IS_BETTER} passes when
 *       {@code d ≥ absolute} and {@code r ≥ relative}, {@link Direction#LOWER_IS_BETTER} when
 *       {@code d ≤ absolute} and {@code r ≤ relative} (an absent threshold always passes; a
 *       baseline of 0 makes {@code r} undefined, which fails a relative threshold, as in TFMA).
 *       TFMA's usual "no worse than the baseline" is {@code HIGHER_IS_BETTER} with
 *       {@code absolute = -1e-10}.</li>
 * </ul>
 *
 * A metric that is missing, or NaN (undefined), fails every gate on it; so does a change gate
 * without a baseline value. Build with {@link #on(MetricKey)}:
 * {@code Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9)},
 * {@code Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).between(-0.1, 0.1)},
 * {@code Gate.on(ClassificationMetric.ACCURACY).inSlice(Slice.of("sex", "female")).noWorseThanBaseline(0.01)}.
 * Two gates are equal when their metrics have the same name ({@link MetricKey}) and the rest is equal.
 *
 * <p>A value gate can also require the value's whole confidence interval ({@link MetricValue#interval()})
 * within its bounds, not just the point: {@code Gate.on(FairnessMetric.DISPARATE_IMPACT).between(0.8, 1.25)
 * .wholeInterval()} passes only when {@code lower ≤ ci.lower} and {@code ci.upper ≤ upper} (and the point is
 * within, too); a value without an interval, or with an undefined one, fails it.
 *
 * @param metric   the metric
 * @param slice    the slice it is judged on
 * @param lower    smallest passing value
 * @param upper    largest passing value
 * @param change   a threshold against the baseline
 * @param requireInterval present when the whole confidence interval must lie within the bounds; in JSON only then
 */
public record Gate(MetricKey metric, Slice slice, OptionalDouble lower, OptionalDouble upper, Optional<Change> change,
                   Optional<IntervalRequirement> requireInterval) {

    /** Which way a metric improves. */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /**
     * A change threshold: {@code absolute} bounds {@code v − v_baseline}, {@code relative} bounds
     * {@code (v − v_baseline) / v_baseline}.
     */
    public record Change(Direction direction, OptionalDouble absolute, OptionalDouble relative) {
        public Change {
            requireNonNull(direction, "direction");
            requireNonNull(absolute, "absolute");
            requireNonNull(relative, "relative");
            if (absolute.isEmpty() && relative.isEmpty()) {
                throw InvalidInputException.problem("has neither an absolute nor a relative threshold")
                        .column("change").expected("at least one of the two").build();
            }
        }
    }

    /**
     * The gate's bounds apply to the whole confidence interval of the value.
     *
     * @param minLevel the smallest confidence level accepted (0: any), so a gate written for 95% intervals is not
     *                 passed by a narrower 50% one
     */
    public record IntervalRequirement(double minLevel) {
        public IntervalRequirement {
            if (!(minLevel >= 0 && minLevel < 1)) {
                throw InvalidInputException.problem("is not a confidence level").column("minLevel").value(minLevel)
                        .expected("0 (any level) or a level in (0, 1), e.g. 0.95").build();
            }
        }
    }

    public Gate {
        requireNonNull(metric, "metric");
        requireNonNull(slice, "slice");
        requireNonNull(lower, "lower");
        requireNonNull(upper, "upper");
        requireNonNull(change, "change");
        requireNonNull(requireInterval, "requireInterval");
        if (requireInterval.isPresent() && lower.isEmpty() && upper.isEmpty()) {
            throw InvalidInputException.problem("requires the whole interval but has no bound").column(metric.jsonName())
                    .expected("a lower or upper bound for the interval to lie within (a change threshold has none)")
                    .build();
        }
        if (lower.isEmpty() && upper.isEmpty() && change.isEmpty()) {
            throw InvalidInputException.problem("has no threshold").column(metric.jsonName())
                    .expected("a lower or upper bound, or a change threshold").build();
        }
        if (lower.isPresent() && upper.isPresent() && lower.getAsDouble() > upper.getAsDouble()) {
            throw InvalidInputException.problem("has a lower bound above its upper bound").column(metric.jsonName())
                    .value(lower.getAsDouble() + " > " + upper.getAsDouble()).expected("lower <= upper").build();
        }
    }

    /** A gate judging the point value only. */
    public Gate(MetricKey metric, Slice slice, OptionalDouble lower, OptionalDouble upper, Optional<Change> change) {
        this(metric, slice, lower, upper, change, Optional.empty());
    }

    /**
     * This gate, requiring also the value's whole confidence interval (of any level) within its bounds:
     * {@code Gate.on(FairnessMetric.DISPARATE_IMPACT).between(0.8, 1.25).wholeInterval()}.
     */
    public Gate wholeInterval() {
        return wholeInterval(0);
    }

    /** This gate, requiring the whole confidence interval, of level at least {@code minLevel}, within its bounds. */
    public Gate wholeInterval(double minLevel) {
        return new Gate(metric, slice, lower, upper, change, Optional.of(new IntervalRequirement(minLevel)));
    }

    /** Starts a gate on a metric, on the whole dataset. */
    public static Builder on(MetricKey metric) {
        return new Builder(requireNonNull(metric, "metric"), Slice.OVERALL);
    }

    /**
     * A gate read from JSON ({@code verdict.json}): the metric's name is looked up with
     * {@link MetricKeys#find(String)}; a name no module on the class path knows is kept as
     * {@link MetricKey#named(String)}, since a verdict may come from a run with more modules.
     */
    @JsonCreator
    static Gate fromJson(@JsonProperty("metric") String metric, @JsonProperty("slice") Slice slice,
            @JsonProperty("lower") OptionalDouble lower, @JsonProperty("upper") OptionalDouble upper,
            @JsonProperty("change") Optional<Change> change,
            @JsonProperty("requireInterval") Optional<IntervalRequirement> requireInterval) {
        requireNonNull(metric, "metric");
        MetricKey key = MetricKeys.find(metric).orElseGet(() -> MetricKey.named(metric));
        return new Gate(key, slice, lower == null ? OptionalDouble.empty() : lower,
                upper == null ? OptionalDouble.empty() : upper, change == null ? Optional.empty() : change,
                requireInterval == null ? Optional.empty() : requireInterval);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gate g && metric.jsonName().equals(g.metric.jsonName()) && slice.equals(g.slice)
                && lower.equals(g.lower) && upper.equals(g.upper) && change.equals(g.change)
                && requireInterval.equals(g.requireInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric.jsonName(), slice, lower, upper, change, requireInterval);
    }

    /** Judges one evaluation (change thresholds fail: there is no baseline). */
    public GateResult check(MetricSource candidate) {
        return check(candidate, Optional.empty());
    }

    /** Judges {@code candidate}, against {@code baseline} for a change threshold. */
    public GateResult check(MetricSource candidate, Optional<? extends MetricSource> baseline) {
        Optional<MetricValue> found = candidate.metric(metric, slice);
        if (found.isEmpty()) {
            return GateResult.failed(this, OptionalDouble.empty(), OptionalDouble.empty(), "metric not found");
        }
        double v = found.get().value();
        if (Double.isNaN(v)) {
            return GateResult.failed(this, OptionalDouble.of(v), OptionalDouble.empty(),
                    "undefined" + found.get().undefinedReason().map(r -> ": " + r).orElse(""));
        }
        if (!within(v, v)) {
            return GateResult.failed(this, OptionalDouble.of(v), OptionalDouble.empty(), "outside " + bounds());
        }
        if (requireInterval.isPresent()) {
            Optional<String> problem = intervalProblem(found.get().interval());
            if (problem.isPresent()) {
                return GateResult.failed(this, OptionalDouble.of(v), OptionalDouble.empty(), problem.get());
            }
        }
        if (change.isEmpty()) {
            return GateResult.passed(this, v, OptionalDouble.empty(), found.get().interval());
        }
        Optional<MetricValue> base = baseline.flatMap(b -> b.metric(metric, slice));
        if (base.isEmpty() || Double.isNaN(base.get().value())) {
            return GateResult.failed(this, OptionalDouble.of(v), OptionalDouble.empty(), "no baseline value");
        }
        double b = base.get().value();
        double d = v - b;
        double r = b == 0 ? Double.NaN : d / b;
        Change c = change.get();
        boolean higher = c.direction() == Direction.HIGHER_IS_BETTER;
        boolean ok = c.absolute().stream().allMatch(a -> higher ? d >= a : d <= a)
                && c.relative().stream().allMatch(a -> higher ? r >= a : r <= a);
        return ok ? GateResult.passed(this, v, OptionalDouble.of(b), found.get().interval())
                : GateResult.failed(this, OptionalDouble.of(v), OptionalDouble.of(b), String.format(Locale.ROOT,
                        "changed by %s (%s relative) against the baseline %s", fmt(d), fmt(r), fmt(b)));
    }

    private boolean within(double lo, double hi) {
        return !(lower.isPresent() && !(lo >= lower.getAsDouble()) || upper.isPresent() && !(hi <= upper.getAsDouble()));
    }

    /** Why the value's interval does not meet {@link #requireInterval()}, or empty when it does. */
    private Optional<String> intervalProblem(Optional<MetricInterval> interval) {
        if (interval.isEmpty()) {
            return Optional.of("has no confidence interval, and the whole interval must lie within " + bounds()
                    + " (compute one: a fairness report with intervals, trustml fairness --ci 0.95)");
        }
        MetricInterval ci = interval.get();
        if (!ci.isDefined()) {
            return Optional.of("has an " + ci.describe() + ", and the whole interval must lie within " + bounds());
        }
        double minLevel = requireInterval.get().minLevel();
        if (ci.level() < minLevel) {
            return Optional.of("has a " + Gate.fmt(100 * ci.level()) + "% interval " + ci.describe()
                    + ", below the required level " + Gate.fmt(100 * minLevel) + "%");
        }
        if (!within(ci.lower(), ci.upper())) {
            return Optional.of("outside " + bounds() + ": its interval " + ci.describe() + " is not wholly within");
        }
        return Optional.empty();
    }

    /**
     * The thresholds in words, e.g. {@code [0.9, +inf]}, {@code [0.8, 1.25] for the whole interval} or
     * {@code change >= -0.01 (higher is better)}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (lower.isPresent() || upper.isPresent()) {
            s.append(bounds());
        }
        requireInterval.ifPresent(r -> s.append(" for the whole interval").append(r.minLevel() > 0
                ? " (level >= " + Gate.fmt(100 * r.minLevel()) + "%)" : ""));
        change.ifPresent(c -> {
            String op = c.direction() == Direction.HIGHER_IS_BETTER ? ">=" : "<=";
            if (s.length() > 0) {
                s.append(" and ");
            }
            s.append("change");
            c.absolute().ifPresent(a -> s.append(' ').append(op).append(' ').append(fmt(a)));
            c.relative().ifPresent(a -> s.append(c.absolute().isPresent() ? ", relative " : " relative ")
                    .append(op).append(' ').append(fmt(a)));
            s.append(c.direction() == Direction.HIGHER_IS_BETTER ? " (higher is better)" : " (lower is better)");
        });
        return s.toString();
    }

    private String bounds() {
        return "[" + (lower.isPresent() ? fmt(lower.getAsDouble()) : "-inf") + ", "
                + (upper.isPresent() ? fmt(upper.getAsDouble()) : "+inf") + "]";
    }

    /** A value as gates and their messages print it: 6 significant digits, no trailing zeros, {@code NaN}. */
    public static String fmt(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.6g", x).replaceAll("\\.?0+(e|$)", "$1");
    }

    /** Builds a {@link Gate}: choose the slice, then a threshold. */
    public static final class Builder {
        private final MetricKey metric;
        private final Slice slice;

        private Builder(MetricKey metric, Slice slice) {
            this.metric = metric;
            this.slice = slice;
        }

        /** Judges the metric on this slice instead of the whole dataset. */
        public Builder inSlice(Slice s) {
            return new Builder(metric, requireNonNull(s, "slice"));
        }

        /** Passes when the value is at least {@code min}. */
        public Gate atLeast(double min) {
            return new Gate(metric, slice, OptionalDouble.of(min), OptionalDouble.empty(), Optional.empty());
        }

        /** Passes when the value is at most {@code max}. */
        public Gate atMost(double max) {
            return new Gate(metric, slice, OptionalDouble.empty(), OptionalDouble.of(max), Optional.empty());
        }

        /** Passes when {@code min ≤ value ≤ max}. */
        public Gate between(double min, double max) {
            return new Gate(metric, slice, OptionalDouble.of(min), OptionalDouble.of(max), Optional.empty());
        }

        /** A higher-is-better metric that may fall at most {@code tolerance} below the baseline. */
        public Gate noWorseThanBaseline(double tolerance) {
            return change(new Change(Direction.HIGHER_IS_BETTER, OptionalDouble.of(-tolerance), OptionalDouble.empty()));
        }

        /** A lower-is-better metric that may rise at most {@code tolerance} above the baseline. */
        public Gate noHigherThanBaseline(double tolerance) {
            return change(new Change(Direction.LOWER_IS_BETTER, OptionalDouble.of(tolerance), OptionalDouble.empty()));
        }

        /** Any change threshold. */
        public Gate change(Change change) {
            return new Gate(metric, slice, OptionalDouble.empty(), OptionalDouble.empty(), Optional.of(change));
        }
    }
}
