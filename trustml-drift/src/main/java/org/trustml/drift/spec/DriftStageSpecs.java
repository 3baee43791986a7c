package org.trustml.drift.spec;

import static org.trustml.core.pipeline.spec.StageSpecs.required;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;
import org.trustml.core.table.Table;
import org.trustml.drift.Correction;
import org.trustml.drift.DriftStage;
import org.trustml.drift.DriftTest;

/** The drift module's stage kind of pipeline files: {@code drift-check}. */
public final class DriftStageSpecs implements StageSpecKinds {
    @Override
    public Map<String, Class<? extends StageSpec>> kinds() {
        return Map.of("drift-check", DriftCheckSpec.class);
    }

    /**
     * {@code drift-check} ({@link DriftStage}): the table flowing through against {@code reference} (a CSV file);
     * {@code categorical} columns, {@code tests} (Evidently's names: ks, chisquare, psi, wasserstein …; default
     * Evidently's choice per column), {@code alpha} (0.05), {@code correction} (none, bonferroni, fdr, share; default
     * none, as {@link org.trustml.drift.DriftCheck}) and {@code stop-on-drift} (false). Passes the table on; writes {@code drift-report.json}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Compares the table flowing through with a reference CSV (Evidently's tests) and passes it on, "
            + "or stops the run on drift: reference, categorical, tests, alpha, correction, stop-on-drift.")
    public record DriftCheckSpec(@Required String reference, List<String> categorical, List<String> tests, Double alpha,
            String correction, Boolean stopOnDrift) implements StageSpec {
        public DriftCheckSpec {
            required("reference", reference);
            categorical = categorical == null ? List.of() : List.copyOf(categorical);
            tests = tests == null ? List.of() : List.copyOf(tests);
            tests.forEach(DriftTest::parse);
            if (correction != null) {
                Correction.parse(correction);
            }
        }

        public String kind() {
            return "drift-check";
        }

        public Class<?> inputType() {
            return Table.class;
        }

        public Class<?> outputType() {
            return Table.class;
        }

        public Stage<?, ?> build(Path base) {
            Set<DriftTest> t = tests.stream().map(DriftTest::parse).collect(Collectors.toSet());
            return DriftStage.against(Table.readCsv(base.resolve(reference)), categorical, t,
                    alpha == null ? 0.05 : alpha, correction == null ? Correction.NONE : Correction.parse(correction),
                    stopOnDrift != null && stopOnDrift);
        }
    }
}
