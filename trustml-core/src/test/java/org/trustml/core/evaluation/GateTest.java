package org.trustml.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.run.RunStatus;
import org.trustml.core.stages.Bless;
import org.trustml.core.tracking.Tracker;

class GateTest {
    @TempDir
    Path dir;

    static final Slice FEMALE = Slice.of("sex", "female");

    // a small evaluation; every threshold below is compared by hand with these values
    static final Evaluation CANDIDATE = Evaluation.of(List.of(
            MetricValue.of("accuracy", 0.85),
            MetricValue.of("accuracy", FEMALE, 0.78),
            MetricValue.of("equal_opportunity_difference", -0.1),
            MetricValue.of("log_loss", 1.05),
            MetricValue.undefined("disparate_impact", Slice.OVERALL, "no privileged favourable outcomes")));
    static final Evaluation BASELINE = Evaluation.of(List.of(
            MetricValue.of("accuracy", 0.90), MetricValue.of("log_loss", 1.0), MetricValue.of("accuracy", FEMALE, 0.0)));

    @Test
    void valueThresholdsAreInclusive() {
        assertThat(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.85).check(CANDIDATE).passed()).isTrue();
        assertThat(Gate.on(MetricKey.named("equal_opportunity_difference")).between(-0.1, 0.1).check(CANDIDATE).passed()).isTrue();
        GateResult low = Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9).check(CANDIDATE);
        assertThat(low.passed()).isFalse();
        assertThat(low.message()).isEqualTo("accuracy on overall = 0.85 outside [0.9, +inf]");
        assertThat(Gate.on(ClassificationMetric.ACCURACY).inSlice(FEMALE).atLeast(0.8).check(CANDIDATE).message())
                .isEqualTo("accuracy on sex=female = 0.78 outside [0.8, +inf]");
    }

    @Test
    void missingOrUndefinedMetricsFail() {
        assertThat(Gate.on(ClassificationMetric.RECALL).atLeast(0.5).check(CANDIDATE).message())
                .isEqualTo("recall on overall metric not found; expected [0.5, +inf]");
        assertThat(Gate.on(MetricKey.named("disparate_impact")).between(0.8, 1.25).check(CANDIDATE).message())
                .isEqualTo("disparate_impact on overall = NaN undefined: no privileged favourable outcomes; expected [0.8, 1.25]");
        assertThat(Gate.on(ClassificationMetric.ACCURACY).noWorseThanBaseline(0.01).check(CANDIDATE).message())
                .isEqualTo("accuracy on overall = 0.85 no baseline value; expected change >= -0.01 (higher is better)");
    }

    @Test
    void changeThresholdsFollowTfma() {
        // d = 0.85 - 0.90 = -0.05: fails a tolerance of 0.01, passes one of 0.05 (d >= -0.05)
        GateResult tight = Gate.on(ClassificationMetric.ACCURACY).noWorseThanBaseline(0.01).check(CANDIDATE, Optional.of(BASELINE));
        assertThat(tight.passed()).isFalse();
        assertThat(tight.message()).isEqualTo("accuracy on overall = 0.85 changed by -0.05 (-0.0555556 relative) "
                + "against the baseline 0.9; expected change >= -0.01 (higher is better)");
        assertThat(Gate.on(ClassificationMetric.ACCURACY).noWorseThanBaseline(0.06).check(CANDIDATE, Optional.of(BASELINE)).passed()).isTrue();
        // log loss, lower is better: d = 0.05, r = 0.05 / 1.0 = 0.05
        Gate.Change relative = new Gate.Change(Gate.Direction.LOWER_IS_BETTER, OptionalDouble.empty(), OptionalDouble.of(0.1));
        assertThat(Gate.on(ClassificationMetric.LOG_LOSS).change(relative).check(CANDIDATE, Optional.of(BASELINE)).passed()).isTrue();
        Gate.Change strict = new Gate.Change(Gate.Direction.LOWER_IS_BETTER, OptionalDouble.of(0.0), OptionalDouble.empty());
        assertThat(Gate.on(ClassificationMetric.LOG_LOSS).change(strict).check(CANDIDATE, Optional.of(BASELINE)).passed()).isFalse();
        // baseline 0: the relative change is undefined and fails, as TFMA's NaN comparison does
        Gate.Change rel = new Gate.Change(Gate.Direction.HIGHER_IS_BETTER, OptionalDouble.empty(), OptionalDouble.of(-0.5));
        assertThat(Gate.on(ClassificationMetric.ACCURACY).inSlice(FEMALE).change(rel).check(CANDIDATE, Optional.of(BASELINE)).passed()).isFalse();
        // TFMA's "no worse than the baseline": HIGHER_IS_BETTER, absolute -1e-10; equal values pass
        assertThat(Gate.on(ClassificationMetric.ACCURACY).noWorseThanBaseline(1e-10).check(BASELINE, Optional.of(BASELINE)).passed()).isTrue();
    }

    @Property(tries = 500)
    void aValueGatePassesExactlyInsideItsBounds(@ForAll @DoubleRange(min = -2, max = 2) double v,
            @ForAll @DoubleRange(min = -2, max = 2) double a, @ForAll @DoubleRange(min = -2, max = 2) double b) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        Evaluation e = Evaluation.of(List.of(MetricValue.of("m", v)));
        assertThat(Gate.on(MetricKey.named("m")).between(lo, hi).check(e).passed()).isEqualTo(lo <= v && v <= hi);
    }

    @Test
    void badGatesAreRefused() {
        assertThatThrownBy(() -> Gate.on(ClassificationMetric.ACCURACY).between(0.9, 0.8))
                .hasMessage("column 'accuracy': value '0.9 > 0.8' has a lower bound above its upper bound (expected lower <= upper)");
        assertThatThrownBy(() -> Evaluation.of(List.of(MetricValue.of("a", 1), MetricValue.of("a", 2))))
                .hasMessage("value 'a on overall' is reported twice (expected one value per metric and slice)");
    }

    @Test
    void evaluationsAndVerdictsRoundTripThroughJson() throws Exception {
        String json = Json.toJson(CANDIDATE);
        assertThat(json).contains("\"slice\" : \"sex=female\"");
        assertThat(Json.readerFor(Evaluation.class).readValue(json, Evaluation.class)).isEqualTo(CANDIDATE);
        Verdict v = Verdict.judge(List.of(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9)), CANDIDATE, Optional.empty());
        assertThat(Json.readerFor(Verdict.class).readValue(Json.toJson(v), Verdict.class)).isEqualTo(v);
    }

    private static Stage<Void, Evaluation> evaluate() {
        return new Stage<>() {
            public String name() {
                return "evaluate";
            }

            public Object config() {
                return "fixed";
            }

            public Evaluation apply(Void in, RunContext ctx) {
                return CANDIDATE;
            }
        };
    }

    @Test
    void theBlessStagePassesTheVerdictOnOrStopsTheRun() throws Exception {
        Bless<Evaluation> bless = Bless.by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.8),
                Gate.on(MetricKey.named("equal_opportunity_difference")).between(-0.1, 0.1));
        PipelineRun<Blessing<Evaluation>> run = Pipeline.from(evaluate()).then(bless)
                .run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("a"))));
        assertThat(run.output().verdict().status()).isEqualTo(Verdict.Status.BLESSED);
        assertThat(run.output().evaluation()).isSameAs(CANDIDATE);
        assertThat(run.record().stages().get(1).metrics()).containsEntry("blessed", 1.0).containsEntry("failed_gates", 0.0);

        Bless<Evaluation> strict = Bless.<Evaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9), Gate.on(ClassificationMetric.RECALL).atLeast(0.5),
                Gate.on(ClassificationMetric.ACCURACY).atLeast(0.5)).stoppingWhenNotBlessed();
        PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class,
                () -> Pipeline.from(evaluate()).then(strict).run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("b")))));
        assertThat(e.getCause()).isInstanceOf(NotBlessedException.class).hasMessage("NOT_BLESSED: 2 of 3 gates failed\n"
                + "  accuracy on overall = 0.85 outside [0.9, +inf]\n"
                + "  recall on overall metric not found; expected [0.5, +inf]");
        var record = e.runRecord().orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        Path verdictFile = dir.resolve("b").resolve(record.runId()).resolve(record.stages().get(1).artifacts().get(0).path());
        Verdict written = Json.readerFor(Verdict.class).readValue(Files.readString(verdictFile), Verdict.class);
        assertThat(written.failures()).hasSize(2);
    }
}
