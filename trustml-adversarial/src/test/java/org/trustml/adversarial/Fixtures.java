package org.trustml.adversarial;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.trustml.core.io.NpyArray;
import org.trustml.core.io.NpyFiles;

/** The TorchScript fixtures and expected arrays made by {@code src/test/resources/fixtures/make_fixtures.py}. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static NpyArray npy(String name) {
        return NpyFiles.read(path(name));
    }

    static float[] floats(String name) {
        return npy(name).toFloats();
    }

    static long[] longs(String name) {
        return npy(name).toLongs();
    }

    static TorchScriptModel cnn() {
        return Models.torchScript(path("tiny_cnn.pt"), ClassifierOutput.LOGITS);
    }
}
