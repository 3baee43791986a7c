package org.trustml.core.pipeline.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import org.trustml.core.pipeline.Stage;

/**
 * One entry of a YAML pipeline's {@code stages} list: a single key naming the stage
 * ({@code ingest}, {@code image-folder}, {@code train}, {@code evaluate}, {@code bless}; for tables
 * {@code train-tabular} and {@code evaluate-tabular}) whose
 * value is its configuration.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
    @JsonSubTypes.Type(value = StageSpecs.IngestSpec.class, name = "ingest"),
    @JsonSubTypes.Type(value = StageSpecs.ImageFolderSpec.class, name = "image-folder"),
    @JsonSubTypes.Type(value = StageSpecs.TrainSpec.class, name = "train"),
    @JsonSubTypes.Type(value = StageSpecs.EvaluateSpec.class, name = "evaluate"),
    @JsonSubTypes.Type(value = StageSpecs.BlessSpec.class, name = "bless"),
    @JsonSubTypes.Type(value = TabularStageSpecs.TrainTabularSpec.class, name = "train-tabular"),
    @JsonSubTypes.Type(value = TabularStageSpecs.EvaluateTabularSpec.class, name = "evaluate-tabular")
})
public sealed interface StageSpec permits StageSpecs.IngestSpec, StageSpecs.ImageFolderSpec, StageSpecs.TrainSpec,
        StageSpecs.EvaluateSpec, StageSpecs.BlessSpec, TabularStageSpecs.TrainTabularSpec,
        TabularStageSpecs.EvaluateTabularSpec {
    /** The stage's name in YAML. */
    String kind();

    /** What the stage takes ({@code Void} for a source). */
    Class<?> inputType();

    /** What it gives. */
    Class<?> outputType();

    /** The stage, with relative paths resolved against {@code base} (the YAML file's folder). */
    Stage<?, ?> build(Path base);
}
