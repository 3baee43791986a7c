package org.trustml.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trustml.core.io.ContentHash;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.Ingest;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.ImageTensors;
import org.trustml.vision.images.Split;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.train.ClassifierTraining;
import org.trustml.vision.train.ImageClassifierConfig;
import org.trustml.vision.train.TrainedModel;

/**
 * Evaluation of 10,000 images ({@link #images}; 64×64 PNG, MobileNetV2, two classes) through the
 * evaluate stage, against its two parts measured alone on the same files: decoding and tensorising every image
 * ({@code ImageTensors.load}, as the stage does), and the forward passes alone on tensors already
 * in memory (batches of 64, inference mode, softmax, copied out). The stage's time minus the two is
 * what the stage adds (reading the dataset, the classification report, writing the artifacts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-Dai.djl.offline=true"})
public class EvaluateBenchmark {
    static final int SIZE = 64;
    /** Images evaluated (10,000 in BENCHMARKS.md; smaller with {@code -p images=N}). */
    @Param({"10000"})
    int images;
    static final int BATCH = 64;

    Path dir;
    TrainedModel model;
    List<Path> files;
    float[][] tensors;
    Model loaded;

    /** Source stage that hands the prepared model to the evaluate stage. */
    record Given(TrainedModel model) implements Stage<Void, TrainedModel> {
        public String name() {
            return "model";
        }

        public Object config() {
            return model.paramsHash();
        }

        public TrainedModel apply(Void in, RunContext ctx) {
            return model;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("trustml-eval-bench");
        int total = images + 200; // 100 per class stay for training; round(n_class · images / total) are tested
        Path meta = BenchData.noiseImages(dir, total, SIZE, 3);
        Path pngs = dir.resolve("images");
        ImageDataset data = Pipeline.from(Ingest.csv(meta)).then(ImageFolder.builder("file", "label").imagesIn(pngs)
                        .output(dir.resolve("ds")).split(0, (double) images / total)
                        .placement(ImageFolder.Placement.HARD_LINK).build())
                .run(RunOptions.seed(1).withTracker(org.trustml.core.tracking.Tracker.none(dir.resolve("runs"))))
                .output();
        ImageClassifierConfig c = ImageClassifierConfig.mobileNetV2().withInputSize(SIZE).withSchedule(1, 32, 1e-3)
                .withAugmentation(false, false).withPatience(0);
        byte[] params = new ClassifierTraining(c, 7).train(data, e -> { }).bestParams();
        Path file = Files.write(dir.resolve("trustml-classifier-0000.params"), params);
        model = new TrainedModel(c.architecture(), file, ContentHash.of(params), data.labels(), SIZE, 1, List.of(),
                data.root());
        List<ImageEntry> test = data.entries(Split.TEST);
        files = test.stream().map(data::file).toList();
        tensors = new float[files.size()][];
        for (int i = 0; i < tensors.length; i++) {
            tensors[i] = ImageTensors.load(files.get(i), SIZE);
        }
        loaded = model.load();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loaded.close();
    }

    @Benchmark
    public Object evaluateStage() {
        return Pipeline.from(new Given(model)).then(EvaluateImageClassifier.onTestSplit())
                .run(RunOptions.seed(1).withTracker(org.trustml.core.tracking.Tracker.none(dir.resolve("eval-runs"))))
                .output().classification().overall().accuracy();
    }

    @Benchmark
    public double decodeAndTensorise() {
        double sum = 0;
        for (Path f : files) {
            sum += ImageTensors.load(f, SIZE)[0];
        }
        return sum;
    }

    @Benchmark
    public double forwardOnly() {
        int plane = 3 * SIZE * SIZE;
        double sum = 0;
        for (int from = 0; from < tensors.length; from += BATCH) {
            int n = Math.min(BATCH, tensors.length - from);
            float[] x = new float[n * plane];
            for (int i = 0; i < n; i++) {
                System.arraycopy(tensors[from + i], 0, x, i * plane, plane);
            }
            try (NDManager m = loaded.getNDManager().newSubManager()) {
                NDArray p = loaded.getBlock().forward(new ParameterStore(m, false),
                        new NDList(m.create(x, new Shape(n, 3, SIZE, SIZE))), false).singletonOrThrow().softmax(1);
                sum += p.toFloatArray()[0];
            }
        }
        return sum;
    }
}
