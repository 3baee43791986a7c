package org.trustml.vision.stages;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.train.ClassifierTraining;
import org.trustml.vision.train.ImageClassifierConfig;
import org.trustml.vision.train.TrainedModel;

/**
 * The train stage for images: trains {@link ImageClassifierConfig#architecture()} with DJL on the
 * default engine (PyTorch) on the dataset's train split, validates on its validation split after
 * every epoch, and keeps the best epoch's parameters as the artifact
 * {@code model/trustml-classifier-0000.params} (and the whole {@link TrainedModel} as
 * {@code model/model.json}). A {@link org.trustml.vision.train.Architecture#TORCHSCRIPT} network is
 * read from the configured {@code .pt} file (refused unless its output on the first training image is
 * one logit per class of the dataset), fine-tuned on the PyTorch engine, and its best epoch kept as
 * the TorchScript file {@code model/trustml-classifier.pt}, which {@code torch.jit.load} also reads. Per epoch it logs {@code train_loss}, {@code train_accuracy},
 * {@code validation_loss} and {@code validation_accuracy} with the epoch as the step, so MLflow
 * draws the curves; at the end {@code best_epoch} and {@code epochs_run}. Each batch is reported to the
 * run's {@link org.trustml.core.pipeline.Progress} ("epoch 2/5", batches done of batches per epoch).
 *
 * <p>Images are decoded and resized once and held in memory as float arrays (3 · size² · 4 bytes
 * each: 10,000 images at 64² take 490 MB). The stage seeds the engine's generator with its own
 * seed before the network is initialised (DJL draws initial weights from it), and shuffles and
 * augments with a generator of the same seed, so one seed gives the same initial weights and batches;
 * PyTorch's parallel CPU kernels may sum floats in another order from run to run, so the trained
 * weights agree closely but not always bit for bit.
 */
public final class TrainImageClassifier implements Stage<ImageDataset, TrainedModel> {
    private final ImageClassifierConfig config;

    private TrainImageClassifier(ImageClassifierConfig config) {
        this.config = requireNonNull(config, "config");
    }

    /** A train stage with this configuration. */
    public static TrainImageClassifier with(ImageClassifierConfig config) {
        return new TrainImageClassifier(config);
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public ImageClassifierConfig config() {
        return config;
    }

    @Override
    public TrainedModel apply(ImageDataset data, RunContext context) {
        ClassifierTraining.Outcome outcome = new ClassifierTraining(config, context.seed())
                .onBatch(context::progress).train(data, e -> {
            context.logMetric("train_loss", e.trainLoss(), e.epoch());
            context.logMetric("train_accuracy", e.trainAccuracy(), e.epoch());
            if (!Double.isNaN(e.validationAccuracy())) {
                context.logMetric("validation_loss", e.validationLoss(), e.epoch());
                context.logMetric("validation_accuracy", e.validationAccuracy(), e.epoch());
            }
        });
        String file = config.architecture().isBuilt() ? TrainedModel.MODEL_NAME + "-0000.params"
                : TrainedModel.MODEL_NAME + ".pt";
        Path params = context.writeArtifact("model/" + file,
                out -> out.write(outcome.bestParams()));
        TrainedModel model = new TrainedModel(config.architecture(), params, ContentHash.of(outcome.bestParams()),
                data.labels(), config.inputSize(), outcome.bestEpoch(), outcome.history(), data.root());
        context.writeArtifact("model/model.json", out -> Json.writer().writeValue(out, model));
        context.logMetric("best_epoch", outcome.bestEpoch());
        context.logMetric("epochs_run", outcome.history().size());
        return model;
    }
}
