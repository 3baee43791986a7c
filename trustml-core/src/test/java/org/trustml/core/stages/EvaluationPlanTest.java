package org.trustml.core.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Evaluator;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.pipeline.RunContext;

class EvaluationPlanTest {
    record Named(String name) implements Evaluator<String> {
        public Object config() {
            return "config of " + name;
        }

        public MetricSource evaluate(String input, RunContext context) {
            return Evaluation.of(List.of());
        }
    }

    @Test
    void growsWithoutChangingThePlanItCameFrom() {
        EvaluationPlan<String> overall = EvaluationPlan.overall();
        EvaluationPlan<String> plan = overall.slicedBy("sex").slicedBy("age").crossSlicedBy("sex", "age")
                .with(new Named("b")).with(new Named("a"));
        assertThat(overall.sliceColumns()).isEmpty();
        assertThat(overall.evaluators()).isEmpty();
        assertThat(plan.sliceColumns()).containsExactly("sex", "age");
        assertThat(plan.crossSlices()).containsExactly(List.of("sex", "age"));
        // in the order they were added, which is the order they run in
        assertThat(plan.evaluatorConfigs()).containsExactly(java.util.Map.entry("b", "config of b"),
                java.util.Map.entry("a", "config of a"));
        assertThatThrownBy(() -> plan.with(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> plan.sliceColumns().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
