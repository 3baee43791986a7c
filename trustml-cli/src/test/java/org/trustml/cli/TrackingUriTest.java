package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;
import org.trustml.core.tracking.FakeMlflowServer;

/**
 * {@code --tracking-uri} of {@code trustml run} and {@code trustml demo}, against core's {@link FakeMlflowServer},
 * and the hint both print on opening the file store with current MLflow.
 */
class TrackingUriTest {
    @TempDir
    Path dir;

    private FakeMlflowServer fake;

    @BeforeEach
    void startFake() throws IOException {
        fake = new FakeMlflowServer();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private Path pipeline() throws IOException {
        Files.writeString(dir.resolve("rows.csv"), "x,y\n1,a\n2,b\n");
        return Files.writeString(dir.resolve("p.yaml"), "seed: 4\nexperiment: cli-test\nstages:\n"
                + "  - ingest: {csv: rows.csv}\n");
    }

    @Test
    void runLogsToTheServerAndTheFileStoreAndSaysHowToOpenBoth() throws IOException {
        Path p = pipeline();
        Cli.Result r = Cli.run("run", p.toString(), "--tracking-uri", fake.uri().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(fake.violations()).isEmpty();
        FakeMlflowServer.Run onServer = fake.runs.values().iterator().next();
        assertThat(onServer.status).isEqualTo("FINISHED");
        assertThat(onServer.params).containsEntry("seed", "4");
        Path mlruns = dir.resolve("trustml-runs/mlruns").toAbsolutePath();
        assertThat(mlruns.resolve("1").resolve(onServer.tags.get("trustml.run_id")).resolve("params/seed"))
                .hasContent("4");
        assertThat(r.out()).contains(
                "MLflow store: " + mlruns + "\n",
                "  open it:    MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri " + mlruns
                        + "   (MLflow 3.13 and later refuse a folder without the variable)\n",
                "  or migrate: mlflow migrate-filestore --source " + mlruns + " --target sqlite:///"
                        + mlruns.resolveSibling("mlflow.db"),
                "MLflow server: " + fake.uri() + "/#/experiments/1/runs/" + onServer.id + "\n");

        Cli.Result json = Cli.run("run", p.toString(), "--tracking-uri", fake.uri().toString(), "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode doc = Json.reader().readTree(json.out());
        assertThat(doc.get("mlruns").asText()).isEqualTo(mlruns.toString());
        assertThat(doc.get("mlflowServer").get("failures")).isEmpty();
        assertThat(doc.get("mlflowServer").get("experimentId").asText()).isEqualTo("1");
    }

    @Test
    void aServerThatRefusesIsExitTwoWithOneLineAndNoRun() throws IOException {
        fake.requireAuthorization("Bearer secret");
        Path p = pipeline();
        Cli.Result r = Cli.run("run", p.toString(), "--tracking-uri", fake.uri().toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("trustml: MLflow server " + fake.uri()
                + ", GET /api/2.0/mlflow/experiments/get-by-name: UNAUTHENTICATED (HTTP 401): You are not "
                + "authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow"
                + " on how to authenticate.\n");
        assertThat(dir.resolve("trustml-runs")).doesNotExist();

        Cli.Result notAServer = Cli.run("run", p.toString(), "--tracking-uri", "sqlite:///mlflow.db");
        assertThat(notAServer.code()).isEqualTo(2);
        assertThat(notAServer.err()).contains("is not the URI of a tracking server");
    }

    @Test
    void helpNamesTheOption() {
        assertThat(Cli.run("run", "--help").out()).contains("--tracking-uri=URI").contains("MLFLOW_TRACKING_TOKEN");
        assertThat(Cli.run("demo", "--help").out()).contains("--tracking-uri=URI");
    }

    @Test
    void pathsWithSpacesAreQuotedForTheShell() {
        assertThat(MlflowHints.fileStore(Path.of("/tmp/my runs/mlruns"))).element(1).asString()
                .contains("--backend-store-uri '/tmp/my runs/mlruns'");
        assertThat(MlflowHints.quote("it's")).isEqualTo("'it'\\''s'");
    }
}
