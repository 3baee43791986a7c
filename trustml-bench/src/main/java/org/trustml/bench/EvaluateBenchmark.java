package org.trustml.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trustml.core.images.ImageDataset;
import org.trustml.core.images.ImageEntry;
import org.trustml.core.images.Split;
import org.trustml.core.io.ContentHash;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.EvaluateImageClassifier;
import org.trustml.core.stages.ImageFolder;
import org.trustml.core.stages.Ingest;
import org.trustml.core.train.ImageClassifierConfig;
import org.trustml.core.train.TrainedModel;
import org.trustml.core.train.internal.ClassifierTraining;
import org.trustml.core.train.internal.ImageTensors;

/**
 * Evaluation of 10,000 images (64×64 PNG, MobileNetV2, two classes) through the evaluate stage,
 * against its two parts measured alone on the same files: decoding and tensorising every image
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
    static final int IMAGES = 10_000;
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
        Path images = Files.createDirectories(dir.resolve("images"));
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("file,label\n");
        int total = IMAGES + 200; // 100 per class stay for training: round(5,100 · 0.9804) = 5,000 per class tested
        for (int i = 0; i < total; i++) {
            BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    img.setRGB(x, y, rnd.nextInt(1 << 24));
                }
            }
            ImageIO.write(img, "png", images.resolve(i + ".png").toFile());
            csv.append(i).append(".png,").append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path meta = Files.writeString(dir.resolve("meta.csv"), csv);
        ImageDataset data = Pipeline.from(Ingest.csv(meta)).then(ImageFolder.builder("file", "label").imagesIn(images)
                        .output(dir.resolve("ds")).split(0, (double) IMAGES / total)
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
