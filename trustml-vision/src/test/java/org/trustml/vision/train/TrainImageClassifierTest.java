package org.trustml.vision.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Classification;
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

class TrainImageClassifierTest {
    @TempDir
    static Path dir;
    static Path csv;

    // small and quick on 2 cores: 32x32 inputs, 3 epochs of 24 images
    static final ImageClassifierConfig CONFIG = ImageClassifierConfig.mobileNetV2().withInputSize(32)
            .withSchedule(3, 8, 1e-3).withAugmentation(true, false).withPatience(0);

    @BeforeAll
    static void images() throws IOException {
        csv = ColourImages.write(dir, 32);
    }

    private PipelineRun<TrainedModel> train(String name, ImageClassifierConfig config, long seed) {
        return train(name, config, seed, org.trustml.core.pipeline.Progress.NONE);
    }

    private PipelineRun<TrainedModel> train(String name, ImageClassifierConfig config, long seed,
            org.trustml.core.pipeline.Progress progress) {
        ImageFolder folder = ImageFolder.builder("file", "colour").imagesIn(dir.resolve("images"))
                .output(dir.resolve(name)).split(0.25, 0).build();
        return Pipeline.from(Ingest.csv(csv)).then(folder).then(TrainImageClassifier.with(config))
                .run(RunOptions.seed(seed).withTracker(Tracker.none(dir.resolve("runs"))).withProgress(progress));
    }

    @Test
    void trainsKeepsTheBestEpochAndLoadsBack() {
        PipelineRun<TrainedModel> run = train("a", CONFIG, 11);
        TrainedModel model = run.output();
        assertThat(model.history()).hasSize(3);
        assertThat(model.classes()).containsExactly("blue", "red");
        assertThat(model.params()).exists();
        assertThat(org.trustml.core.io.ContentHash.ofFile(model.params())).isEqualTo(model.paramsHash());
        StageRecord stage = run.record().stages().get(2);
        assertThat(stage.metrics()).containsKeys("train_loss", "validation_accuracy", "best_epoch", "epochs_run");
        assertThat(stage.outputHash()).contains(model.paramsHash());
        // the kept epoch is the best by validation accuracy, ties broken by the lower validation loss. (Nine Adam
        // steps of MobileNetV2 with batch norm do not make the training loss fall reliably: PyTorch's CPU kernels
        // add floats in a varying order, so a "loss falls" check here was flaky.)
        EpochMetrics best = model.history().get(model.bestEpoch() - 1);
        for (EpochMetrics e : model.history()) {
            assertThat(Double.isFinite(e.trainLoss())).as("finite train loss in epoch %d", e.epoch()).isTrue();
            assertThat(e.validationAccuracy()).isLessThanOrEqualTo(best.validationAccuracy());
            if (e.validationAccuracy() == best.validationAccuracy()) {
                assertThat(e.validationLoss()).isGreaterThanOrEqualTo(best.validationLoss());
            }
        }

        // the kept checkpoint reproduces the validation accuracy recorded for its epoch
        ImageDataset data = ImageDataset.read(dir.resolve("a"));
        List<ImageEntry> val = data.entries(Split.VALIDATION);
        try (Model loaded = model.load()) {
            double[][] p = model.predictProbabilities(loaded, val.stream().map(data::file).toList());
            int[] truth = val.stream().mapToInt(ImageEntry::classIndex).toArray();
            int[] pred = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                pred[i] = p[i][1] > p[i][0] ? 1 : 0;
            }
            double acc = Classification.of(truth, pred, model.classes()).scores(p).report().overall().accuracy();
            assertThat(acc).isEqualTo(model.history().get(model.bestEpoch() - 1).validationAccuracy());
        }
    }

    @Test
    void sameSeedSameModelAndFineTuningLoadsWeights() {
        TrainedModel one = train("b1", CONFIG.withSchedule(1, 8, 1e-3), 3).output();
        TrainedModel two = train("b2", CONFIG.withSchedule(1, 8, 1e-3), 3).output();
        // the same seed gives the same initial weights and batches. PyTorch's parallel CPU kernels may add floats
        // in another order from run to run, and Adam turns a near-zero gradient's sign into a full step of lr, so
        // two runs can differ by up to 2 * lr per step: here 3 steps (24 images, batch 8) of 1e-3, at most 6e-3
        assertThat(maxDifference(one, two, 0)).isLessThanOrEqualTo(6e-3 + 1e-6);
        // fine-tuning with a tiny learning rate starts from, and stays next to, the loaded weights
        TrainedModel tuned = train("b3", CONFIG.withSchedule(1, 8, 1e-7).withInitialWeights(one.params()), 4).output();
        assertThat(tuned.paramsHash()).isNotEqualTo(one.paramsHash());
        assertThat(maxDifference(one, tuned, 0)).isLessThan(1e-4); // Adam moves a weight about lr per step: 3 of 1e-7
        TrainedModel other = train("b4", CONFIG.withSchedule(1, 8, 1e-3), 99).output();
        assertThat(maxDifference(one, other, 0)).isGreaterThan(1e-2); // another seed, other initial weights
    }

    /** The largest absolute difference between parameter {@code index} of two models. */
    private static double maxDifference(TrainedModel x, TrainedModel y, int index) {
        try (Model a = x.load(); Model b = y.load()) {
            float[] wa = a.getBlock().getParameters().get(index).getValue().getArray().toFloatArray();
            float[] wb = b.getBlock().getParameters().get(index).getValue().getArray().toFloatArray();
            double maxDiff = 0;
            for (int i = 0; i < wa.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(wa[i] - wb[i]));
            }
            return maxDiff;
        }
    }

    @Test
    void reportsEveryBatchAsProgress() {
        List<String> updates = new java.util.ArrayList<>();
        train("p", CONFIG.withSchedule(2, 8, 1e-3), 2, (stage, task, done, total) ->
                updates.add(stage + " " + task + " " + done + "/" + total));
        // 24 training images (32 less 8 for validation), batches of 8: 3 per epoch
        assertThat(updates).containsExactly("train epoch 1/2 1/3", "train epoch 1/2 2/3", "train epoch 1/2 3/3",
                "train epoch 2/2 1/3", "train epoch 2/2 2/3", "train epoch 2/2 3/3");
    }

    @Test
    void weightsOfAnotherShapeAreRefused() throws IOException {
        Path junk = Files.write(dir.resolve("junk.params"), new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> train("c", CONFIG.withSchedule(1, 8, 1e-3).withInitialWeights(junk), 1))
                .isInstanceOf(PipelineException.class).cause()
                .hasMessage(junk + ": cannot be loaded as initial weights: is not a DJL parameter file (no DJL@ header) "
                        + "(expected DJL parameters of the same architecture and number of classes)");
    }
}
