package org.trustml.drift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluator;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.ImageTensors;
import org.trustml.vision.images.Split;
import org.trustml.vision.train.TrainedModel;

/**
 * The drift check of the evaluate stage: compares the evaluated split with a reference split
 * (validation by default) on per-image features, with the statistical tests of {@link Drift}
 * (Evidently's default test per column, Bonferroni over the columns): the mean and standard
 * deviation of each colour channel at the model's input size ({@code mean_r}, {@code std_r}, …)
 * and the model's probability of each class ({@code p_<label>}: prediction drift). At most
 * {@code maxImages} of each split are used (the first ones).
 *
 * <p>The reference must be held out of training: a model's probabilities on the images it was
 * fitted on differ from those on any other images, so with the train split as reference the
 * prediction columns drift for a random split of one data set (the demo's test split against its
 * train split: p = 0.016 on both probability columns, "drifted: yes" without a correction). The
 * validation split only chose the checkpoint.
 *
 * @param reference the split to compare against (not {@link Split#TRAIN}: see above)
 * @param maxImages how many images of each split to use
 */
public record ImageDriftEvaluator(Split reference, int maxImages) implements ImageEvaluator {
    public ImageDriftEvaluator {
        java.util.Objects.requireNonNull(reference, "reference");
        if (maxImages < 2) {
            throw InvalidInputException.problem("is too small").column("maxImages").value(maxImages)
                    .expected("at least 2").build();
        }
    }

    /** The evaluated split against the validation split (held out of training), up to 500 images each. */
    public static ImageDriftEvaluator againstValidation() {
        return new ImageDriftEvaluator(Split.VALIDATION, 500);
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public Object config() {
        return this;
    }

    @Override
    public DriftReport evaluate(ImageEvaluationInput in, RunContext context) {
        List<Path> ref = in.dataset().entries(reference).stream().limit(maxImages).map(in.dataset()::file).toList();
        List<Path> cur = in.entries().stream().limit(maxImages).map(ImageEntry::path).map(in.dataset().root()::resolve)
                .toList();
        if (ref.size() < 2 || cur.size() < 2) {
            throw InvalidInputException.problem("has too few images to compare: " + ref.size() + " in "
                    + reference.folder() + " and " + cur.size() + " in " + in.split().folder())
                    .file(in.dataset().root()).expected("at least 2 images in each split").build();
        }
        Table r = features(in.model(), ref, in.model().predictProbabilities(in.loaded(), ref));
        Table c = features(in.model(), cur, java.util.Arrays.copyOf(in.probabilities(), cur.size()));
        return compare(r, c);
    }

    /** The comparison of two feature tables, as {@link #evaluate} runs it. */
    static DriftReport compare(Table reference, Table current) {
        return Drift.between(reference, current).correction(Correction.BONFERRONI).report();
    }

    /** The features of {@code files}: channel means and standard deviations, then one column per class. */
    static Table features(TrainedModel model, List<Path> files, double[][] probabilities) {
        int size = model.inputSize();
        int plane = size * size;
        int n = files.size();
        double[][] stats = new double[6][n];
        for (int i = 0; i < n; i++) {
            float[] x = ImageTensors.load(files.get(i), size);
            for (int ch = 0; ch < 3; ch++) {
                double sum = 0;
                double sq = 0;
                for (int k = ch * plane; k < (ch + 1) * plane; k++) {
                    sum += x[k];
                    sq += (double) x[k] * x[k];
                }
                double mean = sum / plane;
                stats[2 * ch][i] = mean;
                stats[2 * ch + 1][i] = Math.sqrt(Math.max(0, sq / plane - mean * mean));
            }
        }
        List<org.trustml.core.table.Column> cols = new ArrayList<>();
        String[] names = {"mean_r", "std_r", "mean_g", "std_g", "mean_b", "std_b"};
        for (int k = 0; k < 6; k++) {
            cols.add(DoubleColumn.of(names[k], stats[k]));
        }
        List<String> classes = model.classes();
        for (int j = 0; j < classes.size(); j++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = probabilities[i][j];
            }
            cols.add(DoubleColumn.of("p_" + classes.get(j), p));
        }
        return Table.of(cols);
    }
}
