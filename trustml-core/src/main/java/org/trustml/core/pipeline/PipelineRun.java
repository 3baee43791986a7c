package org.trustml.core.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.trustml.core.run.RunRecord;

/**
 * A finished run: the last stage's output, the record, and the run directory holding
 * {@code run.json} and the artifacts.
 *
 * @param <O> type of the output
 */
public record PipelineRun<O>(O output, RunRecord record, Path runDirectory) {
    public PipelineRun {
        requireNonNull(record, "record");
        requireNonNull(runDirectory, "runDirectory");
    }

    /** The {@code run.json} of this run. */
    public Path recordFile() {
        return runDirectory.resolve(RunRecord.FILE_NAME);
    }
}
