package org.trustml.core.tracking;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.trustml.core.run.RunStatus;

/** Records nothing but still gives each run its own directory. */
final class NoTracking implements Tracker {
    private final Path runsRoot;

    NoTracking(Path runsRoot) {
        this.runsRoot = runsRoot;
    }

    @Override
    public TrackedRun start(String experiment, String runId, String runName, Instant startedAt, Map<String, String> tags) {
        return untracked(runsRoot.resolve(runId));
    }

    /** A run that records nothing, with {@code dir} as its directory. */
    static TrackedRun untracked(Path dir) {
        return new TrackedRun() {
            @Override
            public Path artifactDirectory() {
                return dir;
            }

            @Override
            public void logParam(String key, String value) {}

            @Override
            public void logMetric(String key, double value, long step, Instant timestamp) {}

            @Override
            public void setTag(String key, String value) {}

            @Override
            public void finish(RunStatus status, Instant endedAt) {}
        };
    }
}
