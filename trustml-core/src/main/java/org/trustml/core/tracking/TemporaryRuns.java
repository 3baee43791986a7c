package org.trustml.core.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records nothing; each run gets a new directory under {@code java.io.tmpdir} (see {@link Tracker#temporary()}). */
final class TemporaryRuns implements Tracker {
    static final TemporaryRuns INSTANCE = new TemporaryRuns();
    private static final Logger LOG = LoggerFactory.getLogger(TemporaryRuns.class);

    private TemporaryRuns() {}

    @Override
    public TrackedRun start(String experiment, String runId, String runName, Instant startedAt, Map<String, String> tags) {
        Path dir;
        try {
            dir = Files.createTempDirectory("trustml-run-" + runId.substring(0, Math.min(8, runId.length())) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary run directory in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
        LOG.info("run {}: record and artifacts in the temporary directory {} (RunOptions.withRunsRoot or "
                + "withMlflowStore to keep them elsewhere)", runId, dir);
        return NoTracking.untracked(dir);
    }
}
