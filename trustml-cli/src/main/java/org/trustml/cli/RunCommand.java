package org.trustml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.run.StageRecord;
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
                + "trustml-runs/mlruns beside the file unless the file says otherwise).",
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
        PipelineRun<?> run = pipeline.run(base, ConsoleProgress.ifTerminal(spec.commandLine().getErr()));
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runRecord", run.recordFile().toString());
            doc.put("record", run.record());
            if (run.output() instanceof Blessing<?> b) {
                doc.put("verdict", b.verdict());
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
        return 0;
    }
}
