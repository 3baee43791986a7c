package org.trustml.fairness.spec;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.pipeline.spec.EvaluatorSpec;
import org.trustml.core.pipeline.spec.EvaluatorSpecKinds;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.fairness.FairnessEvaluator;

/** The fairness module's evaluator kind of pipeline files: {@code fairness}. */
public final class FairnessEvaluatorSpecs implements EvaluatorSpecKinds {
    @Override
    public Map<String, Class<? extends EvaluatorSpec>> kinds() {
        return Map.of("fairness", FairnessSpec.class);
    }

    /**
     * {@code fairness}: {@link FairnessEvaluator} with {@code favorable} (the class whose prediction is the
     * favorable outcome), {@code privileged} (AIF360's {@code privileged_groups}: {@code [{sex: M}]}) and
     * {@code protected-columns} (the columns whose intersections form the groups of the intersectional report).
     * Runs in every evaluate stage (it reads the predictions); writes {@code fairness.json}.
     *
     * @param favorable        the favorable class
     * @param privileged       the privileged group's alternatives
     * @param protectedColumns the protected columns
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("AIF360's fairness metrics of the predictions across protected columns: favorable (a class), "
            + "privileged ([{column: value}], AIF360's privileged_groups) and protected-columns.")
    public record FairnessSpec(@Required String favorable, @Required List<Map<String, String>> privileged,
            @Required List<String> protectedColumns)
            implements EvaluatorSpec {
        public FairnessSpec {
            Groups.required("favorable", favorable);
            Groups.of("privileged", privileged);
            if (protectedColumns == null || protectedColumns.isEmpty()) {
                throw InvalidInputException.problem("is required").column("protected-columns")
                        .expected("a list of columns such as [sex, age_group]").build();
            }
            privileged = List.copyOf(privileged);
            protectedColumns = List.copyOf(protectedColumns);
        }

        public String kind() {
            return "fairness";
        }

        public Class<?> inputType() {
            return Predictions.class;
        }

        public FairnessEvaluator build(Path base) {
            return new FairnessEvaluator(favorable, Groups.of("privileged", privileged), protectedColumns);
        }
    }
}
