package org.trustml.core.pipeline;


/**
 * Where stages report how far long work has got (training batches, attacks over many samples), so
 * an application can show a progress bar. Called on the stage's thread; keep it quick.
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (stage, task, done, total) -> { };

    /**
     * {@code done} of {@code total} units of {@code task} (e.g. "epoch 2/5") in {@code stage}.
     *
     * @param stage the stage's name
     * @param task  what is being counted
     * @param done  units finished
     * @param total units in all
     */
    void update(String stage, String task, long done, long total);
}
