package org.trustml.core;


/**
 * Root of every exception trustml throws. Unchecked: callers catch it where they can act.
 *
 * <p>Subclasses say what went wrong: {@link InvalidInputException} for input the caller can fix
 * (a malformed file, a missing column, a parameter out of range), {@link org.trustml.core.pipeline.PipelineException} for a
 * stage that failed during a run.
 */
public class TrustmlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrustmlException(String message) {
        super(message);
    }

    public TrustmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
