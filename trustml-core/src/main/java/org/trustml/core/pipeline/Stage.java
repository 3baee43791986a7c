package org.trustml.core.pipeline;


/**
 * One step of a pipeline: takes an {@code I}, gives an {@code O}.
 *
 * <p>A stage reads nothing global: its seed, directory, clock, tracker and {@code NDManager} come
 * from the {@link RunContext}. Its {@link #config()} is its provenance: the run record stores it
 * as JSON, so it should be a record of plain data that says everything that determines the
 * stage's behaviour.
 *
 * @param <I> what the stage takes ({@code Void} for a source, which is given null)
 * @param <O> what it gives
 */
public interface Stage<I, O> {

    /** A short name, e.g. {@code ingest}; pipelines make repeated names unique. */
    String name();

    /** The stage's configuration as a record; written to the run record as JSON. */
    Object config();

    /** Runs the stage. Throw an exception (preferably a {@code TrustmlException}) to fail the run. */
    O apply(I input, RunContext context);
}
