package org.trustml.report;

import static org.trustml.core.pipeline.spec.StageSpecs.required;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;

/** The report module's kind of pipeline files: {@code report} ({@link ReportStage}). */
public final class ReportStageSpecs implements StageSpecKinds {
    @Override
    public Map<String, Class<? extends StageSpec>> kinds() {
        return Map.of("report", ReportSpec.class);
    }

    /**
     * {@code report}: {@code title} (required), {@code output} (an {@code .html} file) and {@code model-card} (a card
     * file to show in the report's model card section, e.g. the {@code output} of an earlier {@code model-card}
     * stage; read when the stage runs).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Writes the HTML trust report of the blessed evaluation after bless, and passes the blessing "
            + "on: title (required), output (an .html file), model-card (a card file to show, e.g. model-card's output).")
    public record ReportSpec(@Required String title, String output, String modelCard) implements StageSpec {
        public ReportSpec {
            required("title", title);
        }

        public String kind() {
            return "report";
        }

        public Class<?> inputType() {
            return Blessing.class;
        }

        public Class<?> outputType() {
            return Blessing.class;
        }

        public Stage<?, ?> build(Path base) {
            Map<String, Path> attachments = new LinkedHashMap<>();
            if (modelCard != null) {
                attachments.put("model-card", base.resolve(modelCard));
            }
            return new ReportStage<>(new ReportStage.Config(title, Optional.ofNullable(output).map(base::resolve),
                    attachments));
        }
    }
}
