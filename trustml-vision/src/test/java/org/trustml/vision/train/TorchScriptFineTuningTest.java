package org.trustml.vision.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.ContentHash;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.run.StageRecord;
import org.trustml.core.stages.Ingest;
import org.trustml.core.tracking.Tracker;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.Split;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;

/**
 * Fine-tuning TorchScript classifiers. The fixtures come from
 * {@code src/test/resources/torchscript/make_fixtures.py} (Debian's torch 1.13): {@code colour-cnn.pt}, a tiny CNN
 * trained there on red-vs-blue noise images drawn as {@link ColourImages} draws them (held-out accuracy 1.0 in the
 * script), and {@code colour-cnn-3.pt}, the same network with three outputs.
 */
class TorchScriptFineTuningTest {
    @TempDir
    static Path dir;
    static Path csv;
    static Path cnn;
    static Path cnn3;

    @BeforeAll
    static void data() throws IOException {
        csv = ColourImages.write(dir, 32);
        cnn = copy("colour-cnn.pt");
        cnn3 = copy("colour-cnn-3.pt");
    }

    private static Path copy(String name) throws IOException {
        try (InputStream in = TorchScriptFineTuningTest.class.getResourceAsStream("/torchscript/" + name)) {
            Path to = dir.resolve(name);
            Files.copy(in, to);
            return to;
        }
    }

    /** 32² inputs, no augmentation (so the check below sees the images the fixture was trained on), 1 epoch. */
    private static ImageClassifierConfig config(Path file, double learningRate) {
        return ImageClassifierConfig.torchScript(file).withInputSize(32).withSchedule(1, 8, learningRate)
                .withAugmentation(false, false).withPatience(0);
    }

    private static PipelineRun<TrainedModel> train(String name, ImageClassifierConfig config) {
        ImageFolder folder = ImageFolder.builder("file", "colour").imagesIn(dir.resolve("images"))
                .output(dir.resolve(name)).split(0.25, 0).build();
        return Pipeline.from(Ingest.csv(csv)).then(folder).then(TrainImageClassifier.with(config))
                .run(RunOptions.seed(7).withTracker(Tracker.none(dir.resolve("runs"))));
    }

    @Test
    void fineTunesTheLoadedWeightsAndKeepsTheResultAsTorchScript() {
        PipelineRun<TrainedModel> run = train("a", config(cnn, 1e-7));
        TrainedModel tuned = run.output();
        assertThat(tuned.architecture()).isEqualTo(Architecture.TORCHSCRIPT);
        assertThat(tuned.classes()).containsExactly("blue", "red");
        assertThat(tuned.params().getFileName().toString()).isEqualTo("trustml-classifier.pt");
        assertThat(ContentHash.ofFile(tuned.params())).isEqualTo(tuned.paramsHash());
        assertThat(tuned.history()).hasSize(1);
        assertThat(tuned.bestEpoch()).isEqualTo(1);

        // the run record holds the TorchScript file and its hash as the train stage's config
        StageRecord stage = run.record().stages().get(2);
        assertThat(stage.config().get("architecture").asText()).isEqualTo("TORCHSCRIPT");
        assertThat(stage.config().get("initialWeights").asText()).isEqualTo(cnn.toString());
        assertThat(stage.config().get("initialWeightsHash").asText()).isEqualTo(ContentHash.ofFile(cnn));
        assertThat(stage.metrics()).containsKeys("train_loss", "validation_accuracy", "best_epoch", "epochs_run");

        // the loaded weights are used: the fixture, trained in Python, already tells the colours apart (accuracy 1.0
        // on the validation images before any step here), and so does the fine-tuned model, whose recorded validation
        // accuracy is 1.0 after one epoch at lr 1e-7
        ImageDataset data = ImageDataset.read(dir.resolve("a"));
        List<ImageEntry> val = data.entries(Split.VALIDATION);
        TrainedModel before = new TrainedModel(Architecture.TORCHSCRIPT, cnn, ContentHash.ofFile(cnn), data.labels(),
                32, 0, List.of(), dir);
        assertThat(accuracy(before, data, val)).isEqualTo(1.0);
        assertThat(tuned.history().get(0).validationAccuracy()).isEqualTo(1.0);
        // the saved TorchScript loads back and reproduces the recorded validation accuracy
        assertThat(accuracy(tuned, data, val)).isEqualTo(tuned.history().get(0).validationAccuracy());
        // Adam moves a weight by about lr per step: 3 steps (24 training images, batch 8) of 1e-7, so the trained
        // weights stay within 1e-5 of the loaded ones (random initial weights of this CNN differ by ~1e-1)
        assertThat(maxDifference(before, tuned)).isLessThan(1e-5);

        // with a usable learning rate the weights do move: Adam's first step is ±lr on every weight whose
        // gradient is not zero, here 3 steps of 1e-2
        TrainedModel moved = train("b", config(cnn, 1e-2)).output();
        assertThat(maxDifference(before, moved)).isGreaterThan(1e-3);
    }

