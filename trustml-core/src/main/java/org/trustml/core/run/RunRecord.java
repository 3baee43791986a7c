package org.trustml.core.run;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;

/**
 * The audit trail of one pipeline run, written as {@code run.json} in the run directory.
 *
 * <p>Two runs of the same pipeline on the same input with the same seed give records that are
 * equal apart from their identity and timestamps: {@link #reproducible()} clears exactly those,
 * and {@link #fingerprint()} is the hash of that cleared record.
 *
 * @param schemaVersion version of this record's JSON layout ({@value #SCHEMA_VERSION})
 * @param runId         unique id of the run (32 hex digits, as MLflow's run ids)
 * @param runName       a name for people
 * @param experiment    the experiment the run belongs to
 * @param seed          the run seed every stage seed derives from
 * @param startedAt     start of the run
 * @param endedAt       end of the run
 * @param status        FINISHED, or FAILED if a stage failed
 * @param environment   versions and platform
 * @param stages        one record per stage that ran, in order
 * @param outputHash    content hash of the pipeline's final output, if it finished
 * @param fingerprint   {@code sha256:} of {@link #reproducible()} without this field
 */
public record RunRecord(
        int schemaVersion,
        String runId,
        String runName,
        String experiment,
        long seed,
        Instant startedAt,
        Instant endedAt,
        RunStatus status,
        EnvironmentRecord environment,
        List<StageRecord> stages,
        Optional<String> outputHash,
        String fingerprint) {

    /** The layout version written by this library. */
    public static final int SCHEMA_VERSION = 1;

    /** The file name of a run record in its run directory. */
    public static final String FILE_NAME = "run.json";

    public RunRecord {
        requireNonNull(runId, "runId");
        requireNonNull(status, "status");
        requireNonNull(environment, "environment");
        stages = List.copyOf(stages);
        requireNonNull(outputHash, "outputHash");
    }

    /** A record with its fingerprint computed from the other fields. */
    public static RunRecord of(String runId, String runName, String experiment, long seed, Instant startedAt,
            Instant endedAt, RunStatus status, EnvironmentRecord environment, List<StageRecord> stages,
            Optional<String> outputHash) {
        RunRecord unsigned = new RunRecord(SCHEMA_VERSION, runId, runName, experiment, seed, startedAt, endedAt,
                status, environment, stages, outputHash, "");
        String fp = ContentHash.of(Json.toJson(unsigned.reproducible()).getBytes(StandardCharsets.UTF_8));
        return new RunRecord(SCHEMA_VERSION, runId, runName, experiment, seed, startedAt, endedAt, status,
                environment, stages, outputHash, fp);
    }

    /**
     * This record without what differs between reproductions of a run: the run id and name, every
     * timestamp, and the fingerprint itself.
     */
    public RunRecord reproducible() {
        return new RunRecord(schemaVersion, "", "", experiment, seed, Instant.EPOCH, Instant.EPOCH, status,
                environment, stages.stream().map(StageRecord::withoutTimestamps).toList(), outputHash, "");
    }

    /** The stage record with this name. */
    public Optional<StageRecord> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Writes this record as pretty JSON, atomically. */
    public Path write(Path file) {
        return AtomicFiles.write(file, out -> Json.writer().writeValue(out, this));
    }

    /** Reads a record written by {@link #write(Path)}. */
    public static RunRecord read(Path file) {
        return Json.read(file, RunRecord.class, "a run.json file written by RunRecord.write");
    }

}
