package org.trustml.vision.stages;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.Table;
import org.trustml.vision.images.ImageDataset;

/**
 * The image-folder stage: from a table with a file column and a label column, arranges the images
 * as {@code root/<split>/<label folder>/<file>} with a seeded, stratified train / validation /
 * test split, and returns the {@link ImageDataset} (also written as {@code dataset.json} at the
 * root).
 *
 * <ul>
 *   <li>Labels become folder names through {@link org.trustml.vision.images.SafeNames}: no label
 *       (slashes, {@code ..}, NUL, reserved names) can write outside the root. Classes are sorted
 *       by label; class {@code i} is the model's output {@code i}.</li>
 *   <li>Split: within each class, rows are shuffled with the stage's seed; the validation and
 *       test parts get {@code round(n·fraction)} images, at least one each when their fraction is
 *       above 0, and train the rest (at least one). A class with fewer images than the parts it
 *       must fill is an error.</li>
 *   <li>Every image is decoded before it is placed. An unreadable or truncated image is skipped,
 *       counted (metric {@code skipped}) and listed in the manifest and in the stage's artifact
 *       {@code skipped.json}; more than {@code maxUnreadableFraction} of the rows skipped fails
 *       the stage. A file that does not exist, a missing file name or a missing label fails it.</li>
 *   <li>The dataset is built in a temporary folder beside the root and moved into place at the
 *       end: a failed stage leaves nothing behind, and an existing non-empty root is never
 *       touched (an error).</li>
 * </ul>
 */
public final class ImageFolder implements Stage<Table, ImageDataset> {

    /** How an image gets into the dataset. */
    public enum Placement {
        /** A copy of the file. */
        COPY,
        /** A hard link (no extra disk space); a copy where the file system cannot link. */
        HARD_LINK
    }

    /**
     * The stage's configuration and provenance.
     *
     * @param fileColumn            column with image paths, relative to {@code imagesIn} or absolute; links are
     *                              resolved, and a relative path must stay inside {@code imagesIn} once they are
     * @param labelColumn           column with the labels (any type; numbers are used as written)
     * @param imagesIn              folder the relative paths start from
     * @param output                the dataset's root; must not exist or be empty
     * @param validationFraction    share of each class for validation, in [0, 1)
     * @param testFraction          share of each class for test, in [0, 1)
     * @param placement             copy or hard-link
     * @param maxUnreadableFraction largest share of rows that may be skipped as unreadable, in [0, 1]
     */
    public record Config(String fileColumn, String labelColumn, String imagesIn, String output,
            double validationFraction, double testFraction, Placement placement, double maxUnreadableFraction) {
        public Config {
            requireNonNull(fileColumn, "fileColumn");
            requireNonNull(labelColumn, "labelColumn");
            requireNonNull(imagesIn, "imagesIn");
            requireNonNull(output, "output");
            requireNonNull(placement, "placement");
            requireFraction("validationFraction", validationFraction, false);
            requireFraction("testFraction", testFraction, false);
            requireFraction("maxUnreadableFraction", maxUnreadableFraction, true);
            if (validationFraction + testFraction >= 1) {
                throw InvalidInputException.problem("leave nothing to train on").column("validationFraction + testFraction")
                        .value(validationFraction + testFraction).expected("a sum below 1").build();
            }
        }

        /** The share of each class that is trained on. */
        public double trainFraction() {
            return 1 - validationFraction - testFraction;
        }

        private static void requireFraction(String name, double v, boolean oneAllowed) {
            if (!(v >= 0 && (oneAllowed ? v <= 1 : v < 1))) {
                throw InvalidInputException.problem("is not a fraction").column(name).value(v)
                        .expected(oneAllowed ? "a number in [0, 1]" : "a number in [0, 1)").build();
            }
        }
    }

    private final Config config;

    private ImageFolder(Config config) {
        this.config = config;
    }

    /** An image-folder stage with this configuration. */
    public static ImageFolder of(Config config) {
        return new ImageFolder(requireNonNull(config, "config"));
    }

    /**
     * Starts a configuration: files in {@code fileColumn}, labels in {@code labelColumn}.
     * Defaults: images relative to the working directory, 70 / 15 / 15 split, copies, at most 5%
     * of rows unreadable.
     */
    public static Builder builder(String fileColumn, String labelColumn) {
        return new Builder(fileColumn, labelColumn);
    }

    @Override
    public String name() {
        return "image-folder";
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public ImageDataset apply(Table input, RunContext context) {
        ImageDataset dataset = new ImageFolderWriter(config, context.random()).write(input);
        context.logMetric("images", dataset.entries().size());
        context.logMetric("classes", dataset.classes().size());
        dataset.counts().forEach((split, n) -> context.logMetric(split.folder(), n));
        context.logMetric("skipped", dataset.skipped().size());
        if (!dataset.skipped().isEmpty()) {
            context.writeArtifact("skipped.json",
                    out -> org.trustml.core.io.Json.writer().writeValue(out, dataset.skipped()));
        }
        return dataset;
    }

    /** Builds a {@link Config}; {@link #output} is required. */
    public static final class Builder {
        private final String fileColumn;
        private final String labelColumn;
        private Path imagesIn = Path.of("");
        private Path output;
        private double validation = 0.15;
        private double test = 0.15;
        private Placement placement = Placement.COPY;
        private double maxUnreadable = 0.05;

        private Builder(String fileColumn, String labelColumn) {
            this.fileColumn = requireNonNull(fileColumn, "fileColumn");
            this.labelColumn = requireNonNull(labelColumn, "labelColumn");
        }

        /** The folder relative file names start from. */
        public Builder imagesIn(Path folder) {
            this.imagesIn = requireNonNull(folder, "folder");
            return this;
        }

        /** The dataset's root (required). */
        public Builder output(Path root) {
            this.output = requireNonNull(root, "root");
            return this;
        }

        /** Shares of each class for validation and test; train gets the rest. */
        public Builder split(double validationFraction, double testFraction) {
            this.validation = validationFraction;
            this.test = testFraction;
            return this;
        }

        /** Copy (default) or hard-link the images. */
        public Builder placement(Placement placement) {
            this.placement = requireNonNull(placement, "placement");
            return this;
        }

        /** Largest share of rows that may be skipped as unreadable before the stage fails. */
        public Builder maxUnreadableFraction(double fraction) {
            this.maxUnreadable = fraction;
            return this;
        }

        public ImageFolder build() {
            if (output == null) {
                throw InvalidInputException.problem("is required").column("output")
                        .expected("the dataset's root folder, set with output(path)").build();
            }
            return of(new Config(fileColumn, labelColumn, imagesIn.toString(), output.toString(),
                    validation, test, placement, maxUnreadable));
        }
    }
}
