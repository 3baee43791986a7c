package org.trustml.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricValue;

class GateAssertionsProperties {
    /** An assertion fails exactly when the bless stage's gate on the same bounds fails. */
    @Property(tries = 300)
    void assertionAgreesWithTheGate(@ForAll @DoubleRange(min = -2, max = 2) double value,
            @ForAll @DoubleRange(min = -2, max = 2) double a, @ForAll @DoubleRange(min = -2, max = 2) double b) {
        Evaluation e = Evaluation.of(List.of(MetricValue.of("m", value)));
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        boolean gate = Gate.on(MetricKey.named("m")).between(lo, hi).check(e).passed();
        boolean assertion = passes(() -> TrustmlAssertions.assertThat(e).metric(MetricKey.named("m")).isBetween(lo, hi));
        assertThat(assertion).isEqualTo(gate);
        assertThat(passes(() -> TrustmlAssertions.assertThat(e).metric(MetricKey.named("m")).isAtLeast(lo)))
                .isEqualTo(Gate.on(MetricKey.named("m")).atLeast(lo).check(e).passed());
    }

    private static boolean passes(Runnable check) {
        try {
            check.run();
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }
}
