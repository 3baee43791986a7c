package org.trustml.samples.faces;

import java.nio.file.Path;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.Group;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;
import org.trustml.vision.train.ImageClassifierConfig;

/**
 * Sample (2): a gender classifier on {@link SyntheticFaces} (FairFace-like labels, race and age
 * imbalance), MobileNetV2 from scratch on the CPU, evaluated per race, per age group and per
 * race × age group (the seed's "confusion matrix for race = White and age = 20–29"), with the
 * fairness report for favorable label {@code Female} and privileged group {@code race=White}.
 * Gates: accuracy at least 0.8 overall and 0.7 for race=Black (the smallest, lowest-contrast group),
 * equal opportunity difference within ±0.1. The verdict is written, the run is not stopped.
 *
 * <pre>
 * mvn -q -pl samples -am package -DskipTests
 * java -cp "samples/target/classes:trustml-cli/target/lib/*" org.trustml.samples.faces.FaceAttributeSample out
 * </pre>
 */
public final class FaceAttributeSample {
    private FaceAttributeSample() {}

    /** How big a run is. */
    public record Size(int faces, int imageSize, int epochs) {}

    /** The default: 1,200 faces of 32², 8 epochs. */
    public static final Size DEFAULT = new Size(1200, 32, 8);

    /** Generates the faces under {@code out} and runs the pipeline. */
    public static PipelineRun<Blessing<ImageEvaluation>> run(Path out, Size size, long seed) {
        Path csv = SyntheticFaces.write(out, size.faces(), size.imageSize(), seed).writeCsv(out.resolve("faces.csv"));
        ImageFolder folder = ImageFolder.builder("file", "gender").imagesIn(out.resolve("images"))
                .output(out.resolve("dataset")).split(0.15, 0.25).build();
        ImageClassifierConfig config = ImageClassifierConfig.mobileNetV2().withInputSize(size.imageSize())
                .withSchedule(size.epochs(), 32, 1e-3).withAugmentation(true, false).withPatience(0);
        EvaluateImageClassifier evaluate = EvaluateImageClassifier.onTestSplit().slicedBy("race", "age_group")
                .crossSlicedBy("race", "age_group")
                .with(FairnessEvaluator.of("Female", Group.where("race", "White"), "race", "age_group"));
        Bless<ImageEvaluation> bless = Bless.by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.8),
                Gate.on(ClassificationMetric.ACCURACY).inSlice(Slice.of("race", "Black")).atLeast(0.7),
                Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).between(-0.1, 0.1));
        return Pipeline.from(Ingest.csv(csv)).then(folder).then(TrainImageClassifier.with(config)).then(evaluate)
                .then(bless).run(RunOptions.seed(seed).withExperiment("face-attributes")
                        .withMlflowStore(out.resolve("mlruns")));
    }

    public static void main(String[] args) throws java.io.IOException {
        Path out = java.nio.file.Files.createDirectories(Path.of(args.length > 0 ? args[0] : "face-attributes"));
        Size size = args.length > 1 ? new Size(Integer.parseInt(args[1]), DEFAULT.imageSize(), DEFAULT.epochs()) : DEFAULT;
        PipelineRun<Blessing<ImageEvaluation>> run = run(out, size, 42);
        run.output().evaluation().classification().slices().forEach(s -> System.out.printf("%-36s n=%4d accuracy %.3f%n",
                s.slice(), s.rows(), s.accuracy()));
        System.out.println(run.output().verdict().summary());
        System.out.println("run record: " + run.recordFile());
    }
}
