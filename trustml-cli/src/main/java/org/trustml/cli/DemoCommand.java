package org.trustml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.run.StageRecord;
import org.trustml.core.stages.Filter;
import org.trustml.core.stages.Ingest;
import org.trustml.core.stages.Transform;
import org.trustml.core.table.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trustml demo}: the core pipeline end to end on generated data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the trusted pipeline's first stages end to end: writes synthetic chest-image metadata "
                + "(seeded), ingests it, makes the findings safe as folder names (/ -> _), drops CT volumes "
                + "(.nii.gz), and records the run (run.json and an MLflow file store under --out).",
            "Later trustml versions grow this into train, evaluate, bless and publish."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "trustml-demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rows", defaultValue = "500", description = "Rows of generated metadata (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        if (rows < 1) {
            throw InvalidInputException.problem("is not a row count").column("--rows").value(rows)
                    .expected("at least 1").build();
        }
        Path metadata = DemoData.write(out.resolve("metadata.csv"), rows, seed);
        PipelineRun<Table> run = Pipeline.from(Ingest.csv(metadata))
                .then(Transform.column("finding", "replace / with _ (safe folder names)", s -> s.replace('/', '_')))
                .then(Filter.rows("drop CT volumes (.nii.gz)", r -> !r.string("filename").contains(".gz")))
                .run(RunOptions.seed(seed).withMlflowStore(out.resolve("mlruns")).withExperiment("trustml-demo"));
        Path cleaned = run.output().writeCsv(out.resolve("metadata-clean.csv"));

        PrintWriter w = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("metadata", metadata.toString());
            doc.put("output", cleaned.toString());
            doc.put("runRecord", run.recordFile().toString());
            doc.put("record", run.record());
            w.println(Json.toJson(doc));
            return 0;
        }
        w.println("trustml demo: seed " + seed + ", run " + run.record().runId());
        for (StageRecord s : run.record().stages()) {
            w.printf("  %-10s %-8s %s%n", s.name(), s.status(), s.metrics());
        }
        w.println();
        w.print(TableCommand.render(cleaned, run.output().describe()));
        w.println();
        w.println("run record:   " + run.recordFile());
        w.println("fingerprint:  " + run.record().fingerprint());
        w.println("MLflow store: " + out.resolve("mlruns") + "  (mlflow ui --backend-store-uri " + out.resolve("mlruns") + ")");
        return 0;
    }
}
