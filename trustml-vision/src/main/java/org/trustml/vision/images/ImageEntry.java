package org.trustml.vision.images;

import static java.util.Objects.requireNonNull;

/**
 * One image of a dataset.
 *
 * @param split       the part it is in
 * @param classIndex  its class ({@link ImageClass#index()})
 * @param path        where it is, relative to the dataset's root, with {@code /} separators
 * @param source      the file it came from, as given in the input table
 * @param row         the input table's row it came from (0-based)
 * @param contentHash {@code sha256:…} of the file's bytes
 */
public record ImageEntry(Split split, int classIndex, String path, String source, int row, String contentHash) {
    public ImageEntry {
        requireNonNull(split, "split");
        requireNonNull(path, "path");
        requireNonNull(source, "source");
        requireNonNull(contentHash, "contentHash");
    }
}
