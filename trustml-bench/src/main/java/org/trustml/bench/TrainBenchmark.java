package org.trustml.bench;

import ai.djl.Model;
import ai.djl.basicmodelzoo.cv.classification.MobileNetV2;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Ingest;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.ImageTensors;
import org.trustml.vision.images.Split;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.train.ClassifierTraining;
import org.trustml.vision.train.ImageClassifierConfig;

/**
 * The train stage's loop against a bare DJL loop on the same model (MobileNetV2, 64×64 RGB, batch
 * 32, Adam 1e-3) and the same 128 training images: one epoch each, from a freshly initialised
 * network. The bare loop gets its batches as ready float arrays; the stage also shuffles, augments
 * (flip and crop) and validates on 32 images, as it does in use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dai.djl.offline=true"})
public class TrainBenchmark {
    static final int SIZE = 64;
    static final int BATCH = 32;

    ImageDataset data;
    float[][] trainImages;
    int[] trainLabels;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("trustml-train-bench");
        Path meta = BenchData.noiseImages(dir, 200, SIZE, 1);
        Path images = dir.resolve("images");
        // 200 images: validation round(100 * 0.16) = 16 per class, test 20 per class, train 64 per class = 128
        ImageFolder folder = ImageFolder.builder("file", "label").imagesIn(images).output(dir.resolve("ds"))
                .split(0.16, 0.2).build();
        data = Pipeline.from(Ingest.csv(meta)).then(folder)
                .run(RunOptions.seed(1).withTracker(org.trustml.core.tracking.Tracker.none(dir.resolve("runs")))).output();
        List<ImageEntry> train = data.entries(Split.TRAIN);
        trainImages = new float[train.size()][];
        trainLabels = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            trainImages[i] = ImageTensors.load(data.file(train.get(i)), SIZE);
            trainLabels[i] = train.get(i).classIndex();
        }
    }

    @Benchmark
    public Object trustmlTrainStageOneEpoch() {
        ImageClassifierConfig c = ImageClassifierConfig.mobileNetV2().withInputSize(SIZE).withSchedule(1, BATCH, 1e-3)
                .withAugmentation(true, true).withPatience(0);
        return new ClassifierTraining(c, 7).train(data, e -> { }).bestParams().length;
    }

    @Benchmark
    public float bareDjlLoopOneEpoch() {
        Engine.getInstance().setRandomSeed(7);
        int plane = 3 * SIZE * SIZE;
        float last = 0;
        try (Model model = Model.newInstance("bare")) {
            model.setBlock(MobileNetV2.builder().setOutSize(2).build());
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(1, 3, SIZE, SIZE));
                int n = trainImages.length;
                for (int from = 0; from < n; from += BATCH) {
                    int b = Math.min(BATCH, n - from);
                    float[] x = new float[b * plane];
                    float[] y = new float[b];
                    for (int i = 0; i < b; i++) {
                        System.arraycopy(trainImages[from + i], 0, x, i * plane, plane);
                        y[i] = trainLabels[from + i];
                    }
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray xs = m.create(x, new Shape(b, 3, SIZE, SIZE));
                        NDArray ys = m.create(y, new Shape(b));
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(xs)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(ys), new NDList(logits));
                            gc.backward(loss);
                            last = loss.getFloat();
                        }
                        trainer.step();
                    }
                }
            }
        }
        return last;
    }
}
