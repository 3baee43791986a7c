package org.trustml.samples;

import java.nio.file.Path;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Filter;
import org.trustml.core.stages.Ingest;
import org.trustml.core.stages.Transform;
import org.trustml.core.table.Table;

/**
 * The seed pipeline's first steps on a metadata CSV of your own: make the findings safe as folder
 * names, drop CT volumes, record the run.
 *
 * <pre>
 * mvn -q -pl samples -am package -DskipTests
 * java -cp "samples/target/classes:trustml-cli/target/lib/*" org.trustml.samples.CorePipelineSample metadata.csv
 * </pre>
 */
public final class CorePipelineSample {
    private CorePipelineSample() {}

    /** Builds the pipeline; separate from {@link #main} so a test can run it. */
    public static Pipeline<Table> pipeline(Path metadata) {
        return Pipeline.from(Ingest.csv(metadata))
                .then(Transform.column("finding", "replace / with _", s -> s.replace('/', '_')))
                .then(Filter.rows("drop CT volumes (.gz)", r -> !r.string("filename").contains(".gz")));
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CorePipelineSample METADATA.csv");
            System.exit(2);
        }
        PipelineRun<Table> run = pipeline(Path.of(args[0])).run(RunOptions.seed(42));
        System.out.println(run.output().describe());
        System.out.println("run record: " + run.recordFile());
    }
}
