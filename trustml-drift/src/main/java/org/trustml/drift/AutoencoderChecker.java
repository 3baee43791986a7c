package org.trustml.drift;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.Versions;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.Json;
import org.trustml.drift.internal.KCenter;
import org.trustml.drift.internal.SortedSample;

/**
 * Scanflow's autoencoder drift checker and improver: an autoencoder trained on reference data
 * scores each new sample by its reconstruction error; thresholds at reference-score quantiles
 * flag anomalies, two tests decide whether a batch drifted ({@link BatchVerdict}), and
 * {@link #select} picks the samples most worth labelling.
 *
 * <pre>{@code
 * try (AutoencoderChecker c = AutoencoderChecker.train(Samples.images(ref, 1, 28, 28), AutoencoderConfig.defaults())) {
 *     BatchVerdict v = c.check(Samples.images(batch, 1, 28, 28));
 *     int[] toLabel = c.select(batch, 10);
 * }
 * }</pre>
 *
 * <p>Tables (shape {@code [features]}) are standardised with the reference mean and standard
 * deviation (a constant feature keeps scale 1) and go through a dense autoencoder; images
 * ({@code [c, h, w]}, h and w divisible by 4) through a convolutional one. Training is seeded:
 * same data and config ⇒ same weights and scores on the same engine and thread count. Holds a
 * DJL model: close it.
 */
public final class AutoencoderChecker implements AutoCloseable {
    private static final String SAVE_TARGET = "a new or empty folder, or a saved checker to replace";

    private final Model model;
    private final AutoencoderConfig config;
    private final List<Integer> shape;
    private final float[] mean;
    private final float[] std;
    private final double[] referenceScores; // sorted
    private final double high;
    private final double low;

    private AutoencoderChecker(Model model, AutoencoderConfig config, List<Integer> shape, float[] mean, float[] std,
            double[] referenceScores, double high, double low) {
        this.model = model;
        this.config = config;
        this.shape = List.copyOf(shape);
        this.mean = mean;
        this.std = std;
        this.referenceScores = referenceScores;
        this.high = high;
        this.low = low;
    }

