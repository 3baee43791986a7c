package org.trustml.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;

/**
 * What {@link SavedModel#load} checks before TensorFlow runs. Loading real SavedModels is tested where the
 * TensorFlow engine is on the test classpath (trustml-adversarial, trustml-explain, trustml-cli).
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
        // trustml-core's tests have only the PyTorch engine
        assertThatThrownBy(() -> SavedModel.load(dir)).isExactlyInstanceOf(TrustmlException.class)
                .hasMessageContaining("DJL's TensorFlow engine is not on the classpath")
                .hasMessageContaining("ai.djl.tensorflow:tensorflow-engine")
                .hasMessageContaining("org.tensorflow:tensorflow-core-native:1.0.0-rc.1:linux-x86_64");
    }
}
