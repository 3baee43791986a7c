package org.trustml.core.pipeline.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import org.trustml.core.pipeline.Stage;

/**
 * One entry of a YAML pipeline's {@code stages} list: a single key naming the stage kind whose value is
 * its configuration. Core knows {@code ingest} and {@code bless} ({@link StageSpecs}); the modules on the
 * class path add theirs through {@link StageSpecKinds} (the list, with the module of each kind:
 * {@link StageSpecKinds#moduleOf}). The record is the stage's configuration as the file gave it; its
 * field names are kebab-case in YAML.
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

    /**
     * The same, for the stage written at {@code source}: a spec whose stage checks part of its configuration only
     * when it runs (an expression against the table it is given) overrides this to name the file and the stage in
     * those errors. {@link PipelineSpec} builds every stage through this method.
     */
    default Stage<?, ?> build(Path base, StageSource source) {
        return build(base);
    }
}
