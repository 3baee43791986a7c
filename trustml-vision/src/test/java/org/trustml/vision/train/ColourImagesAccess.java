package org.trustml.vision.train;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages make {@link ColourImages}. */
public final class ColourImagesAccess {
    private ColourImagesAccess() {}

    public static Path write(Path dir, int n) throws IOException {
        return ColourImages.write(dir, n);
    }
}
