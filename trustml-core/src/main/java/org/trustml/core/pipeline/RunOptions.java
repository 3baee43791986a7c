package org.trustml.core.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.trustml.core.tracking.MlflowFileStore;
import org.trustml.core.tracking.MlflowServer;
import org.trustml.core.tracking.Tracker;

/**
 * How to run a pipeline. Start from {@link #seed(long)}: every run needs a seed from its caller.
 *
 * <p>Where the run is recorded is the caller's choice: {@link #withMlflowStore} (an MLflow file store: params,
 * metrics, tags, and each run's directory with {@code run.json} and the stages' artifacts),
 * {@link #withRunsRoot} (the run directories only), {@link #withMlflowServer} (an MLflow tracking server as well)
 * or {@link #withTracker}. Without one, each run's directory
 * is a new temporary directory ({@link Tracker#temporary()}; {@link PipelineRun#runDirectory()} says where) and
 * nothing is written in the working directory.
 *
 * @param seed       the run seed; each stage's seed is derived from it ({@link Seeds})
 * @param experiment experiment name for the tracker (default {@code Default})
 * @param runName    a name for people (default: the pipeline's stage names)
 * @param tracker    where params, metrics and the run directory go (default: {@link Tracker#temporary()}, no
 *                   tracking, run directories under {@code java.io.tmpdir})
 * @param clock      the clock for every timestamp (default: system UTC)
 * @param progress   where stages report progress of long work (default: nowhere)
 */
public record RunOptions(long seed, String experiment, Optional<String> runName, Tracker tracker, Clock clock,
        Progress progress) {

    /**
     * Where {@code trustml run} keeps the MLflow file store of a pipeline file that names none, relative to
     * the file ({@link org.trustml.core.pipeline.spec.PipelineSpec#run}).
     */
    public static final Path DEFAULT_MLRUNS = Path.of("trustml-runs", "mlruns");

    public RunOptions {
        requireNonNull(experiment, "experiment");
        requireNonNull(runName, "runName");
        requireNonNull(tracker, "tracker");
        requireNonNull(clock, "clock");
        requireNonNull(progress, "progress");
    }

    /** Options with this seed and the defaults above: no tracking, each run in a new temporary directory. */
    public static RunOptions seed(long seed) {
        return new RunOptions(seed, "Default", Optional.empty(), Tracker.temporary(), Clock.systemUTC(), Progress.NONE);
    }

    public RunOptions withExperiment(String name) {
        return new RunOptions(seed, name, runName, tracker, clock, progress);
    }

    public RunOptions withRunName(String name) {
        return new RunOptions(seed, experiment, Optional.of(name), tracker, clock, progress);
    }

    public RunOptions withTracker(Tracker newTracker) {
        return new RunOptions(seed, experiment, runName, newTracker, clock, progress);
    }

    /** Tracks runs in an MLflow file store at {@code mlrunsRoot}. */
    public RunOptions withMlflowStore(Path mlrunsRoot) {
        return withTracker(new MlflowFileStore(mlrunsRoot));
    }

    /**
     * Logs runs to the MLflow tracking server at {@code trackingUri} too ({@link MlflowServer#at(URI)}, credentials
     * from {@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD} or {@code MLFLOW_TRACKING_TOKEN}),
     * keeping the tracker chosen so far as the local one: {@code withMlflowStore(path).withMlflowServer(uri)} records
     * each run in both. For other settings (credentials, retries), use {@link #withTracker} with an
     * {@link MlflowServer}.
     */
    public RunOptions withMlflowServer(java.net.URI trackingUri) {
        Tracker local = tracker instanceof MlflowServer s ? s.local() : tracker;
        return withTracker(MlflowServer.at(requireNonNull(trackingUri, "trackingUri")).withLocal(local));
    }

    /** Keeps each run's directory ({@code run.json}, the stages' artifacts) at {@code runsRoot/<run id>}, untracked. */
    public RunOptions withRunsRoot(Path runsRoot) {
        return withTracker(Tracker.none(requireNonNull(runsRoot, "runsRoot")));
    }

    public RunOptions withClock(Clock newClock) {
        return new RunOptions(seed, experiment, runName, tracker, newClock, progress);
    }

    /** Reports stages' progress to {@code sink} (a console progress bar, a UI). */
    public RunOptions withProgress(Progress sink) {
        return new RunOptions(seed, experiment, runName, tracker, clock, sink);
    }
}
