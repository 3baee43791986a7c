package org.trustml.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustml.core.tracking.MlflowRest.Retry;

/** The fake server's own checks: a request off the documented structure is refused and listed. */
class FakeMlflowServerTest {
    private FakeMlflowServer fake;
    private MlflowRest rest;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeMlflowServer().experiment("e", false);
        rest = new MlflowRest(fake.uri(), MlflowCredentials.none(), Duration.ofSeconds(5), Duration.ofSeconds(5), 0,
                Duration.ZERO, d -> { });
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void unknownFieldsWrongTypesAndMissingFieldsAreRefused() {
        ObjectNode unknown = JsonNodeFactory.instance.objectNode().put("experiment_id", "1").put("colour", "red");
        assertThatThrownBy(() -> rest.post("runs/create", unknown, Retry.ONCE))
                .isInstanceOfSatisfying(MlflowServerException.class,
                        e -> assertThat(e.errorCode()).contains("INVALID_PARAMETER_VALUE"));
        ObjectNode badType = JsonNodeFactory.instance.objectNode().put("experiment_id", "1")
                .put("start_time", "yesterday");
        assertThatThrownBy(() -> rest.post("runs/create", badType, Retry.ONCE))
                .isInstanceOf(MlflowServerException.class);
        ObjectNode badMetric = JsonNodeFactory.instance.objectNode().put("run_id", "r");
        badMetric.putArray("metrics").addObject().put("key", "k").put("value", "high").put("timestamp", 1);
        assertThatThrownBy(() -> rest.post("runs/log-batch", badMetric, Retry.ONCE))
                .isInstanceOf(MlflowServerException.class);
        assertThatThrownBy(() -> rest.post("runs/create", JsonNodeFactory.instance.objectNode(), Retry.ONCE))
                .isInstanceOf(MlflowServerException.class);
        assertThat(fake.violations()).containsExactly(
                "POST /api/2.0/mlflow/runs/create: unknown field body.colour",
                "POST /api/2.0/mlflow/runs/create: body.start_time is \"yesterday\", not a INT64",
                "POST /api/2.0/mlflow/runs/log-batch: body.metrics[0].value is \"high\", not a DOUBLE",
                "POST /api/2.0/mlflow/runs/create: missing required field body.experiment_id");
    }

    @Test
    void aPostThatIsNotJsonIsRefused() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fake.uri() + "/api/2.0/mlflow/experiments/create"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("INVALID_PARAMETER_VALUE");
        assertThat(fake.violations()).singleElement().asString().contains("Content-Type 'text/plain'");
    }
}
