package org.trustml.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one stage of a run did.
 *
 * @param index      0-based position in the pipeline
 * @param name       the stage's name, unique within the run
 * @param type       the stage's class
 * @param config     the stage's config record as JSON: its provenance
 * @param seed       the seed the stage was given, derived from the run seed
 * @param inputHash  content hash of the stage's input (for a source, of what it read)
 * @param outputHash content hash of the stage's output; empty if it failed
 * @param startedAt  when it started, from the run's clock
 * @param endedAt    when it ended
 * @param status     FINISHED or FAILED
 * @param error      the failure's type and message when FAILED
 * @param metrics    the last value of each metric it logged, by name
 * @param artifacts  the files it wrote
 */
public record StageRecord(
        int index,
        String name,
        String type,
        JsonNode config,
        long seed,
        Optional<String> inputHash,
        Optional<String> outputHash,
        Instant startedAt,
        Instant endedAt,
        RunStatus status,
        Optional<String> error,
        Map<String, Double> metrics,
        List<ArtifactRecord> artifacts) {

    public StageRecord {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(config, "config");
        requireNonNull(status, "status");
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        artifacts = List.copyOf(artifacts);
    }

    /** This record with both timestamps at the epoch: what must match between reproduced runs. */
    public StageRecord withoutTimestamps() {
        return new StageRecord(index, name, type, config, seed, inputHash, outputHash,
                Instant.EPOCH, Instant.EPOCH, status, error, metrics, artifacts);
    }
}
