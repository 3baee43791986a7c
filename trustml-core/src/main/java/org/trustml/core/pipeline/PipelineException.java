package org.trustml.core.pipeline;

import java.util.Optional;
import org.trustml.core.TrustmlException;
import org.trustml.core.run.RunRecord;

/**
 * A pipeline stage failed. The run was still recorded: {@link #runRecord()} holds the record in
 * which the failing stage has status {@code FAILED} and its error; the cause is the stage's own
 * exception.
 */
public class PipelineException extends TrustmlException {
    private static final long serialVersionUID = 1L;

    private final transient RunRecord runRecord;

    public PipelineException(String message, Throwable cause, RunRecord runRecord) {
        super(message, cause);
        this.runRecord = runRecord;
    }

    /** The record of the failed run, as written to {@code run.json}. */
    public Optional<RunRecord> runRecord() {
        return Optional.ofNullable(runRecord);
    }
}
