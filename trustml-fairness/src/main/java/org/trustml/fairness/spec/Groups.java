package org.trustml.fairness.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.fairness.Condition;
import org.trustml.fairness.Group;
import org.trustml.fairness.mitigation.Target;

/** Groups as pipeline files write them: AIF360's list of dicts, {@code [{sex: M}, {age_group: 25-59}]}. */
final class Groups {
    private Groups() {}

    /** The group of these alternatives (each an AND of {@code column: value}); {@code field} names it in errors. */
    static Group of(String field, List<Map<String, String>> alternatives) {
        if (alternatives == null || alternatives.isEmpty()) {
            throw InvalidInputException.problem("is required").column(field)
                    .expected("a list of column: value maps, e.g. [{sex: M}] (AIF360's privileged_groups)").build();
        }
        return new Group(alternatives.stream().map(Condition::new).toList());
    }

    /** The label, favorable value and groups a mitigation works on. */
    static Target target(String label, String favorable, List<Map<String, String>> privileged,
            List<Map<String, String>> unprivileged) {
        required("label", label);
        required("favorable", favorable);
        return new Target(label, favorable, of("privileged", privileged),
                unprivileged == null ? Optional.empty() : Optional.of(of("unprivileged", unprivileged)));
    }

    static void required(String field, String value) {
        org.trustml.core.pipeline.spec.StageSpecs.required(field, value);
    }
}