    /** Trains a checker on reference samples (at least two). */
    public static AutoencoderChecker train(Samples reference, AutoencoderConfig config) {
        requireNonNull(reference, "reference");
        requireNonNull(config, "config");
        if (reference.size() < 2) {
            throw InvalidInputException.problem("has too few samples").column("reference").value(reference.size())
                    .expected("at least 2 reference samples").build();
        }
        if (reference.isImage() && (reference.shape().get(1) % 4 != 0 || reference.shape().get(2) % 4 != 0)) {
            throw InvalidInputException.problem("is not divisible by 4").column("image size")
                    .value(reference.shape().get(1) + "x" + reference.shape().get(2))
                    .expected("height and width divisible by 4 (two stride-2 convolutions)").build();
        }
        int width = reference.width();
        float[] mean = new float[width];
        float[] std = new float[width];
        Arrays.fill(std, 1f);
        if (!reference.isImage()) {
            for (int j = 0; j < width; j++) {
                double s = 0;
                for (float[] r : reference.rows()) {
                    s += r[j];
                }
                double m = s / reference.size();
                double v = 0;
                for (float[] r : reference.rows()) {
                    v += (r[j] - m) * (r[j] - m);
                }
                double sd = Math.sqrt(v / reference.size());
                mean[j] = (float) m;
                std[j] = sd > 0 ? (float) sd : 1f;
            }
        }
        Model model = AutoencoderTraining.newModel(reference.shape(), config);
        try {
            float[][] rows = standardise(reference.rows(), mean, std, reference.isImage());
            float[][][] split = splitCalibration(rows, config);
            AutoencoderTraining.train(model, split[0], reference.shape(), config);
            double[] scores = AutoencoderTraining.score(model, split[1], reference.shape(), config.score(),
                    config.outlierPercent());
            SortedSample sorted = SortedSample.of(scores);
            return new AutoencoderChecker(model, config, reference.shape(), mean, std, sorted.values(),
                    sorted.quantile(config.highQuantile()), sorted.quantile(config.lowQuantile()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** {training rows, calibration rows}: a seeded shuffle, the last {@code calibrationFraction} held out. */
    private static float[][][] splitCalibration(float[][] rows, AutoencoderConfig config) {
        int held = (int) Math.floor(rows.length * config.calibrationFraction());
        if (held == 0) {
            return new float[][][] {rows, rows};
        }
        if (rows.length - held < 1 || held < 2) {
            throw InvalidInputException.problem("leaves too few rows for training or calibration")
                    .column("calibration_fraction").value(config.calibrationFraction())
                    .expected("at least 1 training and 2 calibration rows of " + rows.length).build();
        }
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(config.seed() ^ 0x2545F4914F6CDD1DL);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[][] train = new float[rows.length - held][];
        float[][] calibration = new float[held][];
        for (int i = 0; i < order.length; i++) {
            if (i < train.length) {
                train[i] = rows[order[i]];
            } else {
                calibration[i - train.length] = rows[order[i]];
            }
        }
        return new float[][][] {train, calibration};
    }

    private static float[][] standardise(float[][] rows, float[] mean, float[] std, boolean image) {
        if (image) {
            return rows;
        }
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float[] r = new float[rows[i].length];
            for (int j = 0; j < r.length; j++) {
                r[j] = (rows[i][j] - mean[j]) / std[j];
            }
            out[i] = r;
        }
        return out;
    }

    private void requireShape(Samples batch) {
        if (!batch.shape().equals(shape)) {
            throw InvalidInputException.problem("does not match the checker's sample shape " + shape)
                    .column("shape").value(batch.shape())
                    .expected(shape.size() == 3 ? "images of " + shape.get(0) + "x" + shape.get(1) + "x" + shape.get(2)
                            + " (channels x height x width)" : shape.get(0) + " features")
                    .build();
        }
    }

    /** Per-sample scores of a batch, in batch order. */
    public double[] score(Samples batch) {
        requireShape(batch);
        return AutoencoderTraining.score(model, standardise(batch.rows(), mean, std, batch.isImage()), shape,
                config.score(), config.outlierPercent());
    }

    /**
     * The same scores as {@link #score}, computed by DJL's forward pass on the engine instead of trustml's
     * plain-Java scorer of image networks (for tables both are the engine's): a cross-check of the
     * scorer, and the baseline of its benchmark. Slower for images.
     */
    public double[] scoreOnEngine(Samples batch) {
        requireShape(batch);
        return AutoencoderTraining.engineScore(model, standardise(batch.rows(), mean, std, batch.isImage()), shape,
                config.score(), config.outlierPercent());
    }

    /** Scores a batch, finds its anomalies and decides whether it drifted. */
    public BatchVerdict check(Samples batch) {
        if (batch.size() == 0) {
            throw InvalidInputException.problem("has no samples").column("batch").expected("at least one sample").build();
        }
        return BatchTests.verdict(score(batch), referenceScores, high, low, config);
    }

    /**
     * Active learning: the indices of the {@code k} highest-scoring samples, highest first (ties
     * by index) — Scanflow's improver labels the points the model reconstructs worst.
     */
    public int[] select(Samples batch, int k) {
        double[] scores = score(batch);
        return KCenter.topK(scores, checkK(k, batch.size()));
    }

    /**
     * Active learning with diversity: among the samples above the high threshold (or the top
     * {@code k} if fewer are), a greedy k-center choice in the (standardised) input space,
     * starting from the highest score, each next pick the candidate farthest from those chosen.
     */
    public int[] selectDiverse(Samples batch, int k) {
        double[] scores = score(batch);
        float[][] rows = standardise(batch.rows(), mean, std, batch.isImage());
        return KCenter.select(rows, scores, high, checkK(k, batch.size()));
    }

    private static int checkK(int k, int n) {
        if (k < 1 || k > n) {
            throw InvalidInputException.problem("is out of range").column("k").value(k)
                    .expected("1 <= k <= batch size " + n).build();
        }
        return k;
    }

    /** The high (anomaly) threshold. */
    public double highThreshold() {
        return high;
    }

    /** The low threshold. */
    public double lowThreshold() {
        return low;
    }

    public AutoencoderConfig config() {
        return config;
    }

    /** The sample shape the checker was trained on. */
    public List<Integer> shape() {
        return shape;
    }

    /**
     * Saves model parameters, thresholds, standardisation, reference scores and config into
     * {@code directory} (format version {@value CheckerFile#FORMAT_VERSION}), atomically: written
     * into a sibling temporary directory, then renamed into place ({@link AtomicFiles#writeDirectory}).
     * An existing {@code directory} is replaced only when it is empty or a saved checker (it holds
     * {@value CheckerFile#NAME}); any other folder, a file or a symbolic link is refused.
     */
    public Path save(Path directory) {
        CheckerFile file = new CheckerFile(CheckerFile.FORMAT_VERSION, Versions.djl(), config, shape, boxed(mean),
                boxed(std), high, low, Arrays.stream(referenceScores).boxed().toList());
        return AtomicFiles.writeDirectory(directory, AutoencoderChecker::isSaved, SAVE_TARGET, tmp -> {
            model.save(tmp, CheckerFile.MODEL_NAME);
            AtomicFiles.write(tmp.resolve(CheckerFile.NAME), out -> Json.writer().writeValue(out, file));
        });
    }

    /** Checks, before anything is trained or written, that {@link #save} would accept {@code directory}. */
    public static Path checkSaveTarget(Path directory) {
        return AtomicFiles.checkDirectory(directory, AutoencoderChecker::isSaved, SAVE_TARGET);
    }

    private static boolean isSaved(Path directory) {
        return Files.isRegularFile(directory.resolve(CheckerFile.NAME), LinkOption.NOFOLLOW_LINKS);
    }

    /** Loads a checker saved by {@link #save}. */
    public static AutoencoderChecker load(Path directory) {
        Path meta = directory.resolve(CheckerFile.NAME);
        if (!Files.isRegularFile(meta)) {
            throw InvalidInputException.problem("is not a saved autoencoder checker").file(directory)
                    .expected("a directory with " + CheckerFile.NAME).build();
        }
        CheckerFile file;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Json.reader().readTree(Files.readString(meta));
            int version = tree.path("format_version").asInt(-1);
            if (version != CheckerFile.FORMAT_VERSION) {
                throw InvalidInputException.problem("has an unsupported format version").file(meta)
                        .value(tree.path("format_version").asText("absent"))
                        .expected("format_version " + CheckerFile.FORMAT_VERSION).build();
            }
            file = Json.readerFor(CheckerFile.class).treeToValue(tree, CheckerFile.class);
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot be read: " + e.getMessage().lines().findFirst().orElse(""))
                    .file(meta).expected("checker.json written by trustml").build(e);
        }
        Model model = AutoencoderTraining.newModel(file.shape(), file.config());
        try {
            model.load(directory, CheckerFile.MODEL_NAME);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw InvalidInputException.problem("has unreadable model parameters: " + e.getMessage()).file(directory)
                    .expected(CheckerFile.MODEL_NAME + "-0000.params written by trustml").build(e);
        }
        double[] scores = file.referenceScores().stream().mapToDouble(Double::doubleValue).toArray();
        return new AutoencoderChecker(model, file.config(), file.shape(), unboxed(file.featureMean()),
                unboxed(file.featureStd()), scores, file.highThreshold(), file.lowThreshold());
    }

    private static List<Float> boxed(float[] v) {
        List<Float> out = new ArrayList<>(v.length);
        for (float f : v) {
            out.add(f);
        }
        return out;
    }

    private static float[] unboxed(List<Float> v) {
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    /** Closes the DJL model. */
    @Override
    public void close() {
        model.close();
    }
}
