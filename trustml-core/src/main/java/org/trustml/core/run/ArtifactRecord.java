package org.trustml.core.run;

import static java.util.Objects.requireNonNull;

/**
 * A file a stage wrote into the run directory.
 *
 * @param name   the name the stage gave it
 * @param path   path relative to the run directory, with {@code /} separators
 * @param sha256 {@code sha256:<hex>} of its bytes
 * @param bytes  its size
 */
public record ArtifactRecord(String name, String path, String sha256, long bytes) {
    public ArtifactRecord {
        requireNonNull(name, "name");
        requireNonNull(path, "path");
        requireNonNull(sha256, "sha256");
    }
}
