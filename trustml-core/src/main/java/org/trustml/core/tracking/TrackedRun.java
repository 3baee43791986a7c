package org.trustml.core.tracking;

import java.nio.file.Path;
import java.time.Instant;
import org.trustml.core.run.RunStatus;

/** A run being tracked. Not thread-safe: one pipeline run writes to it. */
public interface TrackedRun {

    /** The directory where the run's artifacts (and {@code run.json}) go. */
    Path artifactDirectory();

    /** Records a parameter (immutable once set). */
    void logParam(String key, String value);

    /** Appends one point of a metric. */
    void logMetric(String key, double value, long step, Instant timestamp);

    /** Sets (or replaces) a tag. */
    void setTag(String key, String value);

    /** Ends the run with FINISHED or FAILED. */
    void finish(RunStatus status, Instant endedAt);
}