    private static double accuracy(TrainedModel model, ImageDataset data, List<ImageEntry> entries) {
        try (Model loaded = model.load()) {
            double[][] p = model.predictProbabilities(loaded, entries.stream().map(data::file).toList());
            int right = 0;
            for (int i = 0; i < p.length; i++) {
                right += (p[i][1] > p[i][0] ? 1 : 0) == entries.get(i).classIndex() ? 1 : 0;
            }
            return (double) right / p.length;
        }
    }

    /** The largest absolute difference between any two corresponding parameters of two TorchScript models. */
    private static double maxDifference(TrainedModel x, TrainedModel y) {
        try (Model a = x.load(); Model b = y.load()) {
            List<Parameter> pa = a.getBlock().getParameters().values();
            List<Parameter> pb = b.getBlock().getParameters().values();
            assertThat(pa).hasSameSizeAs(pb);
            double maxDiff = 0;
            for (int j = 0; j < pa.size(); j++) {
                float[] wa = pa.get(j).getArray().toFloatArray();
                float[] wb = pb.get(j).getArray().toFloatArray();
                for (int i = 0; i < wa.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(wa[i] - wb[i]));
                }
            }
            return maxDiff;
        }
    }

    @Test
    void aNetworkWithAnotherOutputSizeIsRefused() {
        assertThatThrownBy(() -> train("c", config(cnn3, 1e-3)))
                .isInstanceOf(PipelineException.class).cause().isInstanceOf(InvalidInputException.class)
                .hasMessage(cnn3 + ": value '3' gives output of shape (1, 3), not 2 logits per image "
                        + "(expected logits over exactly the dataset's classes [blue, red], in this order)");
    }

    @Test
    void aFileThatIsNotTorchScriptIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("text.pt"), "not a model");
        assertThatThrownBy(() -> train("d", config(text, 1e-3)))
                .isInstanceOf(PipelineException.class).cause().isInstanceOf(InvalidInputException.class)
                .hasMessage(text + ": is not a TorchScript file "
                        + "(expected a model saved with torch.jit.save (a zip archive holding code/ and data.pkl))");
        // a zip archive, but not a TorchScript one: the engine refuses it
        Path zip = dir.resolve("other.pt");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write(new byte[] {1, 2, 3});
        }
        assertThatThrownBy(() -> train("e", config(zip, 1e-3)))
                .isInstanceOf(PipelineException.class).cause().isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(zip + ": is not a TorchScript file");
    }

    @Test
    void theConfigurationNeedsTheFileAndNotesItsHash() throws IOException {
        assertThatThrownBy(() -> ImageClassifierConfig.mobileNetV2().withArchitecture(Architecture.TORCHSCRIPT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("initialWeights")
                .hasMessageContaining("is missing");
        Path missing = dir.resolve("missing.pt");
        assertThatThrownBy(() -> ImageClassifierConfig.torchScript(missing))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(missing + ": does not exist");
        assertThat(ImageClassifierConfig.torchScript(cnn).initialWeightsHash()).contains(ContentHash.ofFile(cnn));

        // a file changed after the configuration was made is refused before training
        Path changing = Files.copy(cnn, dir.resolve("changing.pt"));
        ImageClassifierConfig c = config(changing, 1e-3);
        Files.copy(cnn3, changing, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> train("f", c))
                .isInstanceOf(PipelineException.class).cause().isInstanceOf(InvalidInputException.class)
                .hasMessage(changing + ": value '" + ContentHash.ofFile(cnn3) + "' has changed since the configuration was made"
                        + " (expected content hash " + ContentHash.ofFile(cnn) + ")");
    }
}
