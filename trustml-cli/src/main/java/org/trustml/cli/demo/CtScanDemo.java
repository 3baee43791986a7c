package org.trustml.cli.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trustml.adversarial.NativeHeap;
import org.trustml.adversarial.Norm;
import org.trustml.adversarial.RobustnessEvaluator;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.Progress;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Filter;
import org.trustml.core.stages.Ingest;
import org.trustml.core.tracking.MlflowFileStore;
import org.trustml.core.tracking.MlflowServer;
import org.trustml.core.tracking.Tracker;
import org.trustml.drift.ImageDriftEvaluator;
import org.trustml.explain.LimeEvaluator;
import org.trustml.explain.Slic;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.Group;
import org.trustml.modelcard.CardRenderer;
import org.trustml.modelcard.ModelCard;
import org.trustml.modelcard.ModelCards;
import org.trustml.report.HtmlReport;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;
import org.trustml.vision.train.ImageClassifierConfig;

/**
 * The trusted pipeline end to end on synthetic chest CT slices ({@link CtScanData}), as the CLAIMED
 * paper's COVID-19 pipeline: ingest the metadata, drop CT volumes and rows without sex, arrange the
 * images by finding into train/val/test folders, train MobileNetV2 at 64×64 from scratch, evaluate it
 * overall, per sex and age group and per sex × age group, with AIF360's fairness metrics across sex,
 * LIME explanations of a few test images, PGD robustness at two eps and a drift check of the test
 * split against the validation split; bless or refuse it by {@link #gates()}; write the model card
 * (YAML and HTML) and the HTML report. Everything lands under {@link Options#out()}.
 *
 * <pre>{@code
 * CtScanDemo.Result r = CtScanDemo.run(CtScanDemo.Options.defaults(Path.of("trustml-demo")), Progress.NONE);
 * System.out.println(r.run().output().verdict().summary() + "\nreport: " + r.report());
 * }</pre>
 */
public final class CtScanDemo {
    /** The positive class, spelled as in the public COVID-19 image collection. */
    public static final String COVID = "Pneumonia/Viral/COVID-19";

    private CtScanDemo() {}

    /**
     * How to run the demo.
     *
     * @param out         output folder: data, dataset, MLflow store, run record, card, report; must be absent or
     *                    empty ({@link #run} checks this before it writes anything)
     * @param seed        seed of the data and of the run
     * @param patients    patients to generate (at least 20, so that every class fills the three splits)
     * @param epochs      training epochs (at least 1)
     * @param limeImages  test images LIME explains (at least 1)
     * @param limeSamples LIME perturbation samples per image (at least 2)
     */
    public record Options(Path out, long seed, int patients, int epochs, int limeImages, int limeSamples) {
        /** The defaults of {@link #defaults}, as strings so that {@code trustml demo}'s options can name them. */
        public static final String DEFAULT_SEED = "42";
        public static final String DEFAULT_PATIENTS = "300";
        public static final String DEFAULT_EPOCHS = "15";
        public static final String DEFAULT_LIME_IMAGES = "4";
        public static final String DEFAULT_LIME_SAMPLES = "300";

        public Options {
            requireNonNull(out, "out");
            if (patients < 20) {
                throw InvalidInputException.problem("is too few patients").column("--patients").value(patients)
                        .expected("at least 20, so that every class fills train, val and test").build();
            }
            if (epochs < 1) {
                throw InvalidInputException.problem("is below 1").column("--epochs").value(epochs)
                        .expected("at least one training epoch").build();
            }
            lime(limeImages, limeSamples, seed); // validates limeImages and limeSamples
        }

        /** The same options, writing into {@code folder}. */
        public Options withOut(Path folder) {
            return new Options(folder, seed, patients, epochs, limeImages, limeSamples);
        }

        /**
         * 300 patients, 15 epochs, 4 LIME images of 300 samples, seed 42: about 1 min on 2 quiet cores.
         * On 2026-12-04 the validation accuracy was about 0.7 and the planted bias showed (equal opportunity
         * difference about −0.2, so only the fairness gate refused the model). Since training draws its initial
         * weights from the run's own generator (2026-12-06) the same seed starts elsewhere: validation accuracy
         * 0.45 (best epoch 9, training accuracy 0.99) and test accuracy 0.507, so the accuracy gates refuse too.
         * Since the loss and ReLU6 scalars are owned by libtorch (2026-12-07) three runs gave these numbers
         * bit for bit; before, garbage collections between forward and backward passes made runs differ
         * (0.45–0.53). With 5 epochs the model stays near chance.
         */
        public static Options defaults(Path out) {
            return new Options(out, Long.parseLong(DEFAULT_SEED), Integer.parseInt(DEFAULT_PATIENTS),
                    Integer.parseInt(DEFAULT_EPOCHS), Integer.parseInt(DEFAULT_LIME_IMAGES),
                    Integer.parseInt(DEFAULT_LIME_SAMPLES));
        }
    }

