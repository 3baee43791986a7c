package org.trustml.vision.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.ContentHash;
import org.trustml.torch.ConvolutionGradients;
import org.trustml.torch.GradientCollectors;
import org.trustml.torch.Losses;
import org.trustml.torch.SeededInitializer;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.ImageTensors;
import org.trustml.vision.images.Split;

/**
 * The training loop: Adam on softmax cross-entropy, one shuffled pass over the training split per
 * epoch, validation in inference mode after each, the parameters of the best validation accuracy
 * (lowest validation loss on ties; the last epoch without a validation split) kept in memory.
 *
 * <p>Every random choice (initial weights, batch order, flips and crops) comes from this run's
 * generator, seeded by the caller; nothing draws from or seeds DJL's engine-wide generator, so runs
 * on other threads cannot change this one. A TorchScript network that uses dropout or other random
 * layers in training mode draws from libtorch's global generator, which trustml does not seed.
 */
public final class ClassifierTraining {
    private final ImageClassifierConfig config;
    private final SplittableRandom random;

    public ClassifierTraining(ImageClassifierConfig config, long seed) {
        this.config = config;
        this.random = new SplittableRandom(seed);
    }

    /**
     * What the loop produced: the best parameters (DJL's file format; for a TorchScript network, the
     * TorchScript file with the trained weights) and the history.
     */
    public record Outcome(byte[] bestParams, int bestEpoch, List<EpochMetrics> history) {}

    /** Called after every training batch: task ("epoch 2/5"), batches done, batches per epoch. */
    public interface BatchListener {
        void batchDone(String task, long done, long total);
    }

    private BatchListener batches = (task, done, total) -> { };

    /** Reports each finished batch to {@code listener}. */
    public ClassifierTraining onBatch(BatchListener listener) {
        this.batches = listener;
        return this;
    }

