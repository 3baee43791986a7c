package org.trustml.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.run.StageRecord;
import org.trustml.core.tracking.MlflowFileStore;
import org.trustml.core.tracking.MlflowServer;
import org.trustml.core.tracking.MlflowServerRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trustml run pipeline.yaml}: runs a pipeline written as YAML. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the stages a YAML file lists (ingest, image-folder, train, evaluate, bless; for tables "
                + "train-tabular and evaluate-tabular), "
                + "with paths relative to the file, and records the run (run.json and an MLflow file store, "
                + "trustml-runs/mlruns beside the file unless the file says otherwise; with --tracking-uri also on an "
                + "MLflow tracking server).",
            "Format: docs/core.md, \"Pipelines in YAML\". Aliases (*name), tags, a key given twice and a second "
                + "document are refused (exit 2), so what runs is what the file says. A bless stage that refuses the "
                + "model ends the run with exit code 3 and one line per failed gate."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline YAML file.")
    Path file;

    @Option(names = "--check", description = "Read and check the file and the stages' fit, run nothing.")
    boolean check;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = {"Also log the run to the MLflow tracking server at URI (http://host:port, as `mlflow server` "
                    + "prints it) over its REST API: params, metrics, tags, and the run's files through the server's "
                    + "artifact proxy. The file store still gets everything; if the server fails during the run, the "
                    + "run goes on and the failures are logged. Credentials: MLFLOW_TRACKING_USERNAME and "
                    + "MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN. MLFLOW_TRACKING_URI is not read."})
    URI trackingUri;

    @Override
    public Integer call() {
        PipelineSpec pipeline = PipelineSpec.read(file);
        Path base = file.toAbsolutePath().getParent();
        PrintWriter w = spec.commandLine().getOut();
        if (check) {
            pipeline.toPipeline(base);
            w.println(file + ": " + pipeline.stages().size() + " stages fit together");
            return 0;
        }
        RunOptions options = pipeline.runOptions(base)
                .withProgress(ConsoleProgress.ifTerminal(spec.commandLine().getErr()));
        Path mlruns = options.tracker() instanceof MlflowFileStore store ? store.root() : null;
        MlflowServer server = trackingUri == null ? null : MlflowServer.at(trackingUri).withLocal(options.tracker());
        if (server != null) {
            options = options.withTracker(server);
        }
        PipelineRun<?> run = pipeline.toPipeline(base).run(options);
        MlflowServerRun onServer = server == null ? null : server.run(run.record().runId()).orElse(null);
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runRecord", run.recordFile().toString());
            doc.put("record", run.record());
            if (run.output() instanceof Blessing<?> b) {
                doc.put("verdict", b.verdict());
            }
            if (mlruns != null) {
                doc.put("mlruns", mlruns.toString());
            }
            if (onServer != null) {
                doc.put("mlflowServer", MlflowHints.serverJson(onServer));
            }
            w.println(Json.toJson(doc));
            return 0;
        }
        w.println("trustml run " + file + ": seed " + pipeline.seed() + ", run " + run.record().runId());
        for (StageRecord s : run.record().stages()) {
            w.printf("  %-13s %-8s %s%n", s.name(), s.status(), s.metrics());
        }
        if (run.output() instanceof Blessing<?> b) {
            w.println(b.verdict().summary());
        }
        w.println("run record: " + run.recordFile());
        if (mlruns != null) {
            MlflowHints.fileStore(mlruns).forEach(w::println);
        }
        if (onServer != null) {
            w.println(MlflowHints.server(onServer));
        }
        return 0;
    }
}
