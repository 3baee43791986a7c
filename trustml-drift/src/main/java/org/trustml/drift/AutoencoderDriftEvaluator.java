package org.trustml.drift;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluator;
import org.trustml.vision.images.ImageTensors;
import org.trustml.vision.images.Split;

/**
 * The autoencoder drift check of the evaluate stage (Scanflow's checker, {@link AutoencoderChecker}): a
 * convolutional autoencoder trained on the reference split's images (RGB at the model's input size, which must be
 * divisible by 4), or a checker saved earlier ({@link AutoencoderChecker#save}), scores the evaluated images by
 * their reconstruction error, and its two batch tests decide whether they drifted ({@link BatchVerdict}). At most
 * {@code maxImages} images of each split are used (the first ones). The checker is trained with
 * {@code autoencoder}'s seed, so the same images and config give the same verdict on the same engine and thread count.
 *
 * @param reference the split the checker is trained on (ignored with a saved checker)
 * @param maxImages how many images of each split to use (at least 2)
 * @param autoencoder the checker's training and decision settings
 * @param checker   a saved checker's folder, used instead of training one
 */
public record AutoencoderDriftEvaluator(Split reference, int maxImages, AutoencoderConfig autoencoder,
        Optional<Path> checker)
        implements ImageEvaluator {
    public AutoencoderDriftEvaluator {
        requireNonNull(reference, "reference");
        requireNonNull(autoencoder, "autoencoder");
        requireNonNull(checker, "checker");
        if (maxImages < 2) {
            throw InvalidInputException.problem("is too small").column("maxImages").value(maxImages)
                    .expected("at least 2").build();
        }
    }

    /** Trains on the train split (up to 500 images) with {@link AutoencoderConfig#defaults()}. */
    public static AutoencoderDriftEvaluator againstTraining() {
        return new AutoencoderDriftEvaluator(Split.TRAIN, 500, AutoencoderConfig.defaults(), Optional.empty());
    }

    @Override
    public String name() {
        return "autoencoder-drift";
    }

    @Override
    public Object config() {
        return this;
    }

    @Override
    public AutoencoderDriftReport evaluate(ImageEvaluationInput in, RunContext context) {
        int size = in.model().inputSize();
        List<Path> current = in.files().stream().limit(maxImages).toList();
        if (current.isEmpty()) {
            throw InvalidInputException.problem("has no images to check").file(in.dataset().root())
                    .expected("at least 1 image in " + in.split().folder()).build();
        }
        if (checker.isPresent()) {
            try (AutoencoderChecker c = AutoencoderChecker.load(checker.get())) {
                return new AutoencoderDriftReport(AutoencoderDriftReport.SCHEMA_VERSION, checker.get().toString(), 0,
                        c.check(samples(current, size)));
            }
        }
        List<Path> ref = in.dataset().entries(reference).stream().limit(maxImages).map(in.dataset()::file).toList();
        if (ref.size() < 2) {
            throw InvalidInputException.problem("has too few images to train the checker on: " + ref.size() + " in "
                    + reference.folder()).file(in.dataset().root()).expected("at least 2 reference images").build();
        }
        try (AutoencoderChecker c = AutoencoderChecker.train(samples(ref, size), autoencoder)) {
            return new AutoencoderDriftReport(AutoencoderDriftReport.SCHEMA_VERSION, reference.folder(), ref.size(),
                    c.check(samples(current, size)));
        }
    }

    /** The images as RGB samples {@code [3, size, size]} in [0, 1], as the model saw them. */
    private static Samples samples(List<Path> files, int size) {
        float[][] rows = new float[files.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ImageTensors.load(files.get(i), size);
        }
        return Samples.images(rows, 3, size, size);
    }
}
