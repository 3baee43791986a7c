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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst larger than the queue gets 503s with a JSON error and Retry-After, the rest are served,
 * and the server serves again afterwards. (The batcher's refusal itself is tested step by step in
 * {@link DynamicBatcherTest}; here the HTTP mapping.)
 */
class QueueFullTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOverTheQueueGets503AndTheServerRecovers() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withBatching(1, Duration.ZERO).withQueueCapacity(1)
                .withWorkerThreads(32);
        try (ModelServer server = ModelServer.start(config, TestPackages.tiny(dir, "q"))) {
            String img = Base64.getEncoder().encodeToString(TestPackages.png(32, true, 4));
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < 96; i++) {
                data.append(i == 0 ? "" : ",").append('"').append(img).append('"');
            }
            // each request holds 96 images: one forward pass takes far longer than the burst takes to arrive
            String body = "{\"inputs\":[{\"name\":\"image\",\"shape\":[96],\"datatype\":\"BYTES\",\"data\":[" + data + "]}]}";
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest req = HttpRequest.newBuilder(server.uri().resolve("/v2/models/q/infer"))
                    .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            List<HttpResponse<String>> refused = new ArrayList<>();
            int served = 0;
            for (int burst = 0; burst < 5 && refused.isEmpty(); burst++) {
                List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> f : all) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).isIn(200, 503);
                    if (r.statusCode() == 503) {
                        refused.add(r);
                    } else {
                        served++;
                    }
                }
            }
            assertThat(refused).isNotEmpty();
            assertThat(served).isPositive();
            assertThat(refused.get(0).body()).isEqualTo("{\"error\":\"the inference queue of 'q' is full; retry later\"}");
            assertThat(refused.get(0).headers().firstValue("retry-after")).contains("1");
            assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("trustml_requests_total{code=\"503\",route=\"infer\"}");
        }
    }
}
