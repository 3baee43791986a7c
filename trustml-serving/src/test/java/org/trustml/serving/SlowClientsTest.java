package org.trustml.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.publish.ModelPackage;

/**
 * Clients that send their bodies slowly (issue 17, part 6): they must not stall other requests, and
 * their number is bounded. Assertions are on order (the normal request is answered while every slow
 * client is still connected and sending), never on durations.
 */
class SlowClientsTest {
    @TempDir
    static Path dir;

    static ModelPackage pkg;
    static String request;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void publish() throws Exception {
        pkg = TestPackages.tiny(dir, "colours");
        request = "{\"inputs\":[{\"name\":\"image\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\""
                + Base64.getEncoder().encodeToString(TestPackages.png(32, true, 1)) + "\"]}]}";
    }

    static HttpResponse<String> get(ModelServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> infer(ModelServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/v2/models/colours/infer"))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int bodiesInFlight(ModelServer server) throws Exception {
        String metrics = get(server, "/metrics").body();
        Matcher m = Pattern.compile("(?m)^trustml_request_bodies_in_flight ([0-9.]+)$").matcher(metrics);
        assertThat(m.find()).as(metrics).isTrue();
        return (int) Double.parseDouble(m.group(1));
    }

    /** Polls the gauge (a bounded number of times) until it shows {@code n}. */
    static void awaitBodiesInFlight(ModelServer server, int n) throws Exception {
        for (int i = 0; i < 400 && bodiesInFlight(server) != n; i++) {
            Thread.sleep(25);
        }
        assertThat(bodiesInFlight(server)).isEqualTo(n);
    }

    @Test
    void slowBodiesHoldNoWorkerSoOthersAreServedMeanwhile() throws Exception {
        // 2 workers and 6 slow clients (3 declaring a length, 3 chunked), one byte every 200 ms: with blocking
        // reads every worker would wait on a slow client, and a per-read timeout never fires
        ServerConfig config = ServerConfig.defaults().withPort(0).withWorkerThreads(2).withReadTimeout(Duration.ofSeconds(60));
        try (ModelServer server = ModelServer.start(config, pkg)) {
            List<SlowClient> slow = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                slow.add(new SlowClient(server.port(), 100_000, i % 2 == 1, 200, 30_000));
            }
            awaitBodiesInFlight(server, 6);
            for (int i = 0; i < 3; i++) {
                assertThat(infer(server).statusCode()).isEqualTo(200);
            }
            // answered while every slow client was still connected, sending and unanswered
            for (SlowClient c : slow) {
                assertThat(c.finished()).as("slow client stopped before the normal requests were answered").isFalse();
                assertThat(c.answer()).isEmpty();
            }
            for (SlowClient c : slow) {
                c.stop();
            }
            // a client gone mid-body gives its slot back
            awaitBodiesInFlight(server, 0);
            assertThat(infer(server).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tooManyBodiesAtOnceGet503WithoutBeingReadAndHealthChecksStillAnswer() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withMaxBodiesInFlight(2)
                .withReadTimeout(Duration.ofSeconds(60));
        try (ModelServer server = ModelServer.start(config, pkg)) {
            SlowClient a = new SlowClient(server.port(), 100_000, false, 200, 30_000);
            SlowClient b = new SlowClient(server.port(), 100_000, true, 200, 30_000);
            awaitBodiesInFlight(server, 2);
            // a third body is refused from its headers (sent alone here: a body left unread when the server
            // closes the connection can turn the answer into a reset)
            String refused = ModelServerTest.raw(server.port(), "POST /v2/models/colours/infer HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 1000\r\n\r\n");
            assertThat(refused).startsWith("HTTP/1.1 503 ").containsIgnoringCase("retry-after: 1")
                    .endsWith("{\"error\":\"too many requests are sending their bodies at once; retry later\"}");
            assertThat(get(server, "/v2/health/ready").statusCode()).isEqualTo(200);
            assertThat(a.finished() || b.finished()).isFalse();
            a.stop();
            b.stop();
            awaitBodiesInFlight(server, 0);
            assertThat(infer(server).statusCode()).isEqualTo(200);
            assertThat(get(server, "/metrics").body())
                    .contains("trustml_requests_total{code=\"503\",route=\"infer\"} 1.0");
        }
    }
}
