package org.trustml.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Filter;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;

/**
 * The MLflow file-store layout, file by file. Expected contents follow MLflow 2.x
 * {@code mlflow/store/tracking/file_store.py}: sorted YAML keys, status 1 while running and 3 when
 * finished, source_type 4 (LOCAL), params and tags without a trailing newline, metric lines
 * "{@code <epoch ms> <value> <step>}".
 */
class MlflowFileStoreTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z"); // 1795428000000 ms

    @Test
    void pipelineRunIsWrittenInMlflowLayout() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "x,y\n1,a\n2,b\n3,c\n", StandardCharsets.UTF_8);
        Path mlruns = dir.resolve("mlruns");
        PipelineRun<Table> run = Pipeline.from(Ingest.csv(csv))
                .then(Filter.rows("x above 1", r -> r.integer("x") > 1))
                .run(RunOptions.seed(5).withMlflowStore(mlruns).withExperiment("covid-ct").withRunName("first")
                        .withClock(Clock.fixed(T0, ZoneOffset.UTC)));
        String id = run.record().runId();
        String root = "file://" + mlruns.toAbsolutePath();

        assertThat(mlruns.resolve(".trash")).isDirectory();
        assertThat(mlruns.resolve("0/meta.yaml")).hasContent("""
                artifact_location: '%s/0'
                creation_time: 1795428000000
                experiment_id: '0'
                last_update_time: 1795428000000
                lifecycle_stage: 'active'
                name: 'Default'
                """.formatted(root).stripTrailing());
        assertThat(mlruns.resolve("1/meta.yaml")).hasContent("""
                artifact_location: '%s/1'
                creation_time: 1795428000000
                experiment_id: '1'
                last_update_time: 1795428000000
                lifecycle_stage: 'active'
                name: 'covid-ct'
                """.formatted(root).stripTrailing());

        Path runDir = mlruns.resolve("1").resolve(id);
        String user = System.getProperty("user.name");
        assertThat(Files.readString(runDir.resolve("meta.yaml"))).isEqualTo("""
                artifact_uri: '%s/1/%s/artifacts'
                end_time: 1795428000000
                entry_point_name: ''
                experiment_id: '1'
                lifecycle_stage: 'active'
                run_id: '%s'
                run_name: 'first'
                run_uuid: '%s'
                source_name: ''
                source_type: 4
                source_version: ''
                start_time: 1795428000000
                status: 3
                tags: []
                user_id: '%s'
                """.formatted(root, id, id, id, user));
        assertThat(runDir.resolve("params/seed")).hasContent("5");
        assertThat(Files.readAllBytes(runDir.resolve("params/seed"))).hasSize(1); // no trailing newline
        assertThat(runDir.resolve("params/ingest.format")).hasContent("CSV");
        assertThat(runDir.resolve("params/filter.description")).hasContent("x above 1");
        assertThat(Files.readString(runDir.resolve("metrics/ingest.rows"))).isEqualTo("1795428000000 3.0 0\n");
        assertThat(Files.readString(runDir.resolve("metrics/filter.rows_out"))).isEqualTo("1795428000000 2.0 0\n");
        assertThat(Files.readString(runDir.resolve("tags/mlflow.runName"))).isEqualTo("first");
        assertThat(Files.readString(runDir.resolve("tags/mlflow.source.type"))).isEqualTo("LOCAL");
        assertThat(Files.readString(runDir.resolve("tags/mlflow.user"))).isEqualTo(user);
        assertThat(Files.readString(runDir.resolve("tags/trustml.fingerprint"))).isEqualTo(run.record().fingerprint());
        assertThat(run.runDirectory()).isEqualTo(runDir.resolve("artifacts"));
        assertThat(runDir.resolve("artifacts/run.json")).isRegularFile();
        try (Stream<Path> all = Files.walk(mlruns)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void secondRunReusesTheExperimentAndMetricStepsAppend() {
        MlflowFileStore store = new MlflowFileStore(dir.resolve("mlruns"));
        TrackedRun a = store.start("exp", "0123456789abcdef0123456789abcdef", "a", T0, java.util.Map.of());
        a.logMetric("train/loss", 0.5, 0, T0);
        a.logMetric("train/loss", 0.25, 1, T0.plusMillis(1500));
        a.finish(org.trustml.core.run.RunStatus.FAILED, T0.plusSeconds(2));
        TrackedRun b = store.start("exp", "fedcba9876543210fedcba9876543210", "b", T0, java.util.Map.of("bad key!", "v"));
        Path runA = dir.resolve("mlruns/1/0123456789abcdef0123456789abcdef");
        assertThat(runA.resolve("metrics/train/loss")).hasContent("1795428000000 0.5 0\n1795428001500 0.25 1");
        assertThat(runA.resolve("meta.yaml")).content().contains("status: 4").contains("end_time: 1795428002000")
                .doesNotContain("deleted_time");
        Path runB = dir.resolve("mlruns/1/fedcba9876543210fedcba9876543210");
        assertThat(runB.resolve("meta.yaml")).content().contains("status: 1").contains("end_time: null")
                .contains("deleted_time: null");
        assertThat(runB.resolve("tags/bad key_")).hasContent("v");
        assertThat(b.artifactDirectory()).isEqualTo(runB.resolve("artifacts"));
    }

    @Test
    void keysAreMadeValidForMlflow() {
        assertThat(MlflowFileStore.validKey("a/../b//c")).isEqualTo("a/b/c");
        assertThat(MlflowFileStore.validKey("acc@0.03")).isEqualTo("acc_0.03");
        assertThat(MlflowFileStore.validKey("x".repeat(300))).hasSize(250);
    }
}
