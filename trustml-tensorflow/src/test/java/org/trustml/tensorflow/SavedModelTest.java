package org.trustml.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;

/**
 * What {@link SavedModel#load} checks before TensorFlow runs. Loading real SavedModels is tested in
 * trustml-adversarial, trustml-explain and trustml-cli.
 */
class SavedModelTest {

    @Test
    void missingDirectoryIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> SavedModel.load(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": does not exist (expected a TensorFlow SavedModel directory holding "
                        + "saved_model.pb (and variables/), as tf.saved_model.save or TF-Java's "
                        + "SavedModelBundle.exporter writes it)");
    }

    @Test
    void directoryWithoutSavedModelPbIsNotASavedModel(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model.pt"), "x");
        assertThat(SavedModel.isSavedModel(dir)).isFalse();
        assertThatThrownBy(() -> SavedModel.load(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(dir + ": is not a TensorFlow SavedModel (no saved_model.pb in it)");
        Path file = dir.resolve("model.pt");
        assertThatThrownBy(() -> SavedModel.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ": is a file, not a SavedModel directory");
    }

    @Test
    void withoutTheTensorFlowEngineSaysWhatToAdd(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("saved_model.pb"), new byte[] {0});
        assertThat(SavedModel.isSavedModel(dir)).isTrue();
        // this module's tests have the TensorFlow engine: load SavedModel again in a class loader without it
        URL[] withoutTensorFlow = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("tensorflow-engine") && !entry.contains("tensorflow-core"))
                .map(ClassPathEntry::url).toArray(URL[]::new);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(withoutTensorFlow, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Method load = loader.loadClass(SavedModel.class.getName()).getMethod("load", Path.class);
            assertThatThrownBy(() -> load.invoke(null, dir)).isInstanceOf(InvocationTargetException.class)
                    .cause().satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(TrustmlException.class.getName()))
                    .hasMessageContaining("DJL's TensorFlow engine is not on the classpath")
                    .hasMessageContaining("ai.djl.tensorflow:tensorflow-engine")
                    .hasMessageContaining("org.tensorflow:tensorflow-core-native:1.0.0-rc.1:linux-x86_64");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    /** A class path entry as a URL. */
    private static final class ClassPathEntry {
        static URL url(String entry) {
            try {
                return Path.of(entry).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entry, e);
            }
        }
    }
}
