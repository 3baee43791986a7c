package org.trustml.modelcard;

import static org.trustml.core.pipeline.spec.StageSpecs.required;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;
import org.trustml.core.report.AttachmentReader;

/**
 * The modelcard module's kind of pipeline files, {@code model-card} ({@link ModelCardStage}), and its reader of
 * {@code model-card} attachments for the {@code report} stage ({@link CardAttachment}).
 */
public final class ModelCardStageSpecs implements StageSpecKinds {
    @Override
    public Map<String, Class<? extends StageSpec>> kinds() {
        return Map.of("model-card", ModelCardSpec.class);
    }

    /**
     * {@code model-card}: {@code name} (required), {@code overview}, {@code architecture}, {@code merge} (a card
     * written by hand, merged in) and {@code output} (a {@code .yaml} or {@code .json} file; the HTML goes beside it).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Writes the Model Card Toolkit card of the run (and its HTML) after bless, and passes the "
            + "blessing on: name (required), overview, architecture, merge (a hand-written card), output (a file).")
    public record ModelCardSpec(@Required String name, String overview, String architecture, String merge,
            String output)
            implements StageSpec {
        public ModelCardSpec {
            required("name", name);
        }

        public String kind() {
            return "model-card";
        }

        public Class<?> inputType() {
            return Blessing.class;
        }

        public Class<?> outputType() {
            return Blessing.class;
        }

        public Stage<?, ?> build(Path base) {
            return new ModelCardStage<>(new ModelCardStage.Config(name, Optional.ofNullable(overview),
                    Optional.ofNullable(architecture), Optional.ofNullable(merge).map(base::resolve),
                    Optional.ofNullable(output).map(base::resolve)));
        }
    }

    /** Reads {@code model-card} attachments of the report stage: {@link ModelCards#read(Path)}. */
    public static final class CardAttachment implements AttachmentReader {
        @Override
        public String kind() {
            return "model-card";
        }

        @Override
        public ModelCard read(Path file) {
            return ModelCards.read(file);
        }
    }
}
