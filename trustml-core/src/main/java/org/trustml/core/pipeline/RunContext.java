package org.trustml.core.pipeline;

import static java.util.Objects.requireNonNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.ContentHash;
import org.trustml.core.run.ArtifactRecord;
import org.trustml.core.run.RunRecord;
import org.trustml.core.tracking.TrackedRun;

/**
 * What a running stage may use: its seed, its artifact directory, the run's clock and tracker,
 * and an {@link NDManager} that is closed when the stage ends. One context per stage; not
 * thread-safe.
 */
public final class RunContext implements AutoCloseable {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final String runId;
    private final int stageIndex;
    private final String stageName;
    private final long seed;
    private final Path runDirectory;
    private final Clock clock;
    private final TrackedRun tracker;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final List<ArtifactRecord> artifacts = new ArrayList<>();
    private final List<String> enginesUsed;
    private NDManager manager;
    private String inputHash;

    private final Progress progress;
    private final Supplier<RunRecord> recordSoFar;

    RunContext(String runId, int stageIndex, String stageName, long seed, Path runDirectory, Clock clock,
            TrackedRun tracker, List<String> enginesUsed, Progress progress, Supplier<RunRecord> recordSoFar) {
        this.progress = progress;
        this.recordSoFar = recordSoFar;
        this.runId = runId;
        this.stageIndex = stageIndex;
        this.stageName = stageName;
        this.seed = seed;
        this.runDirectory = runDirectory;
        this.clock = clock;
        this.tracker = tracker;
        this.enginesUsed = enginesUsed;
    }

    public String runId() {
        return runId;
    }

    public String stageName() {
        return stageName;
    }

    public int stageIndex() {
        return stageIndex;
    }

    /** This stage's seed, derived from the run seed ({@link Seeds#derive}). */
    public long seed() {
        return seed;
    }

    /** A new generator seeded with {@link #seed()}: the same sequence every time it is called. */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }

    public Clock clock() {
        return clock;
    }

    public TrackedRun tracker() {
        return tracker;
    }

    /** The run directory (it holds {@code run.json}). */
    public Path runDirectory() {
        return runDirectory;
    }

    /** This stage's own directory inside the run directory, {@code <index>-<name>/}, created on demand. */
    public Path stageDirectory() {
        Path dir = runDirectory.resolve(String.format("%02d-%s", stageIndex, stageName));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }

    /**
     * An NDManager on the default DJL engine, created on first call and closed when the stage
     * ends: arrays made in it must not outlive the stage (copy results out, or detach them).
     */
    public NDManager ndManager() {
        if (manager == null) {
            // before the engine loads (trustml-torch checks libtorch's convolution gradients here, while
            // oneDNN can still be kept on its correct kernels)
            EngineStart.runAll(Engine.getDefaultEngineName());
            manager = NDManager.newBaseManager();
            Engine engine = manager.getEngine();
            enginesUsed.add(engine.getEngineName() + " " + engine.getVersion());
        }
        return manager;
    }

    /** Reports that {@code done} of {@code total} units of {@code task} are finished (for progress bars). */
    public void progress(String task, long done, long total) {
        progress.update(stageName, task, done, total);
    }

    /** Logs a metric (step 0): kept in the stage record and sent to the tracker. */
    public void logMetric(String name, double value) {
        logMetric(name, value, 0);
    }

    /** Logs one step of a metric (for example per epoch); the record keeps the last value. */
    public void logMetric(String name, double value, long step) {
        requireNonNull(name, "name");
        metrics.put(name, value);
        tracker.logMetric(stageName + "." + name, value, step, clock.instant());
    }

    /**
     * Writes a file into this stage's directory, atomically, and records it with its hash.
     *
     * @param name relative name such as {@code confusion.png} or {@code plots/roc.png}
     */
    public Path writeArtifact(String name, AtomicFiles.Content content) {
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw InvalidInputException.problem("is not a safe artifact name").value(name)
                    .expected("letters, digits, '.', '_', '-' in '/'-separated parts, no '..'").build();
        }
        Path file = AtomicFiles.write(stageDirectory().resolve(name), content);
        try {
            artifacts.add(new ArtifactRecord(name, runDirectory.relativize(file).toString().replace('\\', '/'),
                    ContentHash.ofFile(file), Files.size(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The run's record as it stands: status {@code RUNNING}, the stages finished before this one,
     * no output hash. A stage that ships its own lineage (publish) writes this.
     */
    public RunRecord recordSoFar() {
        return recordSoFar.get();
    }

    /** For a source stage: the content hash of what it read, recorded as the stage's input hash. */
    public void recordInputHash(String contentHash) {
        this.inputHash = requireNonNull(contentHash, "contentHash");
    }

    Optional<String> inputHash() {
        return Optional.ofNullable(inputHash);
    }

    Map<String, Double> metrics() {
        return metrics;
    }

    List<ArtifactRecord> artifacts() {
        return artifacts;
    }

    /** Closes the stage's NDManager, if one was made. */
    @Override
    public void close() {
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }
}
