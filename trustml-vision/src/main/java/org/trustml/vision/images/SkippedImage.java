package org.trustml.vision.images;

import static java.util.Objects.requireNonNull;

/**
 * An input row whose image could not be used.
 *
 * @param row    the input table's row (0-based)
 * @param source the file, as given
 * @param reason why, e.g. {@code truncated or corrupt: Premature end of JPEG file}
 */
public record SkippedImage(int row, String source, String reason) {
    public SkippedImage {
        requireNonNull(source, "source");
        requireNonNull(reason, "reason");
    }
}
