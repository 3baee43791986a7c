package org.trustml.core.tracking;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Where runs are tracked. One {@link TrackedRun} per pipeline run. */
public interface Tracker {

    /**
     * Starts tracking a run.
     *
     * @param experiment experiment name (created if it does not exist)
     * @param runId      the run's id: 32 lower-case hex digits
     * @param runName    a name for people
     * @param startedAt  start time
     * @param tags       tags to set at once
     */
    TrackedRun start(String experiment, String runId, String runName, Instant startedAt, Map<String, String> tags);

    /** A tracker that records nothing; run directories go to {@code runsRoot/<run id>}. */
    static Tracker none(Path runsRoot) {
        return new NoTracking(runsRoot);
    }

    /**
     * A tracker that records nothing and gives each run a new directory under the system's temporary directory
     * ({@code java.io.tmpdir}/trustml-run-…), logged when the run starts: the default of
     * {@link org.trustml.core.pipeline.RunOptions#seed}, so that a run writes nothing in the working directory
     * unless told where.
     */
    static Tracker temporary() {
        return TemporaryRuns.INSTANCE;
    }
}
