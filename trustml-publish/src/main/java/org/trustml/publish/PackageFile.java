package org.trustml.publish;

import static java.util.Objects.requireNonNull;

/**
 * One file of a model package.
 *
 * @param path   relative to the package, {@code /}-separated
 * @param sha256 {@code sha256:<hex>} of its bytes
 * @param bytes  its size
 */
public record PackageFile(String path, String sha256, long bytes) {
    public PackageFile {
        requireNonNull(path, "path");
        requireNonNull(sha256, "sha256");
    }
}
