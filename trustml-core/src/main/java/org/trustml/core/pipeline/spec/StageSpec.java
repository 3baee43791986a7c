package org.trustml.core.pipeline.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import org.trustml.core.pipeline.Stage;

/**
 * One entry of a YAML pipeline's {@code stages} list: a single key naming the stage kind whose value is
 * its configuration. Core knows {@code ingest} and {@code bless} ({@link StageSpecs}); the modules on the
 * class path add theirs through {@link StageSpecKinds} ({@code image-folder}, {@code train} and
 * {@code evaluate} from trustml-vision; {@code train-tabular} and {@code evaluate-tabular} from
 * trustml-tabular).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
public interface StageSpec {
    /** The stage's name in YAML. */
    String kind();

    /** What the stage takes ({@code Void} for a source). */
    Class<?> inputType();

    /** What it gives. */
    Class<?> outputType();

    /** The stage, with relative paths resolved against {@code base} (the YAML file's folder). */
    Stage<?, ?> build(Path base);
}
