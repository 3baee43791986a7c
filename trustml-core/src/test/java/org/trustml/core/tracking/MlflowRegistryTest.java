package org.trustml.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.run.RunStatus;

/** {@link MlflowRegistry} against {@link FakeMlflowServer}: what a promotion and a rollback send. */
class MlflowRegistryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private FakeMlflowServer fake;
    private MlflowServer server;

    @BeforeEach
    void startFake() throws IOException {
        fake = new FakeMlflowServer();
        server = MlflowServer.at(fake.uri()).withCredentials(MlflowCredentials.none()).withLocal(Tracker.none(dir))
                .withSleeper(d -> { });
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private MlflowServerRun finishedRun(String trustmlRunId) {
        TrackedRun t = server.start("covid-ct", trustmlRunId, "train", T0, Map.of());
        t.finish(RunStatus.FINISHED, T0);
        return server.run(trustmlRunId).orElseThrow();
    }

    @Test
    void promoteRegistersTheRunsModelAndMovesTheAliasAndRollbackMovesItBack() {
        MlflowRegistry registry = server.registry();
        MlflowServerRun first = finishedRun("0123456789abcdef0123456789abcdef");
        MlflowModelVersion v1 = registry.promote("covid-ct", first, "04-train/model", "champion");
        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.source()).isEqualTo("mlflow-artifacts:/1/" + first.runId() + "/artifacts/04-train/model");
        assertThat(v1.runId()).contains(first.runId());
        assertThat(v1.aliases()).containsExactly("champion");
        assertThat(v1.status()).isEqualTo("READY");

        MlflowServerRun second = finishedRun("fedcba9876543210fedcba9876543210");
        MlflowModelVersion v2 = registry.promote("covid-ct", second, "/04-train/model/", "champion");
        assertThat(v2.version()).isEqualTo("2");
        assertThat(registry.versionByAlias("covid-ct", "champion")).hasValueSatisfying(
                v -> assertThat(v.version()).isEqualTo("2"));
        assertThat(registry.modelVersion("covid-ct", "1").aliases()).isEmpty();

        registry.setAlias("covid-ct", "champion", "1"); // rollback: one call
        assertThat(registry.versionByAlias("covid-ct", "champion").orElseThrow().version()).isEqualTo("1");
        assertThat(fake.count("POST /api/2.0/mlflow/registered-models/create")).isEqualTo(2); // the 2nd: already there
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void anExistingRegisteredModelIsFineAndAnUnsetAliasIsEmpty() {
        MlflowRegistry registry = server.registry();
        assertThat(registry.ensureRegisteredModel("m")).isTrue();
        assertThat(registry.ensureRegisteredModel("m")).isFalse();
        assertThat(registry.versionByAlias("m", "champion")).isEmpty();
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aVersionOfAModelNotRegisteredIsTheServersErrorNamingTheEndpoint() {
        assertThatThrownBy(() -> server.registry().createModelVersion("nope", "mlflow-artifacts:/1/x/artifacts/m",
                "abc")).isInstanceOfSatisfying(MlflowServerException.class, e -> {
                    assertThat(e.errorCode()).contains("RESOURCE_DOES_NOT_EXIST");
                    assertThat(e.httpStatus()).hasValue(404);
                    assertThat(e.endpoint()).isEqualTo("POST /api/2.0/mlflow/model-versions/create");
                    assertThat(e.getMessage()).contains("Registered Model with name=nope not found");
                });
    }

    @Test
    void aliasesMlflowReservesOrRefusesAreRefusedBeforeAnyRequest() {
        MlflowRegistry registry = server.registry();
        for (String bad : new String[] {"latest", "Latest", "v3", "V12", "two words", "", "x".repeat(257)}) {
            assertThatThrownBy(() -> registry.setAlias("m", bad, "1")).as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> registry.setAlias("m", "champion", "one")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a version number");
        assertThat(fake.requests()).isEmpty();
    }
}
