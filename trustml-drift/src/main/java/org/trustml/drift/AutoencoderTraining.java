package org.trustml.drift;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.TrustmlException;
import org.trustml.drift.internal.AutoencoderNetwork;
import org.trustml.torch.ConvolutionGradients;
import org.trustml.torch.GradientCollectors;
import org.trustml.torch.Losses;
import org.trustml.torch.SeededInitializer;

/** Training and scoring of the autoencoder, on the default DJL engine. */
final class AutoencoderTraining {
    private static final Logger LOG = LoggerFactory.getLogger(AutoencoderTraining.class);
    /** Samples per forward pass when scoring. */
    static final int SCORE_BATCH = 1024;

    private AutoencoderTraining() {}

    /** A new model holding an untrained network for this shape. */
    static Model newModel(List<Integer> shape, AutoencoderConfig config) {
        Model model = Model.newInstance(CheckerFile.MODEL_NAME);
        Block block = shape.size() == 1 ? AutoencoderNetwork.dense(shape.get(0), config.hidden(), config.latent())
                : AutoencoderNetwork.convolutional(shape.get(0), config.filters());
        model.setBlock(block);
        return model;
    }

    static Shape batchShape(int n, List<Integer> shape) {
        long[] dims = new long[shape.size() + 1];
        dims[0] = n;
        for (int i = 0; i < shape.size(); i++) {
            dims[i + 1] = shape.get(i);
        }
        return new Shape(dims);
    }

    static float[] flatten(float[][] rows, int[] order, int from, int to, int width) {
        float[] flat = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(rows[order == null ? i : order[i]], 0, flat, (i - from) * width, width);
        }
        return flat;
    }

    /**
     * Trains with Adam on the mean squared reconstruction error ({@code L2Loss}); weights from
     * {@link SeededInitializer#glorotUniform} (this run's generator, not the engine's), minibatch order from a seeded shuffle. Rows must already be
     * standardised.
     */
    static void train(Model model, float[][] rows, List<Integer> shape, AutoencoderConfig config) {
        ConvolutionGradients.ensureCorrectFor(model.getNDManager());
        int width = rows[0].length;
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Losses.halfSquaredError())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .build())
                .optInitializer(SeededInitializer.glorotUniform(config.seed()), Parameter.Type.WEIGHT);
        SplittableRandom shuffle = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        try (Trainer trainer = model.newTrainer(tc)) {
            trainer.initialize(batchShape(Math.min(config.batchSize(), rows.length), shape));
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                double lossSum = 0;
                int batches = 0;
                for (int from = 0; from < rows.length; from += config.batchSize()) {
                    int to = Math.min(rows.length, from + config.batchSize());
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray x = batch.create(flatten(rows, order, from, to, width), batchShape(to - from, shape));
                        lossSum += backwardWithFiniteGradients(trainer, model, x, epoch, from);
                        trainer.step();
                    }
                    batches++;
                }
                LOG.debug("autoencoder epoch {}: mean loss {}", epoch + 1, lossSum / batches);
            }
        }
    }

    /**
     * Forward and backward pass of one minibatch; refuses a loss or gradient that is not finite, which would
     * turn every later step into NaN (DJL's {@code zeroGradients} subtracts a gradient from itself, which
     * keeps a NaN). Intermittent NaN gradients seen here before (2 of 40 identical calls) came from DJL's
     * {@code L2Loss}, whose weight the backward pass read from freed memory after a garbage collection; the
     * loss is now {@link Losses#halfSquaredError()} (see {@code OwnedScalars}), and the same inputs give the
     * same step every time.
     *
     * @return the minibatch's loss
     */
    static double backwardWithFiniteGradients(Trainer trainer, Model model, NDArray x, int epoch, int firstRow) {
        double loss;
        try (GradientCollector gc = GradientCollectors.open(trainer)) {
            NDArray xHat = trainer.forward(new NDList(x)).singletonOrThrow();
            NDArray l = trainer.getLoss().evaluate(new NDList(x), new NDList(xHat));
            gc.backward(l);
            loss = l.getFloat();
        }
        if (!Double.isFinite(loss) || !gradientsFinite(model)) {
            throw new TrustmlException("autoencoder training stopped in epoch " + (epoch + 1) + " at the minibatch "
                    + "starting with training row " + (firstRow + 1) + ": the loss (" + loss + ") or a gradient "
                    + "was not finite (lower the learning rate, or check the samples for extreme values)");
        }
        return loss;
    }

    private static boolean gradientsFinite(Model model) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            NDArray g = p.getValue().getArray().getGradient();
            if (!g.isInfinite().logicalOr(g.isNaN()).none().getBoolean()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per-sample scores; rows already standardised. Images go through {@link ConvScorer} (the same
     * network in plain Java, several times faster than libtorch for these few channels); tables
     * through the DJL model ({@link #engineScore}).
     */
    static double[] score(Model model, float[][] rows, List<Integer> shape, ScoreKind kind, double percent) {
        if (shape.size() == 3) {
            return ConvScorer.of(model.getBlock(), shape).score(rows, kind, percent);
        }
        return engineScore(model, rows, shape, kind, percent);
    }

    /** Per-sample scores from the DJL model's forward pass, {@value #SCORE_BATCH} samples at a time. */
    static double[] engineScore(Model model, float[][] rows, List<Integer> shape, ScoreKind kind, double percent) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        double[] scores = new double[rows.length];
        int keep = (int) Math.ceil(percent / 100 * width);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(manager, false);
            for (int from = 0; from < rows.length; from += SCORE_BATCH) {
                int to = Math.min(rows.length, from + SCORE_BATCH);
                try (NDManager batch = manager.newSubManager()) {
                    NDArray x = batch.create(flatten(rows, null, from, to, width), batchShape(to - from, shape));
                    NDArray xHat = model.getBlock().forward(ps, new NDList(x), false).singletonOrThrow();
                    NDArray sq = x.sub(xHat).square().reshape(to - from, width);
                    if (kind == ScoreKind.L2) {
                        float[] s = sq.sum(new int[] {1}).sqrt().toFloatArray();
                        for (int i = 0; i < s.length; i++) {
                            scores[from + i] = s[i];
                        }
                    } else if (keep >= width) {
                        float[] s = sq.mean(new int[] {1}).toFloatArray();
                        for (int i = 0; i < s.length; i++) {
                            scores[from + i] = s[i];
                        }
                    } else {
                        float[] s = sq.toFloatArray();
                        float[] row = new float[width];
                        for (int i = 0; i < to - from; i++) {
                            System.arraycopy(s, i * width, row, 0, width);
                            scores[from + i] = meanOfLargest(row, keep);
                        }
                    }
                }
            }
        }
        return scores;
    }

    /** Mean of the {@code keep} largest values (alibi-detect's top {@code outlier_perc}%); sorts {@code values}. */
    static double meanOfLargest(float[] values, int keep) {
        Arrays.sort(values);
        double sum = 0;
        for (int k = values.length - keep; k < values.length; k++) {
            sum += values[k];
        }
        return sum / keep;
    }
}
