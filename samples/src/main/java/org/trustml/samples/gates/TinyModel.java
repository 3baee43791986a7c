package org.trustml.samples.gates;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.trustml.adversarial.GradientClassifier;
import org.trustml.adversarial.Models;
import org.trustml.adversarial.ClassifierOutput;
import org.trustml.explain.BatchModel;
import org.trustml.torch.GradientCollectors;
import org.trustml.torch.Losses;
import org.trustml.torch.SeededInitializer;

/**
 * The sample's model: a two-layer perceptron (flatten → 16 ReLU units → 2 logits) on the
 * {@link TinyData} patches, trained full-batch with Adam on the PyTorch engine. Milliseconds per
 * step, so a test suite or a notebook can train it; close it to free its parameters. The initial
 * weights come from the seed alone ({@link SeededInitializer}), never from DJL's engine-wide generator,
 * and the gradient passes go through {@link GradientCollectors}, so models trained on other threads at
 * the same time change nothing here.
 */
public final class TinyModel implements AutoCloseable {
    private final Model model;
    private final int epochs;

    private TinyModel(Model model, int epochs) {
        this.model = model;
        this.epochs = epochs;
    }

    /** Trains on {@code data} for {@code epochs} full-batch Adam steps (learning rate 0.05), seeded. */
    public static TinyModel train(TinyData data, int epochs, long seed) {
        requireNonNull(data, "data");
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(16).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(2).build());
        Model model = Model.newInstance("tiny-warm-cool", Device.cpu(), "PyTorch");
        model.setBlock(block);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Losses.softmaxCrossEntropy())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build())
                .optDevices(new Device[] {Device.cpu()})
                .optInitializer(SeededInitializer.heNormal(seed), Parameter.Type.WEIGHT);
        try (Trainer trainer = model.newTrainer(config); NDManager m = model.getNDManager().newSubManager()) {
            trainer.initialize(new Shape(1, 3, TinyData.SIZE, TinyData.SIZE));
            NDArray x = m.create(data.images(), new Shape(data.size(), 3, TinyData.SIZE, TinyData.SIZE));
            NDArray y = m.create(data.labels());
            for (int e = 0; e < epochs; e++) {
                try (GradientCollector g = GradientCollectors.open(trainer)) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    g.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
                }
                trainer.step();
            }
        }
        return new TinyModel(model, epochs);
    }

    /** How many steps it was trained for. */
    public int epochs() {
        return epochs;
    }

    /** Class probabilities, {@code [N][2]}. */
    public double[][] probabilities(TinyData data) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(data.images(), new Shape(data.size(), 3, TinyData.SIZE, TinyData.SIZE));
            float[] p = logits(x).softmax(1).toFloatArray();
            double[][] out = new double[data.size()][2];
            for (int i = 0; i < out.length; i++) {
                out[i][0] = p[2 * i];
                out[i][1] = p[2 * i + 1];
            }
            return out;
        }
    }

    /** Logits for a batch {@code [N, 3, SIZE, SIZE]}. */
    public NDArray logits(NDArray batch) {
        return model.getBlock().forward(new ai.djl.training.ParameterStore(batch.getManager(), false),
                new NDList(batch), false).singletonOrThrow();
    }

    /** The model for FGSM/PGD (gradients through the block). */
    public GradientClassifier forAttacks() {
        return Models.block(model.getName(), model.getBlock(), ClassifierOutput.LOGITS, Device.cpu());
    }

    /** The model for LIME: probabilities of a batch. */
    public BatchModel forLime() {
        return batch -> logits(batch).softmax(1);
    }

    /** The model's DJL manager, for arrays that live as long as it does. */
    public NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public void close() {
        model.close();
    }
}