    public Outcome train(ImageDataset data, Consumer<EpochMetrics> onEpoch) {
        int size = config.inputSize();
        int k = data.classes().size();
        if (k < 2) {
            throw InvalidInputException.problem("has fewer than two classes").file(data.root())
                    .value(data.labels()).expected("at least two classes to train a classifier").build();
        }
        Loaded train = load(data, Split.TRAIN, size);
        Loaded validation = load(data, Split.VALIDATION, size);
        if (train.labels.length == 0) {
            throw InvalidInputException.problem("has no training images").file(data.root())
                    .expected("a train split with images").build();
        }
        ConvolutionGradients.ensureCorrect();
        try (Model model = network(data.labels(), train.images.get(0))) {
            // weights drawn from this run's generator, not the engine-wide one (see SeededInitializer)
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Losses.softmaxCrossEntropy())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build())
                    .optInitializer(SeededInitializer.heNormal(random.nextLong()), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(1, 3, size, size));
                return loop(model, trainer, train, validation, onEpoch);
            }
        }
    }

    /**
     * The network to train: built from the architecture (with the initial weights loaded, if any, before the
     * trainer initialises the rest), or read from the TorchScript file and checked against the classes.
     */
    private Model network(List<String> classes, float[] firstImage) {
        Optional<Path> weights = config.initialWeights().map(Path::of);
        weights.ifPresent(this::checkUnchanged);
        if (!config.architecture().isBuilt()) {
            Path file = weights.orElseThrow();
            Model model = TorchScripts.load(file, true);
            try {
                TorchScripts.checkOutput(model, file, firstImage, config.inputSize(), classes);
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            return model;
        }
        Model model = Model.newInstance(TrainedModel.MODEL_NAME);
        model.setBlock(config.architecture().newBlock(classes.size(), config.inputSize()));
        try {
            weights.ifPresent(p -> loadInto(model, p));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    private void checkUnchanged(Path weights) {
        if (!Files.isRegularFile(weights)) {
            throw InvalidInputException.problem("does not exist").file(weights)
                    .expected("the initial-weights file named in the configuration").build();
        }
        String now = ContentHash.ofFile(weights);
        if (!config.initialWeightsHash().orElseThrow().equals(now)) {
            throw InvalidInputException.problem("has changed since the configuration was made").file(weights).value(now)
                    .expected("content hash " + config.initialWeightsHash().orElseThrow()).build();
        }
    }

    private Outcome loop(Model model, Trainer trainer, Loaded train, Loaded validation, Consumer<EpochMetrics> onEpoch) {
        int size = config.inputSize();
        int plane = 3 * size * size;
        List<EpochMetrics> history = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = 0;
        double bestAcc = Double.NEGATIVE_INFINITY;
        double bestLoss = Double.POSITIVE_INFINITY;
        int stale = 0;
        int n = train.labels.length;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            int[] order = shuffled(n);
            double lossSum = 0;
            long right = 0;
            for (int from = 0; from < n; from += config.batchSize()) {
                int b = Math.min(config.batchSize(), n - from);
                float[] x = new float[b * plane];
                float[] y = new float[b];
                for (int i = 0; i < b; i++) {
                    int r = order[from + i];
                    ImageTensors.augment(train.images.get(r), size, config.flip(), config.crop(), random, x, i * plane);
                    y[i] = train.labels[r];
                }
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDArray xs = m.create(x, new Shape(b, 3, size, size));
                    NDArray ys = m.create(y, new Shape(b));
                    try (GradientCollector gc = GradientCollectors.open(trainer)) {
                        NDArray logits = trainer.forward(new NDList(xs)).singletonOrThrow();
                        NDArray loss = trainer.getLoss().evaluate(new NDList(ys), new NDList(logits));
                        gc.backward(loss);
                        lossSum += loss.getFloat() * b;
                        right += correct(logits, y);
                    }
                    trainer.step();
                }
                batches.batchDone("epoch " + epoch + "/" + config.epochs(), from / config.batchSize() + 1L,
                        (n + config.batchSize() - 1) / config.batchSize());
            }
            double[] val = validate(trainer, validation);
            EpochMetrics em = new EpochMetrics(epoch, lossSum / n, (double) right / n, val[0], val[1]);
            history.add(em);
            onEpoch.accept(em);
            boolean better = validation.labels.length == 0
                    || val[1] > bestAcc || val[1] == bestAcc && val[0] < bestLoss;
            if (better) {
                best = config.architecture().isBuilt() ? snapshot(model) : TorchScripts.save(model);
                bestEpoch = epoch;
                bestAcc = val[1];
                bestLoss = val[0];
                stale = 0;
            } else if (config.patience() > 0 && ++stale >= config.patience()) {
                break;
            }
        }
        return new Outcome(best, bestEpoch, history);
    }

    private double[] validate(Trainer trainer, Loaded validation) {
        int n = validation.labels.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int size = config.inputSize();
        int plane = 3 * size * size;
        double lossSum = 0;
        long right = 0;
        for (int from = 0; from < n; from += config.batchSize()) {
            int b = Math.min(config.batchSize(), n - from);
            float[] x = new float[b * plane];
            float[] y = new float[b];
            for (int i = 0; i < b; i++) {
                System.arraycopy(validation.images.get(from + i), 0, x, i * plane, plane);
                y[i] = validation.labels[from + i];
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new NDList(m.create(x, new Shape(b, 3, size, size)))).singletonOrThrow();
                lossSum += trainer.getLoss().evaluate(new NDList(m.create(y, new Shape(b))), new NDList(logits)).getFloat() * b;
                right += correct(logits, y);
            }
        }
        return new double[] {lossSum / n, (double) right / n};
    }

    private static long correct(NDArray logits, float[] y) {
        long[] pred = logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
        long right = 0;
        for (int i = 0; i < y.length; i++) {
            right += pred[i] == (long) y[i] ? 1 : 0;
        }
        return right;
    }

    private int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The model's parameters in DJL's file format, through a temporary folder. */
    private static byte[] snapshot(Model model) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("trustml-checkpoint");
            model.save(dir, TrainedModel.MODEL_NAME);
            try (Stream<Path> files = Files.list(dir)) {
                Path params = files.filter(p -> p.getFileName().toString().endsWith(".params")).findFirst().orElseThrow();
                return Files.readAllBytes(params);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not snapshot the model's parameters", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void loadInto(Model model, Path params) {
        try {
            ModelParams.load(model, params);
        } catch (InvalidInputException e) {
            throw InvalidInputException.problem("cannot be loaded as initial weights: " + e.problemText()).file(params)
                    .expected("DJL parameters of the same architecture and number of classes").build(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it
        }
    }

    private record Loaded(List<float[]> images, int[] labels) {}

    private static Loaded load(ImageDataset data, Split split, int size) {
        List<ImageEntry> entries = data.entries(split);
        List<float[]> images = new ArrayList<>(entries.size());
        int[] labels = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            images.add(ImageTensors.load(data.file(entries.get(i)), size));
            labels[i] = entries.get(i).classIndex();
        }
        return new Loaded(images, labels);
    }
}
