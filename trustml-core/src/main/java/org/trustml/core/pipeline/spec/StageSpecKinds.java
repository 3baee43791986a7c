package org.trustml.core.pipeline.spec;

import java.util.Map;
import java.util.Optional;

/**
 * The stage kinds a module adds to pipeline files: each YAML key ({@code train}, {@code train-tabular} …)
 * with the record it is read into. A module lists its implementation in
 * {@code META-INF/services/org.trustml.core.pipeline.spec.StageSpecKinds}; {@link PipelineSpec} reads
 * every one on the class path when it first reads a file.
 */
public interface StageSpecKinds {
    /** YAML key → the {@link StageSpec} record read from its value. */
    Map<String, Class<? extends StageSpec>> kinds();

    /** Every kind on the class path, by name; a name claimed twice is an error naming both classes. */
    static Map<String, Class<? extends StageSpec>> all() {
        return Kinds.load(StageSpecKinds.class, StageSpecKinds::kinds, "stage");
    }

    /**
     * The trustml module that provides a stage kind, for the error when it is not on the class path. The names are
     * stable: pipeline files, the JSON Schema ({@code docs/pipeline.schema.json}) and compiled pipelines use them.
     */
    static Optional<String> moduleOf(String kind) {
        return Optional.ofNullable(switch (kind) {
            case "ingest", "bless" -> "trustml-core";
            case "transform", "filter" -> "trustml-pipeline";
            case "image-folder", "train", "evaluate" -> "trustml-vision";
            case "train-tabular", "evaluate-tabular" -> "trustml-tabular";
            case "reweighing", "disparate-impact-remover", "reject-option-classification", "eq-odds-postprocessing",
                    "calibrated-eq-odds-postprocessing" -> "trustml-fairness";
            case "drift-check" -> "trustml-drift";
            case "publish" -> "trustml-publish";
            case "model-card" -> "trustml-modelcard";
            case "report" -> "trustml-report";
            default -> null;
        });
    }

    /** The kinds core itself knows: {@code ingest} and {@code bless}. */
    final class Core implements StageSpecKinds {
        @Override
        public Map<String, Class<? extends StageSpec>> kinds() {
            return Map.of("ingest", StageSpecs.IngestSpec.class, "bless", StageSpecs.BlessSpec.class);
        }
    }
}
