package org.trustml.core.pipeline.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a stage was written: the pipeline file (absent when the specification did not come from one) and the
 * stage's place in its {@code stages} list. A stage that can check part of its configuration only when it runs
 * (an expression against the table it is given) names this in its errors.
 *
 * @param file  the pipeline file
 * @param index the stage's index in {@code stages}
 * @param kind  the stage kind
 */
public record StageSource(Optional<Path> file, int index, String kind) {
    public StageSource {
        requireNonNull(file, "file");
        requireNonNull(kind, "kind");
    }

    /** A stage of a specification built in code, not read from a file. */
    public static StageSource unnamed(int index, String kind) {
        return new StageSource(Optional.empty(), index, kind);
    }

    /** {@code pipeline.yaml, stages[1] (transform)}. */
    @Override
    public String toString() {
        return file.map(f -> f + ", ").orElse("") + "stages[" + index + "] (" + kind + ")";
    }
}
