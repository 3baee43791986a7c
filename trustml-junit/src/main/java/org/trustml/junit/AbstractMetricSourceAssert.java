package org.trustml.junit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.trustml.adversarial.RobustnessMetric;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.Verdict;
import org.trustml.junit.internal.GateContext;
import org.trustml.junit.internal.GateMessages;

/**
 * Assertions on anything that holds metrics ({@link MetricSource}): an evaluation, a fairness,
 * robustness or drift report. {@link #passes(Gate...)} judges the bless stage's own {@link Gate}s;
 * the fluent checks ({@code accuracy().isAtLeast(0.9)}) build one gate each. Failures read
 * {@code expecting <metric> [in slice <s>] to be <bound> but was <value> (run <id>)}.
 *
 * @param <SELF>   the concrete assertion type (extend it to add checks)
 * @param <ACTUAL> the source's type
 */
public abstract class AbstractMetricSourceAssert<SELF extends AbstractMetricSourceAssert<SELF, ACTUAL>,
        ACTUAL extends MetricSource> extends AbstractAssert<SELF, ACTUAL> {
    protected GateContext context;

    protected AbstractMetricSourceAssert(ACTUAL actual, GateContext context, Class<?> selfType) {
        super(actual, selfType);
        this.context = requireNonNull(context, "context");
    }

    /** Names {@code runId} in every failure message of this chain. */
    public SELF inRun(String runId) {
        context = context.withRunId(runId);
        return myself;
    }

    /** Judges change thresholds ({@code isNoWorseThanBaseline}) against {@code baseline}. */
    public SELF againstBaseline(MetricSource baseline) {
        context = context.withBaseline(baseline);
        return myself;
    }

    /**
     * Judges every gate as the bless stage would ({@link Verdict#judge}), and reports every failed
     * one at once.
     */
    public SELF passes(Gate... gates) {
        return passes(List.of(gates));
    }

    /** Judges every gate of {@code gates}; see {@link #passes(Gate...)}. */
    public SELF passes(List<Gate> gates) {
        isNotNull();
        Verdict verdict = Verdict.judge(gates, actual, context.baseline());
        List<String> failures = new ArrayList<>();
        for (GateResult r : verdict.failures()) {
            failures.add(GateMessages.failure(r, actual, context.runId()));
        }
        context.fail(failures);
        return myself;
    }

    /**
     * One metric on the whole dataset ({@code inSlice} narrows it), e.g.
     * {@code metric(ClassificationMetric.F1_MACRO)}, {@code metric(FairnessMetric.DISPARATE_IMPACT.ofDataset())}.
     */
    public MetricAssert metric(MetricKey metric) {
        return metric(metric, Slice.OVERALL);
    }

    /** One metric on one slice. */
    public MetricAssert metric(MetricKey metric, Slice slice) {
        isNotNull();
        return new MetricAssert(actual, requireNonNull(metric, "metric"), requireNonNull(slice, "slice"), context);
    }

    /** {@code accuracy} on the whole dataset. */
    public MetricAssert accuracy() {
        return metric(ClassificationMetric.ACCURACY);
    }

    /** The AIF360 fairness metrics among these values. */
    public FairnessAssert fairness() {
        isNotNull();
        return new FairnessAssert(actual, context);
    }

    /** The drift results among these values. */
    public DriftAssert drift() {
        isNotNull();
        return new DriftAssert(actual, context);
    }

    /**
     * {@code adversarial_accuracy} under the attack at {@code eps}: the slice {@code eps=<eps>} that
     * the robustness evaluator writes.
     */
    public MetricAssert adversarialAccuracyAt(double eps) {
        return robustnessAt(RobustnessMetric.ADVERSARIAL_ACCURACY, eps);
    }

    /** Any robustness metric ({@code ATTACK_SUCCESS_RATE}, {@code CLEAN_ACCURACY}, …) at {@code eps}. */
    public MetricAssert robustnessAt(RobustnessMetric metric, double eps) {
        isNotNull();
        return metric(metric, epsSlice(metric.jsonName(), eps));
    }

    /**
     * The slice {@code eps=<eps>} as the source spells it: the robustness evaluator writes
     * {@code Double.toString(eps)}; a value within 1e-6 (a float eps) matches too.
     */
    private Slice epsSlice(String name, double eps) {
        Slice exact = Slice.of("eps", Double.toString(eps));
        if (actual.metric(name, exact).isPresent()) {
            return exact;
        }
        Optional<Slice> near = actual.metrics().stream().filter(m -> m.name().equals(name))
                .map(MetricValue::slice).filter(s -> s.features().size() == 1 && s.features().containsKey("eps"))
                .filter(s -> parses(s.features().get("eps"), eps)).findFirst();
        return near.orElse(exact);
    }

    private static boolean parses(String text, double eps) {
        try {
            return Math.abs(Double.parseDouble(text) - eps) <= 1e-6;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