    /**
     * LIME on {@code images} test images with {@code samples} perturbations each, 5 superpixels per overlay,
     * SLIC superpixels aiming at 36 (a 6×6 grid on the 64×64 slices: lime's default quickshift finds only
     * 5 or 6 there).
     */
    public static LimeEvaluator lime(int images, int samples, long seed) {
        return new LimeEvaluator(images, samples, 5, seed, Slic.defaults().withSegments(36));
    }

    /**
     * What a run left behind.
     *
     * @param run      the pipeline run (its output is the blessing; its record is {@code run.json})
     * @param metadata the generated metadata CSV
     * @param card     the model card
     * @param cardYaml the card as YAML
     * @param cardHtml the card as HTML
     * @param report   the HTML report
     */
    public record Result(PipelineRun<Blessing<ImageEvaluation>> run, Path metadata, ModelCard card, Path cardYaml,
            Path cardHtml, Path report) {}

    /**
     * The bless gates: accuracy at least 0.7, recall of COVID-19 at least 0.6 for men and for women,
     * equal opportunity difference (women's TPR minus men's) within ±0.1.
     */
    public static List<Gate> gates() {
        return List.of(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.7),
                Gate.on(ClassificationMetric.recallOf(COVID)).inSlice(Slice.of("sex", "M")).atLeast(0.6),
                Gate.on(ClassificationMetric.recallOf(COVID)).inSlice(Slice.of("sex", "F")).atLeast(0.6),
                Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).between(-0.1, 0.1));
    }

    /** The pipeline over a metadata CSV whose images are in {@code images}; the dataset goes to {@code dataset}. */
    public static Pipeline<Blessing<ImageEvaluation>> pipeline(Path metadata, Path images, Path dataset,
            Options o) {
        ImageClassifierConfig config = ImageClassifierConfig.mobileNetV2().withInputSize(CtScanData.SIZE)
                .withSchedule(o.epochs(), 32, 2e-3).withAugmentation(true, false).withPatience(0);
        return Pipeline.from(Ingest.csv(metadata))
                .then(Filter.rows("drop CT volumes (.nii.gz)", r -> !r.string("filename").endsWith(".nii.gz")))
                .then(Filter.dropMissing("sex"))
                .then(ImageFolder.builder("filename", "finding").imagesIn(images).output(dataset).split(0.15, 0.25)
                        .build())
                .then(TrainImageClassifier.with(config))
                .then(EvaluateImageClassifier.onTestSplit().slicedBy("sex", "age_group").crossSlicedBy("sex", "age_group")
                        .with(FairnessEvaluator.of(COVID, Group.where("sex", "M"), "sex", "age_group"))
                        .with(lime(o.limeImages(), o.limeSamples(), o.seed()))
                        .with(new RobustnessEvaluator(Norm.INF, List.of(0.01, 0.03), 5, 32, o.seed())
                                .withNativeHeap(NativeHeap.TRIM)) // the CLI owns its process
                        .with(ImageDriftEvaluator.againstValidation()))
                .then(Bless.<ImageEvaluation>by(gates()));
    }

    /**
     * Generates the data, runs the pipeline, writes the card and the report into {@link Options#out()}, which must be
     * absent or an empty folder: a finished run's folder is refused before anything is written, so its inputs
     * still match its {@code run.json}.
     */
    public static Result run(Options o, Progress progress) {
        return run(o, progress, Optional.empty());
    }

    /**
     * The same, logging the run to an MLflow tracking server too: {@code server} with the run's file store
     * ({@code mlruns} in {@link Options#out()}) as its local tracker; {@link MlflowServer#run} then says how the
     * server knows the run.
     */
    public static Result run(Options o, Progress progress, Optional<MlflowServer> server) {
        requireNonNull(progress, "progress");
        requireNonNull(server, "server");
        AtomicFiles.checkDirectory(o.out(), folder -> false, "a new or empty folder for the demo's run");
        Path data = o.out().resolve("data");
        Path metadata = CtScanData.write(data, o.patients(), o.seed());
        Tracker store = new MlflowFileStore(o.out().resolve("mlruns"));
        Tracker tracker = server.<Tracker>map(s -> s.withLocal(store)).orElse(store);
        PipelineRun<Blessing<ImageEvaluation>> run = pipeline(metadata, data.resolve("images"),
                o.out().resolve("dataset"), o)
                .run(RunOptions.seed(o.seed()).withTracker(tracker).withExperiment("trustml-demo").withProgress(progress));
        String title = "COVID-19 CT classifier (trustml demo)";
        ModelCard card = ModelCards.from(run).name(title)
                .overview("MobileNetV2 trained from scratch on synthetic 64x64 chest CT slices to tell "
                        + COVID + " from No Finding. The data carry a planted bias: faint opacities in women.")
                .modelArchitecture("MobileNetV2 (DJL basic model zoo), 64x64 RGB input, 2 classes")
                .performance(run.output().evaluation()).build();
        Path yaml = ModelCards.write(card, o.out().resolve("model-card.yaml"));
        Path html = CardRenderer.writeHtml(card, o.out().resolve("model-card.html"));
        Path report = HtmlReport.of(title, run).attach(card).write(o.out().resolve("report.html"));
        return new Result(run, metadata, card, yaml, html, report);
    }
}
