package org.trustml.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.run.RunRecord;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;

/**
 * A run with the default options writes nothing in the working directory: its record goes to a new temporary
 * directory. It used to create {@code ./trustml-runs/mlruns} wherever the JVM was started.
 */
class RunOptionsDefaultsTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultRunDirectoryIsTemporaryAndNotInTheWorkingDirectory() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "a\n1\n2\n");
        Path cwd = Path.of("").toAbsolutePath().toRealPath();
        boolean storeBefore = Files.exists(cwd.resolve("trustml-runs"));
        PipelineRun<Table> run = Pipeline.from(Ingest.csv(csv)).run(RunOptions.seed(1));
        try {
            Path runDir = run.runDirectory().toRealPath();
            assertThat(runDir).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toRealPath());
            assertThat(runDir.startsWith(cwd)).as("%s is under the working directory %s", runDir, cwd).isFalse();
            assertThat(runDir.resolve(RunRecord.FILE_NAME)).isRegularFile();
            assertThat(Files.exists(cwd.resolve("trustml-runs"))).as("./trustml-runs exists").isEqualTo(storeBefore);
        } finally {
            delete(run.runDirectory());
        }
    }

    @Test
    void aRunsRootKeepsEachRunInItsOwnDirectoryThere() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "a\n1\n2\n");
        PipelineRun<Table> run = Pipeline.from(Ingest.csv(csv)).run(RunOptions.seed(1).withRunsRoot(dir.resolve("runs")));
        assertThat(run.runDirectory()).isEqualTo(dir.resolve("runs").resolve(run.record().runId()).toAbsolutePath());
        assertThat(run.recordFile()).isRegularFile();
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
