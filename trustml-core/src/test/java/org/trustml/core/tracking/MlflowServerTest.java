package org.trustml.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.run.RunStatus;
import org.trustml.core.stages.Filter;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;

/**
 * {@link MlflowServer} against {@link FakeMlflowServer}, which holds every request to the documented MLflow REST API
 * 2.0 structures (see there): what a run sends, and what happens when the server refuses, fails or is gone.
 */
class MlflowServerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z"); // 1795428000000 ms
    private static final String RUN = "0123456789abcdef0123456789abcdef";
    private static final String LOG_BATCH = "POST /api/2.0/mlflow/runs/log-batch";
    private static final String GET_BY_NAME = "GET /api/2.0/mlflow/experiments/get-by-name";

    @TempDir
    Path dir;

    private FakeMlflowServer fake;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void startFake() throws IOException {
        fake = new FakeMlflowServer();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    /** The fake's server, no credentials, waits recorded instead of slept. */
    private MlflowServer server() {
        return MlflowServer.at(fake.uri()).withCredentials(MlflowCredentials.none()).withSleeper(sleeps::add);
    }

    private Pipeline<Table> pipeline() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "x,y\n1,a\n2,b\n3,c\n", StandardCharsets.UTF_8);
        return Pipeline.from(Ingest.csv(csv)).then(Filter.rows("x above 1", r -> r.integer("x") > 1));
    }

    @Test
    void aPipelineRunOnTheServerHasWhatTheFileStoreHasForTheSameRun() throws IOException {
        Path mlruns = dir.resolve("mlruns");
        MlflowServer server = server().withLocal(new MlflowFileStore(mlruns));
        PipelineRun<Table> run = pipeline().run(RunOptions.seed(5).withTracker(server).withExperiment("covid-ct")
                .withRunName("first").withClock(Clock.fixed(T0, ZoneOffset.UTC)));
        assertThat(fake.violations()).isEmpty();
        String id = run.record().runId();
        MlflowServerRun onServer = server.run(id).orElseThrow();
        assertThat(onServer.failures()).isEmpty();
        assertThat(onServer.experimentId()).isEqualTo("1");
        assertThat(onServer.artifactUri()).isEqualTo("mlflow-artifacts:/1/" + onServer.runId() + "/artifacts");
        assertThat(onServer.uiLink()).hasToString(fake.uri() + "/#/experiments/1/runs/" + onServer.runId());

        FakeMlflowServer.Run r = fake.runs.get(onServer.runId());
        Path local = mlruns.resolve("1").resolve(id); // the file store's copy of the same run
        assertThat(r.name).isEqualTo("first");
        assertThat(r.status).isEqualTo("FINISHED");
        assertThat(r.startTime).isEqualTo(1795428000000L);
        assertThat(r.endTime).isEqualTo(1795428000000L);
        assertThat(r.params).isEqualTo(files(local.resolve("params"))).containsEntry("seed", "5")
                .containsEntry("filter.description", "x above 1");
        Map<String, String> tags = new TreeMap<>(r.tags);
        assertThat(tags.remove("trustml.run_id")).isEqualTo(id); // the server's only extra: trustml's own run id
        assertThat(tags).isEqualTo(files(local.resolve("tags"))).containsKey("trustml.fingerprint");
        Map<String, String> metrics = new TreeMap<>();
        for (JsonNode m : r.metrics) { // the file store's line per point: "<epoch ms> <value> <step>\n"
            metrics.merge(m.get("key").asText(), m.get("timestamp").asLong() + " " + m.get("value").asDouble() + " "
                    + m.get("step").asLong() + "\n", String::concat);
        }
        assertThat(metrics).isEqualTo(files(local.resolve("metrics"))).containsEntry("ingest.rows",
                "1795428000000 3.0 0\n");
        Map<String, String> uploaded = new TreeMap<>();
        fake.artifacts.forEach((path, bytes) -> uploaded.put(path, new String(bytes, StandardCharsets.UTF_8)));
        Map<String, String> expected = new TreeMap<>();
        files(local.resolve("artifacts")).forEach((rel, content) ->
                expected.put("1/" + onServer.runId() + "/artifacts/" + rel, content));
        assertThat(uploaded).isEqualTo(expected).containsKey("1/" + onServer.runId() + "/artifacts/run.json");
        assertThat(fake.requests()).extracting(FakeMlflowServer.Request::endpoint).startsWith(GET_BY_NAME,
                "POST /api/2.0/mlflow/experiments/create", "POST /api/2.0/mlflow/runs/create")
                .endsWith("POST /api/2.0/mlflow/runs/update");
    }

    /** Every regular file under {@code root}, by its '/'-separated relative path. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void refusedCredentialsStopTheRunBeforeAnythingIsWrittenAndAreNeverShown() throws IOException {
        fake.requireAuthorization("Bearer right-token");
        Path mlruns = dir.resolve("mlruns");
        MlflowServer server = server().withCredentials(MlflowCredentials.bearer("wrong-token"))
                .withLocal(new MlflowFileStore(mlruns));
        Pipeline<Table> p = pipeline();
        assertThatThrownBy(() -> p.run(RunOptions.seed(1).withTracker(server)))
                .isInstanceOfSatisfying(MlflowServerException.class, e -> {
                    assertThat(e.errorCode()).contains("UNAUTHENTICATED");
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.endpoint()).isEqualTo(GET_BY_NAME);
                    assertThat(e.attempts()).isEqualTo(1); // 401 is not worth another try
                    assertThat(e.getMessage()).startsWith("MLflow server " + fake.uri() + ", " + GET_BY_NAME
                            + ": UNAUTHENTICATED (HTTP 401): You are not authenticated.").doesNotContain("wrong-token");
                });
        assertThat(mlruns).doesNotExist();
        assertThat(fake.requests()).singleElement()
                .satisfies(r -> assertThat(r.headers()).containsEntry("authorization", "Bearer wrong-token"));
        assertThat(server.toString()).contains("bearer token").doesNotContain("wrong-token");
    }

    @Test
    void credentialsComeFromMlflowsEnvironmentVariablesBasicBeforeToken() throws IOException {
        MlflowCredentials basic = MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.USERNAME, "alice",
                MlflowCredentials.PASSWORD, "s3cret", MlflowCredentials.TOKEN, "tok"));
        assertThat(basic).hasToString("MlflowCredentials[basic auth]");
        fake.requireAuthorization("Basic YWxpY2U6czNjcmV0"); // base64("alice:s3cret")
        PipelineRun<Table> run = pipeline().run(RunOptions.seed(1).withTracker(server().withCredentials(basic)));
        assertThat(fake.runs).hasSize(1);
        assertThat(fake.violations()).isEmpty();
        assertThat(run.runDirectory()).exists();

        assertThat(MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.USERNAME, "alice",
                MlflowCredentials.TOKEN, "tok")).authorization()).contains("Bearer tok"); // basic needs both
        assertThat(MlflowCredentials.fromEnvironment(Map.of()).authorization()).isEmpty();
        assertThatThrownBy(() -> MlflowCredentials.bearer("two words")).isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("two words");
    }

    @Test
    void anExperimentCreatedByAnotherProcessMeanwhileIsUsed() {
        fake.raceOnCreate();
        TrackedRun t = server().withLocal(Tracker.none(dir)).start("shared", RUN, "n", T0, Map.of());
        t.finish(RunStatus.FINISHED, T0);
        assertThat(fake.requests()).extracting(FakeMlflowServer.Request::endpoint).startsWith(GET_BY_NAME,
                "POST /api/2.0/mlflow/experiments/create", GET_BY_NAME, "POST /api/2.0/mlflow/runs/create");
        assertThat(fake.runs.values()).singleElement().satisfies(r -> assertThat(r.experimentId).isEqualTo("1"));
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aDeletedExperimentIsRefusedWithHowToRestoreIt() {
        fake.experiment("old", true);
        assertThatThrownBy(() -> server().withLocal(Tracker.none(dir)).start("old", RUN, "n", T0, Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is deleted on MLflow server")
                .hasMessageContaining("mlflow experiments restore --experiment-id 1");
        assertThat(fake.count("POST /api/2.0/mlflow/runs/create")).isZero();
    }

    @Test
    void transientErrorsAreRetriedWithBackoffForIdempotentCallsOnly() {
        String busy = FakeMlflowServer.error("TEMPORARILY_UNAVAILABLE", "busy");
        fake.answerNext(GET_BY_NAME, 503, busy).answerNext(GET_BY_NAME, 503, busy);
        TrackedRun t = server().withLocal(Tracker.none(dir)).start("e", RUN, "n", T0, Map.of());
        t.finish(RunStatus.FINISHED, T0);
        assertThat(fake.count(GET_BY_NAME)).isEqualTo(3); // two 503s, then the answer
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));

        // creating a run is not idempotent: one 503 and it is reported, not sent again
        fake.answerNext("POST /api/2.0/mlflow/runs/create", 503, busy);
        assertThatThrownBy(() -> server().withLocal(Tracker.none(dir)).start("e", RUN, "n", T0, Map.of()))
                .isInstanceOfSatisfying(MlflowServerException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).endsWith(
                            "POST /api/2.0/mlflow/runs/create: TEMPORARILY_UNAVAILABLE (HTTP 503): busy");
                });
        assertThat(fake.count("POST /api/2.0/mlflow/runs/create")).isEqualTo(2); // the first run's, and this one

        // a redirect is not followed (it would take the credentials along): the error says where to point trustml
        fake.answerNext(GET_BY_NAME, 301, "");
        assertThatThrownBy(() -> server().withLocal(Tracker.none(dir)).start("e", RUN, "n", T0, Map.of()))
                .isInstanceOfSatisfying(MlflowServerException.class, e -> {
                    assertThat(e.errorCode()).contains("INTERNAL_ERROR"); // MLflow's code for a status it has none for
                    assertThat(e.getMessage()).contains("(HTTP 301)").contains("(redirected to https://127.0.0.1:");
                });

        // a 500 page that is not MLflow's JSON: retried 3 times, then its code is MLflow's for the status
        for (int i = 0; i < 4; i++) {
            fake.answerNext(GET_BY_NAME, 500, "<html>Internal Server Error</html>");
        }
        assertThatThrownBy(() -> server().withLocal(Tracker.none(dir)).start("e", RUN, "n", T0, Map.of()))
                .isInstanceOfSatisfying(MlflowServerException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.errorCode()).contains("INTERNAL_ERROR");
                    assertThat(e.serverMessage()).isEqualTo("<html>Internal Server Error</html>");
                });
    }

    @Test
    void aServerThatNeverAnswersIsReportedAfterTheRetries() {
        // java.net.http itself sends an idempotent GET once more when a connection closes without an answer
        // (jdk.internal.net.http.MultiExchange), so each of trustml's 3 attempts reaches the server twice
        for (int i = 0; i < 6; i++) {
            fake.answerNext(GET_BY_NAME, 0, "");
        }
        assertThatThrownBy(() -> server().withRetries(2, Duration.ofMillis(10)).withLocal(Tracker.none(dir))
                .start("e", RUN, "n", T0, Map.of()))
                .isInstanceOfSatisfying(MlflowServerException.class, e -> {
                    assertThat(e.answered()).isFalse();
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.httpStatus()).isEmpty();
                    assertThat(e.getMessage()).contains(GET_BY_NAME + ": no answer after 3 attempts (");
                });
        assertThat(fake.count(GET_BY_NAME)).isEqualTo(6);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void aRefusedBatchMidRunIsListedAndTheRunStillFinishesWithEverythingLocal() throws IOException {
        Path mlruns = dir.resolve("mlruns");
        MlflowServer server = server().withLocal(new MlflowFileStore(mlruns)).withFlushInterval(Duration.ZERO);
        TrackedRun t = server.start("e", RUN, "n", T0, Map.of());
        fake.answerNext(LOG_BATCH, 400, FakeMlflowServer.error("INVALID_PARAMETER_VALUE", "no lr today"));
        t.logParam("lr", "0.1");
        t.logMetric("acc", 0.5, 0, T0);
        t.finish(RunStatus.FINISHED, T0);

        MlflowServerRun onServer = server.run(RUN).orElseThrow();
        assertThat(onServer.complete()).isFalse();
        assertThat(onServer.failures()).singleElement().asString().startsWith("1 params and 0 tags: ")
                .endsWith("INVALID_PARAMETER_VALUE (HTTP 400): no lr today");
        FakeMlflowServer.Run r = fake.runs.get(onServer.runId());
        assertThat(r.params).doesNotContainKey("lr");
        assertThat(r.metrics).extracting(m -> m.get("key").asText()).containsExactly("acc");
        assertThat(r.tags.get("trustml.sync")).startsWith("incomplete: 1 failed; the local run directory has");
        assertThat(r.status).isEqualTo("FINISHED");
        assertThat(mlruns.resolve("1").resolve(RUN).resolve("params/lr")).hasContent("0.1");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void paramsThatGotNoAnswerAreSentAgainAtTheEndAndMetricsNever() throws IOException {
        Path mlruns = dir.resolve("mlruns");
        MlflowServer server = server().withLocal(new MlflowFileStore(mlruns)).withFlushInterval(Duration.ZERO);
        TrackedRun t = server.start("e", RUN, "n", T0, Map.of());
        for (int i = 0; i < 4; i++) { // the params batch: 1 + 3 retries, none answered
            fake.answerNext(LOG_BATCH, 0, "");
        }
        t.logParam("lr", "0.1");
        t.logMetric("acc", 0.5, 0, T0); // the server is gone: held, not sent
        assertThat(fake.count(LOG_BATCH)).isEqualTo(4);
        t.finish(RunStatus.FINISHED, T0);
        MlflowServerRun first = server.run(RUN).orElseThrow();
        assertThat(first.failures()).isEmpty(); // everything arrived at the end
        FakeMlflowServer.Run r = fake.runs.get(first.runId());
        assertThat(r.params).containsEntry("lr", "0.1");
        assertThat(r.metrics).hasSize(1);

        // a metrics batch without an answer may have been stored: it is never sent again
        String second = "fedcba9876543210fedcba9876543210";
        TrackedRun u = server.start("e", second, "n", T0, Map.of());
        fake.answerNext(LOG_BATCH, 0, "");
        u.logMetric("acc", 0.5, 0, T0);
        u.logParam("lr", "0.2");
        u.finish(RunStatus.FAILED, T0);
        MlflowServerRun s = server.run(second).orElseThrow();
        assertThat(s.failures()).singleElement().asString().startsWith("1 metric points: ")
                .contains("no answer (not retried: the call is not idempotent)");
        FakeMlflowServer.Run r2 = fake.runs.get(s.runId());
        assertThat(r2.metrics).isEmpty();
        assertThat(r2.params).containsEntry("lr", "0.2");
        assertThat(r2.status).isEqualTo("FAILED");
        assertThat(r2.tags).containsKey("trustml.sync");
        assertThat(mlruns.resolve("1").resolve(second).resolve("metrics/acc")).hasContent("1795428000000 0.5 0");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aServerGoneForGoodLeavesTheRunListedAsIncomplete() {
        MlflowServer server = server().withRetries(0, Duration.ZERO).withLocal(Tracker.none(dir));
        TrackedRun t = server.start("e", RUN, "n", T0, Map.of());
        fake.close();
        t.logParam("lr", "0.1");
        t.logMetric("acc", 0.5, 0, T0);
        t.finish(RunStatus.FINISHED, T0);
        assertThat(server.run(RUN).orElseThrow().failures()).containsExactly(
                "1 params, 0 tags and 1 metric points not sent: the server could not be reached",
                "the run's status FINISHED was not sent: the server could not be reached");
    }

    @Test
    void batchesStayWithinMlflowsLimitsOfCountAndSize() {
        MlflowServer server = server().withLocal(Tracker.none(dir)).withFlushInterval(Duration.ofDays(1));
        TrackedRun t = server.start("e", RUN, "n", T0, Map.of());
        for (int i = 0; i < 250; i++) {
            t.logParam("p" + i, "é".repeat(6000)); // 12 kB of UTF-8 each: 100 of them would pass 1 MB
        }
        for (int i = 0; i < 2500; i++) {
            t.logMetric("loss", 1.0 / (i + 1), i, T0.plusMillis(i));
        }
        for (int i = 0; i < 150; i++) {
            t.setTag("t" + i, "v" + i);
        }
        t.finish(RunStatus.FINISHED, T0);
        assertThat(fake.violations()).isEmpty(); // the fake refuses batches over 100/100/1000 items or 1 MB
        FakeMlflowServer.Run r = fake.runs.get(server.run(RUN).orElseThrow().runId());
        assertThat(r.params).hasSize(250);
        assertThat(r.metrics).hasSize(2500);
        assertThat(r.metrics.get(2499).get("step").asLong()).isEqualTo(2499); // in the order logged
        assertThat(r.tags).containsEntry("t149", "v149");
        for (FakeMlflowServer.Request q : fake.requests()) {
            assertThat(q.body().length).isLessThanOrEqualTo(MlflowServerTrackedRun.MAX_BATCH_BYTES);
        }
        assertThat(fake.count(LOG_BATCH)).isGreaterThanOrEqualTo(3 + 3); // 2500 metrics, and 250 params by size
    }

    @Test
    void nonFiniteMetricsAreSentAsProto3JsonStrings() {
        MlflowServer server = server().withLocal(Tracker.none(dir));
        TrackedRun t = server.start("e", RUN, "n", T0, Map.of());
        t.logMetric("undefined", Double.NaN, 0, T0);
        t.logMetric("big", Double.POSITIVE_INFINITY, 0, T0);
        t.logMetric("small", Double.NEGATIVE_INFINITY, 0, T0);
        t.finish(RunStatus.FINISHED, T0);
        assertThat(fake.violations()).isEmpty();
        assertThat(fake.runs.get(server.run(RUN).orElseThrow().runId()).metrics)
                .extracting(m -> m.get("value").asText()).containsExactly("NaN", "Infinity", "-Infinity");
    }

    @Test
    void artifactsGoThroughTheProxyPercentEncodedAndAServerWithoutItIsReported() throws IOException {
        MlflowServer server = server().withLocal(new MlflowFileStore(dir.resolve("mlruns")));
        TrackedRun t = server.start("e", RUN, "n", T0, Map.of());
        Files.createDirectories(t.artifactDirectory().resolve("02-train"));
        Files.writeString(t.artifactDirectory().resolve("02-train/model params.json"), "{}");
        t.finish(RunStatus.FINISHED, T0);
        String runId = server.run(RUN).orElseThrow().runId();
        assertThat(fake.requests()).extracting(FakeMlflowServer.Request::path)
                .contains("/api/2.0/mlflow-artifacts/artifacts/1/" + runId + "/artifacts/02-train/model%20params.json");
        assertThat(fake.artifacts).containsKey("1/" + runId + "/artifacts/02-train/model params.json");

        fake.artifactRoot("s3://bucket");
        String other = "fedcba9876543210fedcba9876543210";
        TrackedRun u = server.start("e", other, "n", T0, Map.of());
        Files.writeString(u.artifactDirectory().resolve("run.json"), "{}");
        u.finish(RunStatus.FINISHED, T0);
        assertThat(server.run(other).orElseThrow().failures()).singleElement().asString()
                .startsWith("artifacts not uploaded: the server keeps this run's artifacts at s3://bucket/1/")
                .contains("--serve-artifacts");
        assertThat(fake.artifacts).hasSize(1);
    }

    @Test
    void withMlflowServerKeepsTheTrackerChosenSoFarAsTheLocalOne() {
        MlflowFileStore store = new MlflowFileStore(dir.resolve("mlruns"));
        RunOptions o = RunOptions.seed(1).withTracker(store).withMlflowServer(fake.uri()).withMlflowServer(fake.uri());
        assertThat(o.tracker()).isInstanceOfSatisfying(MlflowServer.class, s -> {
            assertThat(s.local()).isSameAs(store);
            assertThat(s.uri()).isEqualTo(fake.uri());
            assertThat(s.toString()).contains("credentials from the environment");
        });
        assertThat(fake.requests()).isEmpty(); // nothing is sent before a run starts
    }

    @Test
    void theTrackingUriMustBeAServerAndHoldNoPassword() {
        assertThatThrownBy(() -> MlflowServer.at("http://bob:hunter2@mlflow.example:5000"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(MlflowCredentials.PASSWORD)
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> MlflowServer.at("sqlite:///mlflow.db")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("withMlflowStore");
        assertThatThrownBy(() -> MlflowServer.at("trustml-runs/mlruns")).isInstanceOf(InvalidInputException.class);
        assertThat(MlflowServer.at("https://mlflow.example/prefix/").uri()).hasToString("https://mlflow.example/prefix/");
        assertThatThrownBy(() -> server().withLocal(server())).isInstanceOf(InvalidInputException.class);
    }
}
