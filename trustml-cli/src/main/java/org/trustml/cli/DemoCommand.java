package org.trustml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trustml.cli.demo.CtScanDemo;
import org.trustml.adversarial.RobustnessMetric;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.SliceResult;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.run.StageRecord;
import org.trustml.core.tracking.MlflowServer;
import org.trustml.core.tracking.MlflowServerRun;
import org.trustml.drift.DriftMetric;
import org.trustml.explain.ExplanationMetric;
import org.trustml.explain.ExplanationReport;
import org.trustml.fairness.FairnessMetric;
import org.trustml.vision.evaluation.ImageEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trustml demo}: the trusted pipeline end to end on generated chest CT slices ({@link CtScanDemo}). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the trusted pipeline end to end on synthetic chest CT slices with a planted bias "
                + "(faint COVID-19 opacities in women): writes the images and their metadata (seeded), ingests the "
                + "metadata, drops CT volumes (.nii.gz) and rows without sex, arranges the images by finding into "
                + "train/val/test folders, trains MobileNetV2 at 64x64, evaluates it overall and per sex and age "
                + "group, measures its fairness across sex (AIF360's metrics), explains a few test images with LIME, "
                + "measures its robustness to PGD at two eps, checks the test split for drift against the validation "
                + "split, blesses or refuses it by gates (accuracy, recall per sex, equal opportunity difference "
                + "within 0.1), and writes a model card (YAML and HTML) and report.html: one self-contained page with "
                + "confusion matrices, metrics per slice, fairness bars with the gate thresholds, LIME overlays, "
                + "adversarial examples, drift, the verdict and the card. Everything is recorded in the run's own "
                + "folder (run.json, an MLflow file store, the model, the evaluation, the card, the report), and with "
                + "--tracking-uri on an MLflow tracking server too. "
                + "The same pipeline as code: org.trustml.cli.demo.CtScanDemo.",
            "Each run gets a new folder under --out, named by its start time in UTC (trustml-demo/20261204-101500/; "
                + "-2, -3... when two start in the same second), and when it finishes --out/latest names that folder. "
                + "Earlier runs are never touched, so the command can be run again, or twice at once, into one --out."})
final class DemoCommand implements Callable<Integer> {
    /** The file in {@code --out} that names the last finished run's folder. */
    static final String LATEST = "latest";
    private static final DateTimeFormatter RUN_FOLDER =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "trustml-demo", paramLabel = "DIR",
            description = "Folder of the demo's runs: each run writes into a new DIR/<yyyyMMdd-HHmmss> (UTC) and "
                    + "names it in DIR/latest (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = CtScanDemo.Options.DEFAULT_SEED, description = "Run and data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--patients", defaultValue = CtScanDemo.Options.DEFAULT_PATIENTS, description = "Patients to generate (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--epochs", defaultValue = CtScanDemo.Options.DEFAULT_EPOCHS, description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lime-images", defaultValue = CtScanDemo.Options.DEFAULT_LIME_IMAGES,
            description = "Test images LIME explains for the report (default: ${DEFAULT-VALUE}).")
    int limeImages;

