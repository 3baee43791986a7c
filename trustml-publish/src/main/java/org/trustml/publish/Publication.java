package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trustml.core.run.ContentAddressable;

/**
 * What publishing gives: where the package went and what is in it.
 *
 * @param schemaVersion  this layout's version
 * @param name           the model's name
 * @param version        the version published
 * @param directory      the package folder {@code <registry>/<name>/<version>}
 * @param blessed        whether the verdict blessed the model
 * @param forced         whether an unblessed model was published because publishing was forced
 * @param storageUri     the URI the KServe manifest points at
 * @param objectStoreUri the object-store copy, when one was configured
 * @param files          every file with its hash, as in {@code SHA256SUMS}
 * @param checksumsHash  {@code sha256:} of {@code SHA256SUMS}: the package's identity
 */
public record Publication(int schemaVersion, String name, String version, Path directory, boolean blessed,
        boolean forced, String storageUri, Optional<String> objectStoreUri, List<PackageFile> files,
        String checksumsHash) implements ContentAddressable {
    /** The layout this version writes. */
    public static final int SCHEMA_VERSION = 1;

    public Publication {
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        requireNonNull(directory, "directory");
        requireNonNull(storageUri, "storageUri");
        requireNonNull(objectStoreUri, "objectStoreUri");
        files = List.copyOf(files);
        requireNonNull(checksumsHash, "checksumsHash");
    }

    @Override
    public String contentHash() {
        return checksumsHash;
    }
}
