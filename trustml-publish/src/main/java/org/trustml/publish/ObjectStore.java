package org.trustml.publish;

import java.nio.file.Path;

/**
 * Where a published package is copied besides the registry folder: an S3-compatible bucket
 * ({@code org.trustml.s3.S3ObjectStore}, module {@code trustml-s3}) or anything with keys and whole-object puts.
 * Implementations are thread-safe.
 */
public interface ObjectStore {
    /** The URI of a key (or key prefix), e.g. {@code s3://models/trustml/chest-xray/3}. */
    String uri(String key);

    /** Whether an object with this key exists. */
    boolean exists(String key);

    /**
     * Stores a file under a key, replacing nothing that {@link #exists} would report (callers check).
     *
     * @param sha256 the file's {@code sha256:<hex>}, for stores that verify uploads
     */
    void put(String key, Path file, String sha256);
}