    @Option(names = "--lime-samples", defaultValue = CtScanDemo.Options.DEFAULT_LIME_SAMPLES,
            description = "LIME perturbation samples per image (default: ${DEFAULT-VALUE}; lime's own default is 1000).")
    int limeSamples;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "Also log the run to the MLflow tracking server at URI (http://host:port) over its REST API, "
                    + "as `trustml run --tracking-uri` does; the run folder's file store still gets everything.")
    URI trackingUri;

    @Override
    public Integer call() {
        CtScanDemo.Options options = new CtScanDemo.Options(out, seed, patients, epochs, limeImages, limeSamples);
        AtomicFiles.checkDirectory(out, folder -> true, "a folder for the demo's runs");
        Path latest = AtomicFiles.checkTarget(out.resolve(LATEST));
        Optional<MlflowServer> server = Optional.ofNullable(trackingUri).map(MlflowServer::at);
        Path folder = newRunFolder(out, Instant.now());
        CtScanDemo.Result result = CtScanDemo.run(options.withOut(folder),
                ConsoleProgress.ifTerminal(spec.commandLine().getErr()), server);
        AtomicFiles.writeString(latest, folder.getFileName() + "\n");
        return print(result, folder,
                server.flatMap(s -> s.run(result.run().record().runId())).orElse(null));
    }

    /**
     * Creates the run's own folder, {@code out/<yyyyMMdd-HHmmss>} (UTC), with {@code -2}, {@code -3}... when another
     * run took that name: {@link Files#createDirectory} is atomic, so two runs never share a folder.
     */
    static Path newRunFolder(Path out, Instant start) {
        String stamp = RUN_FOLDER.format(start);
        try {
            Files.createDirectories(out);
            for (int n = 1; ; n++) {
                try {
                    return Files.createDirectory(out.resolve(n == 1 ? stamp : stamp + "-" + n));
                } catch (FileAlreadyExistsException e) {
                    // another run started in the same second: take the next name
                }
            }
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot hold a new run folder: " + e.getMessage()).file(out)
                    .expected("a folder trustml may write").build(e);
        }
    }

    private int print(CtScanDemo.Result result, Path folder, MlflowServerRun onServer) {
        PipelineRun<Blessing<ImageEvaluation>> run = result.run();
        PrintWriter w = spec.commandLine().getOut();
        ImageEvaluation e = run.output().evaluation();
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runFolder", folder.toString());
            doc.put("metadata", result.metadata().toString());
            doc.put("runRecord", run.recordFile().toString());
            doc.put("model", e.model().params().toString());
            doc.put("modelCard", result.cardYaml().toString());
            doc.put("report", result.report().toString());
            doc.put("verdict", run.output().verdict());
            doc.put("metrics", e.metrics());
            doc.put("mlruns", folder.resolve("mlruns").toString());
            if (onServer != null) {
                doc.put("mlflowServer", MlflowHints.serverJson(onServer));
            }
            w.println(Json.toJson(doc));
            return 0;
        }
        w.println("trustml demo: seed " + seed + ", run " + run.record().runId() + ", in " + folder);
        for (StageRecord s : run.record().stages()) {
            w.printf("  %-13s %-8s %s%n", s.name(), s.status(), s.metrics());
        }
        w.println();
        w.println("test split, per slice (recall = share of COVID-19 cases found):");
        w.printf("  %-24s %5s %9s %7s%n", "slice", "rows", "accuracy", "recall");
        List<SliceResult> rows = new java.util.ArrayList<>(List.of(e.classification().overall()));
        rows.addAll(e.classification().slices());
        int covid = e.model().classes().indexOf(CtScanDemo.COVID);
        for (SliceResult r : rows) {
            w.printf("  %-24s %5d %9.3f %7.3f%n", r.slice(), r.rows(), r.accuracy(), r.perClass().get(covid).recall());
        }
        w.println();
        w.println("fairness (privileged: sex=M; favorable: " + CtScanDemo.COVID + " found):");
        for (FairnessMetric m : List.of(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE, FairnessMetric.AVERAGE_ODDS_DIFFERENCE,
                FairnessMetric.DISPARATE_IMPACT, FairnessMetric.STATISTICAL_PARITY_DIFFERENCE)) {
            e.metric(m).ifPresent(v -> w.printf("  %-32s %8.3f%n", m.jsonName(), v.value()));
        }
        w.println();
        e.result(ExplanationReport.class).ifPresent(lime -> {
            w.printf("explanations (LIME, %d test images, %d samples each): mean local R^2 %.3f%n", lime.images().size(),
                    lime.numSamples(), e.metric(ExplanationMetric.LIME_SCORE_MEAN).map(v -> v.value()).orElse(Double.NaN));
            w.println();
        });
        w.println("robustness (PGD-5, L-inf, first 32 test images):");
        for (String eps : List.of("0.01", "0.03")) {
            Slice at = Slice.of("eps", eps);
            w.printf("  eps %-5s clean accuracy %.3f, adversarial accuracy %.3f%n", eps,
                    e.metric(RobustnessMetric.CLEAN_ACCURACY, at).map(v -> v.value()).orElse(Double.NaN),
                    e.metric(RobustnessMetric.ADVERSARIAL_ACCURACY, at).map(v -> v.value()).orElse(Double.NaN));
        }
        w.println();
        w.printf("drift, test split against validation (image statistics and predictions): drift share %.2f, drifted %s%n",
                e.metric(DriftMetric.DRIFT_SHARE).map(v -> v.value()).orElse(Double.NaN),
                e.metric(DriftMetric.DATASET_DRIFT).map(v -> v.value() == 1 ? "yes" : "no").orElse("?"));
        w.println();
        w.println(run.output().verdict().summary());
        w.println();
        w.println("report:       " + result.report());
        w.println("model card:   " + result.cardHtml() + " (and " + result.cardYaml().getFileName() + ")");
        w.println("model:        " + e.model().params());
        w.println("run record:   " + run.recordFile());
        MlflowHints.fileStore(folder.resolve("mlruns")).forEach(w::println);
        if (onServer != null) {
            w.println(MlflowHints.server(onServer));
        }
        return 0;
    }
}
