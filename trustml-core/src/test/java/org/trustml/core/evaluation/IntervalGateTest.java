package org.trustml.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;

/** Gates that require a value's whole confidence interval within their bounds, and the interval in JSON. */
class IntervalGateTest {
    static final MetricKey DI = MetricKey.named("disparate_impact");
    static final MetricKey SPD = MetricKey.named("statistical_parity_difference");
    static final MetricKey EOD = MetricKey.named("equal_opportunity_difference");

    // the point of disparate_impact is within [0.8, 1.25]; its interval is not wholly
    static final Evaluation EVALUATION = Evaluation.of(List.of(
            MetricValue.of("disparate_impact", 0.9).withInterval(MetricInterval.of(0.78, 1.02, 0.95, "bca")),
            MetricValue.of("statistical_parity_difference", -0.02)
                    .withInterval(MetricInterval.of(-0.05, 0.01, 0.9, "percentile")),
            MetricValue.of("equal_opportunity_difference", 0.01)
                    .withInterval(MetricInterval.undefined(0.95, "bca", "TPR undefined in 3 of 1000 resamples")),
            MetricValue.of("accuracy", 0.9)));

    @Test
    void thePointAloneStillPassesAPointGate() {
        assertThat(Gate.on(DI).between(0.8, 1.25).check(EVALUATION).passed()).isTrue();
    }

    @Test
    void anIntervalReachingOutsideTheBoundsFails() {
        GateResult r = Gate.on(DI).between(0.8, 1.25).wholeInterval().check(EVALUATION);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).isEqualTo("disparate_impact on overall = 0.9 outside [0.8, 1.25]: its interval "
                + "[0.78, 1.02] (95% bca) is not wholly within");
        GateResult ok = Gate.on(DI).between(0.75, 1.25).wholeInterval().check(EVALUATION);
        assertThat(ok.passed()).isTrue();
        assertThat(ok.message()).isEqualTo("disparate_impact on overall = 0.9 [0.78, 1.02] (95% bca) within "
                + "[0.75, 1.25] for the whole interval");
        // bounds are inclusive for the interval as for the point
        assertThat(Gate.on(DI).between(0.78, 1.02).wholeInterval().check(EVALUATION).passed()).isTrue();
        assertThat(Gate.on(DI).atMost(1.0).wholeInterval().check(EVALUATION).passed()).isFalse();
        assertThat(Gate.on(DI).atLeast(0.78).wholeInterval().check(EVALUATION).passed()).isTrue();
    }

    @Test
    void aMissingOrUndefinedIntervalOrALowLevelFails() {
        assertThat(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.5).wholeInterval().check(EVALUATION).message())
                .startsWith("accuracy on overall = 0.9 has no confidence interval, and the whole interval must lie "
                        + "within [0.5, +inf]");
        assertThat(Gate.on(EOD).between(-0.1, 0.1).wholeInterval().check(EVALUATION).message())
                .isEqualTo("equal_opportunity_difference on overall = 0.01 has an undefined interval (95% bca): TPR "
                        + "undefined in 3 of 1000 resamples, and the whole interval must lie within [-0.1, 0.1]");
        // a 90% interval does not satisfy a gate written for 95% ones
        GateResult low = Gate.on(SPD).between(-0.1, 0.1).wholeInterval(0.95).check(EVALUATION);
        assertThat(low.passed()).isFalse();
        assertThat(low.message()).contains("has a 90% interval [-0.05, 0.01] (90% percentile), below the required "
                + "level 95%");
        assertThat(Gate.on(SPD).between(-0.1, 0.1).wholeInterval(0.9).check(EVALUATION).passed()).isTrue();
    }

    @Test
    void anIntervalNeedsABoundAndALevel() {
        assertThatThrownBy(() -> Gate.on(ClassificationMetric.ACCURACY).noWorseThanBaseline(0.01).wholeInterval())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no bound");
        assertThatThrownBy(() -> Gate.on(DI).atLeast(0.8).wholeInterval(1.0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minLevel");
        assertThatThrownBy(() -> MetricInterval.of(0.3, 0.2, 0.95, "wald"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lower <= upper");
        assertThatThrownBy(() -> new MetricInterval(Double.NaN, 1, 0.95, "wald", Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no reason");
    }

    @Test
    void intervalsAreWrittenOnlyWhenPresentAndReadBack() throws Exception {
        JsonNode plain = Json.toTree(MetricValue.of("accuracy", 0.9));
        assertThat(plain.has("interval")).isFalse();
        MetricValue withCi = EVALUATION.metrics().get(0);
        JsonNode tree = Json.toTree(withCi);
        assertThat(tree.get("interval").get("lower").asDouble()).isEqualTo(0.78);
        assertThat(tree.get("interval").get("method").asText()).isEqualTo("bca");
        assertThat(Json.readerFor(MetricValue.class).<MetricValue>readValue(tree.toString())).isEqualTo(withCi);
        assertThat(Json.readerFor(MetricValue.class).<MetricValue>readValue(plain.toString()).interval()).isEmpty();
        // a point gate's JSON is what it was; an interval gate's says so, and both read back equal
        Gate point = Gate.on(ClassificationMetric.ACCURACY).atLeast(0.5);
        assertThat(Json.toTree(point).has("requireInterval")).isFalse();
        Gate whole = Gate.on(DI).between(0.8, 1.25).wholeInterval(0.95);
        assertThat(Json.toTree(whole).get("requireInterval").get("minLevel").asDouble()).isEqualTo(0.95);
        assertThat(Json.readerFor(Gate.class).<Gate>readValue(Json.toJson(whole))).isEqualTo(whole);
        assertThat(Json.readerFor(Gate.class).<Gate>readValue(Json.toJson(point))).isEqualTo(point);
    }
}
