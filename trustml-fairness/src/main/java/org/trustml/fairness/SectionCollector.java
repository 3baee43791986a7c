package org.trustml.fairness;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.trustml.fairness.internal.Tally;

/**
 * Collects one section of a report ({@code dataset} or {@code classification}) and the reasons of its
 * undefined values. Rates are {@code numerator / denominator}; a zero denominator gives NaN and a reason
 * (AIF360 gives NaN, ±inf, or for PPV, NPV, FDR, FOR and accuracy a silent 0 there).
 */
final class SectionCollector {
    private final String name;
    private final Map<String, FairnessValue> values = new TreeMap<>();
    private final Map<String, String> undefined;
    private final Tally overall;
    private final Tally privileged;
    private final Tally unprivileged;

    SectionCollector(String name, Map<String, String> undefined, Tally overall, Tally privileged, Tally unprivileged) {
        this.name = name;
        this.undefined = undefined;
        this.overall = overall;
        this.privileged = privileged;
        this.unprivileged = unprivileged;
    }

    Map<String, FairnessValue> values() {
        return values;
    }

    FairnessValue get(FairnessMetric id) {
        return values.get(id.jsonName());
    }

    /** A per-group count or sum. */
    void count(FairnessMetric id, ToDoubleFunction<Tally> f) {
        values.put(id.jsonName(), FairnessValue.ofGroups(f.applyAsDouble(overall), f.applyAsDouble(privileged),
                f.applyAsDouble(unprivileged)));
    }

    /** A per-group rate {@code num / den}; {@code denName} says what the denominator counts. */
    void rate(FairnessMetric id, ToDoubleFunction<Tally> num, ToDoubleFunction<Tally> den, String denName) {
        values.put(id.jsonName(), FairnessValue.ofGroups(
                div(id, FairnessSlice.OVERALL, num.applyAsDouble(overall), den.applyAsDouble(overall), denName),
                div(id, FairnessSlice.PRIVILEGED, num.applyAsDouble(privileged), den.applyAsDouble(privileged), denName),
                div(id, FairnessSlice.UNPRIVILEGED, num.applyAsDouble(unprivileged), den.applyAsDouble(unprivileged), denName)));
    }

    /** A per-group value computed from other per-group values (e.g. error rate = 1 − accuracy). */
    void derived(FairnessMetric id, FairnessMetric from, java.util.function.DoubleUnaryOperator f) {
        FairnessValue v = get(from);
        values.put(id.jsonName(), FairnessValue.ofGroups(f.applyAsDouble(v.overall()), f.applyAsDouble(v.privileged()),
                f.applyAsDouble(v.unprivileged())));
        for (FairnessSlice s : new FairnessSlice[] {FairnessSlice.OVERALL, FairnessSlice.PRIVILEGED, FairnessSlice.UNPRIVILEGED}) {
            if (Double.isNaN(v.get(s))) {
                undefined.put(key(id, s), from.jsonName() + " is undefined for the " + s.jsonName() + " rows");
            }
        }
    }

    private double div(FairnessMetric id, FairnessSlice slice, double num, double den, String denName) {
        if (den == 0) {
            undefined.put(key(id, slice), denName + " = 0 in the " + slice.jsonName() + " rows (0 denominator)");
            return Double.NaN;
        }
        return num / den;
    }

    /** {@code unprivileged − privileged} of a per-group metric (AIF360 {@code difference}). */
    double difference(FairnessMetric id, FairnessMetric of) {
        FairnessValue v = get(of);
        double d = v.unprivileged() - v.privileged();
        if (Double.isNaN(d)) {
            undefined.put(key(id, FairnessSlice.BETWEEN), of.jsonName() + " is undefined for the "
                    + (Double.isNaN(v.privileged()) ? "privileged" : "unprivileged") + " rows");
        }
        return d;
    }

    /** {@code unprivileged / privileged} of a per-group metric (AIF360 {@code ratio}). */
    double ratio(FairnessMetric id, FairnessMetric of) {
        FairnessValue v = get(of);
        if (Double.isNaN(v.unprivileged()) || Double.isNaN(v.privileged())) {
            undefined.put(key(id, FairnessSlice.BETWEEN), of.jsonName() + " is undefined for the "
                    + (Double.isNaN(v.privileged()) ? "privileged" : "unprivileged") + " rows");
            return Double.NaN;
        }
        if (v.privileged() == 0) {
            undefined.put(key(id, FairnessSlice.BETWEEN), of.jsonName() + " of the privileged rows is 0 (0 denominator; "
                    + "AIF360 gives inf or nan)");
            return Double.NaN;
        }
        return v.unprivileged() / v.privileged();
    }

    /** Puts a single number; a NaN or infinite value needs a reason. */
    void scalar(FairnessMetric id, double value, String reasonIfNotFinite) {
        values.put(id.jsonName(), FairnessValue.of(value));
        if (!Double.isFinite(value) && reasonIfNotFinite != null) {
            undefined.putIfAbsent(key(id, FairnessSlice.BETWEEN), reasonIfNotFinite);
        }
    }

    /** Puts a difference of a per-group metric. */
    void putDifference(FairnessMetric id, FairnessMetric of) {
        scalar(id, difference(id, of), null);
    }

    /** Puts a ratio of a per-group metric. */
    void putRatio(FairnessMetric id, FairnessMetric of) {
        scalar(id, ratio(id, of), null);
    }

    /** {@code average_odds_difference} = ½(ΔFPR + ΔTPR); returns {ΔFPR, ΔTPR}. */
    double[] putAverageOdds() {
        double fpr = difference(FairnessMetric.AVERAGE_ODDS_DIFFERENCE, FairnessMetric.FALSE_POSITIVE_RATE);
        double tpr = difference(FairnessMetric.AVERAGE_ODDS_DIFFERENCE, FairnessMetric.TRUE_POSITIVE_RATE);
        scalar(FairnessMetric.AVERAGE_ODDS_DIFFERENCE, 0.5 * (fpr + tpr), null);
        return new double[] {fpr, tpr};
    }

    /** Records why a value is undefined. */
    void undefined(FairnessMetric id, String reason) {
        undefined.putIfAbsent(key(id, FairnessSlice.BETWEEN), reason);
    }

    String key(FairnessMetric id, FairnessSlice slice) {
        return name + "." + id.jsonName() + (slice == FairnessSlice.BETWEEN ? "" : "." + slice.jsonName());
    }
}
