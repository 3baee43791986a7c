package org.trustml.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.publish.ModelPackage;
import org.trustml.vision.train.TrainedModel;

/** The v2 routes, request/response JSON, faults and metrics of a server on loopback. */
class ModelServerTest {
    @TempDir
    static Path dir;

    static ModelPackage pkg;
    static ModelServer server;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static byte[] redPng;
    static byte[] bluePng;

    @BeforeAll
    static void start() throws IOException {
        pkg = TestPackages.tiny(dir, "colours");
        redPng = TestPackages.png(40, true, 1);
        bluePng = TestPackages.png(40, false, 2);
        server = ModelServer.start(ServerConfig.defaults().withPort(0).withBatching(8, Duration.ofMillis(20))
                .withMaxRequestBytes(64 * 1024).withReadTimeout(Duration.ofSeconds(1)), pkg);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String imageRequest(byte[]... pngs) {
        StringBuilder data = new StringBuilder();
        for (byte[] p : pngs) {
            data.append(data.length() == 0 ? "" : ",").append('"').append(Base64.getEncoder().encodeToString(p)).append('"');
        }
        return "{\"id\":\"r1\",\"inputs\":[{\"name\":\"image\",\"shape\":[" + pngs.length
                + "],\"datatype\":\"BYTES\",\"data\":[" + data + "]}]}";
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** A good request still gets a right answer: the server kept serving. */
    static void stillServing() throws Exception {
        HttpResponse<String> r = post("/v2/models/colours/infer", imageRequest(redPng));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void healthMetadataAndReadiness() throws Exception {
        assertThat(json(get("/v2/health/live")).get("live").asBoolean()).isTrue();
        assertThat(json(get("/v2/health/ready")).get("ready").asBoolean()).isTrue();
        JsonNode v2 = json(get("/v2"));
        assertThat(v2.get("name").asText()).isEqualTo("trustml");
        assertThat(v2.get("extensions").isArray()).isTrue();
        JsonNode meta = json(get("/v2/models/colours"));
        assertThat(meta.get("name").asText()).isEqualTo("colours");
        assertThat(meta.get("versions").toString()).isEqualTo("[\"1\"]");
        assertThat(meta.get("inputs").toString()).isEqualTo("[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[-1]},"
                + "{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,3,32,32]}]");
        assertThat(meta.get("outputs").toString()).isEqualTo("[{\"name\":\"probabilities\",\"datatype\":\"FP32\","
                + "\"shape\":[-1,2]},{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
        assertThat(json(get("/v2/models/colours/versions/1"))).isEqualTo(meta);
        HttpResponse<String> ready = get("/v2/models/colours/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("ready").asBoolean()).isTrue();
        assertThat(get("/v2/models/colours/versions/1/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void inferOnEncodedImagesMatchesTheLibrary() throws Exception {
        HttpResponse<String> r = post("/v2/models/colours/infer", imageRequest(redPng, bluePng));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("application/json");
        JsonNode body = json(r);
        assertThat(body.get("model_name").asText()).isEqualTo("colours");
        assertThat(body.get("model_version").asText()).isEqualTo("1");
        assertThat(body.get("id").asText()).isEqualTo("r1");
        JsonNode probs = body.get("outputs").get(0);
        assertThat(probs.get("name").asText()).isEqualTo("probabilities");
        assertThat(probs.get("datatype").asText()).isEqualTo("FP32");
        assertThat(probs.get("shape").toString()).isEqualTo("[2,2]");
        // peer value: the library's own prediction on the same files, same parameters
        Path red = Files.write(dir.resolve("red.png"), redPng);
        Path blue = Files.write(dir.resolve("blue.png"), bluePng);
        TrainedModel t = pkg.trainedModel();
        double[][] expected;
        try (Model m = t.load()) {
            expected = t.predictProbabilities(m, List.of(red, blue));
        }
        for (int i = 0; i < 4; i++) {
            // served as FP32: equal to the double within float rounding
            assertThat(probs.get("data").get(i).asDouble()).isCloseTo(expected[i / 2][i % 2], within(1e-6));
        }
        JsonNode label = body.get("outputs").get(1);
        assertThat(label.get("datatype").asText()).isEqualTo("BYTES");
        assertThat(label.get("data").get(0).asText()).isEqualTo(expected[0][1] > expected[0][0] ? "red" : "blue");
    }

    @Test
    void inferOnFp32TensorsFlatOrNestedAndOnAVersion() throws Exception {
        float[] x = pkg.trainedModel().imageTensor(redPng, "red");
        StringBuilder flat = new StringBuilder();
        for (float v : x) {
            flat.append(flat.length() == 0 ? "" : ",").append(v);
        }
        String flatReq = "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3,32,32],\"datatype\":\"FP32\",\"data\":["
                + flat + "]}],\"outputs\":[{\"name\":\"probabilities\"}]}";
        JsonNode a = json(post("/v2/models/colours/versions/1/infer", flatReq));
        JsonNode b = json(post("/v2/models/colours/infer", imageRequest(redPng)));
        assertThat(a.get("outputs")).hasSize(1);
        // same tensor as the decoded PNG, so the same probabilities (one forward pass each, batch of one)
        assertThat(a.at("/outputs/0/data/0").asDouble()).isCloseTo(b.at("/outputs/0/data/0").asDouble(), within(1e-6));
        // nested row-major [1][3][32][32]
        StringBuilder nested = new StringBuilder("[[");
        for (int c = 0; c < 3; c++) {
            nested.append(c == 0 ? "[" : ",[");
            for (int y = 0; y < 32; y++) {
                nested.append(y == 0 ? "[" : ",[");
                for (int xx = 0; xx < 32; xx++) {
                    nested.append(xx == 0 ? "" : ",").append(x[c * 1024 + y * 32 + xx]);
                }
                nested.append(']');
            }
            nested.append(']');
        }
        nested.append("]]");
        JsonNode n = json(post("/v2/models/colours/infer", "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3,32,32],"
                + "\"datatype\":\"FP32\",\"data\":" + nested + "}]}"));
        assertThat(n.at("/outputs/0/data/0").asDouble()).isCloseTo(a.at("/outputs/0/data/0").asDouble(), within(1e-6));
    }

    @Test
    void badRequestsGetTheRightStatusAndAJsonError() throws Exception {
        String img = Base64.getEncoder().encodeToString(redPng);
        List<String[]> cases = List.of(
                new String[] {"{\"inputs\": [", "400", "malformed JSON"},
                new String[] {"[1,2]", "400", "JSON object"},
                new String[] {"{\"inputs\":[{\"name\":\"image\",\"shape\":[2],\"datatype\":\"BYTES\",\"data\":[\"" + img
                        + "\"]}]}", "400", "2 base64 strings"},
                new String[] {"{\"inputs\":[{\"name\":\"image\",\"shape\":[1,1],\"datatype\":\"BYTES\",\"data\":[\"" + img
                        + "\"]}]}", "400", "expected [n]"},
                new String[] {"{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3,8,8],\"datatype\":\"FP32\",\"data\":[0]}]}",
                        "400", "expected [n, 3, 32, 32]"},
                new String[] {"{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3,32,32],\"datatype\":\"FP32\",\"data\":[0,1]}]}",
                        "400", "has 2 values"},
                new String[] {"{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3,32,32],\"datatype\":\"FP32\",\"data\":[\"a\"]}]}",
                        "400", "expected FP32 numbers"},
                new String[] {"{\"inputs\":[{\"name\":\"image\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[\"" + img
                        + "\"]}]}", "400", "datatype FP32; expected BYTES"},
                new String[] {"{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3,32,32],\"datatype\":\"INT64\",\"data\":[0]}]}",
                        "400", "datatype INT64; expected FP32"},
                new String[] {"{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"x\"]}]}",
                        "400", "unknown input 'pixels'"},
                new String[] {"{\"inputs\":[{\"name\":\"image\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"%%%\"]}]}",
                        "400", "not base64"},
                new String[] {"{\"inputs\":[{\"name\":\"image\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\""
                        + Base64.getEncoder().encodeToString("not an image".getBytes(StandardCharsets.UTF_8)) + "\"]}]}",
                        "400", "not an image"},
                new String[] {imageRequest(redPng).replace("}]}", "}],\"outputs\":[{\"name\":\"logits\"}]}"), "400",
                        "unknown output 'logits'"},
                // nesting far past Jackson's depth limit: refused by the parser, no stack overflow
                new String[] {"{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3,32,32],\"datatype\":\"FP32\",\"data\":"
                        + "[".repeat(20_000) + "]".repeat(20_000) + "}]}", "400", "malformed JSON"});
        for (String[] c : cases) {
            HttpResponse<String> r = post("/v2/models/colours/infer", c[0]);
            assertThat(r.statusCode()).as(c[0].length() > 80 ? c[0].substring(0, 80) : c[0])
                    .isEqualTo(Integer.parseInt(c[1]));
            assertThat(json(r).get("error").asText()).contains(c[2]);
            assertThat(r.body()).doesNotContain("Exception", "\tat ");
            stillServing();
        }
    }

    @Test
    void unknownModelsVersionsRoutesAndMethods() throws Exception {
        HttpResponse<String> r = post("/v2/models/cats/infer", imageRequest(redPng));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("unknown model 'cats'");
        assertThat(post("/v2/models/colours/versions/9/infer", imageRequest(redPng)).statusCode()).isEqualTo(404);
        assertThat(get("/v2/models/colours/versions/9").statusCode()).isEqualTo(404);
        assertThat(get("/v2/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/index.html").statusCode()).isEqualTo(404);
        HttpResponse<String> m = get("/v2/models/colours/infer");
        assertThat(m.statusCode()).isEqualTo(405);
        assertThat(m.headers().firstValue("allow")).contains("POST");
        stillServing();
    }

    @Test
    void oversizedBodiesGet413() throws Exception {
        String big = imageRequest(new byte[70 * 1024]); // base64 of 70 KiB > the 64 KiB limit
        HttpResponse<String> r = post("/v2/models/colours/infer", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error").asText()).contains("over the limit of 65536 bytes");
        // chunked (no Content-Length): cut off while reading
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(server.uri().resolve("/v2/models/colours/infer"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        // far over the limit: answered from the headers, before any of the body is sent
        String answer = raw("POST /v2/models/colours/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 50000000\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413 ").contains("{\"error\":\"request body of 50000000 bytes is over the limit");
        stillServing();
    }

    /** Sends raw bytes on a socket and reads everything the server sends until it closes the connection. */
    static String raw(String request) throws IOException {
        return raw(server.port(), request);
    }

    static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aSlowClientDoesNotHoldUpOthersAndIsTimedOut() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            slow.setSoTimeout(30_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v2/models/colours/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500\r\n\r\n{\"inputs\":").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // while it stalls, others are served
            for (int i = 0; i < 3; i++) {
                stillServing();
            }
            // then its body's deadline passes (1 s here): 408, and the connection is closed
            String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 408 ").endsWith("{\"error\":\"the request body did not arrive in "
                    + "full within the read timeout of 1000 ms (10 of 500 bytes received)\"}");
        }
        stillServing();
    }

    /** The case: 10 bytes of a 1,000-byte body, then nothing; and the same for a chunked body. */
    @Test
    void aStalledBodyGets408AndAClosedConnectionNever500() throws Exception {
        String declared = raw("POST /v2/models/colours/infer HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"
                + "{\"inputs\":");
        assertThat(declared).startsWith("HTTP/1.1 408 ").containsIgnoringCase("connection: close")
                .contains("(10 of 1000 bytes received)");
        String chunked = raw("POST /v2/models/colours/infer HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "a\r\n{\"inputs\":\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 408 ").contains("(10 bytes received)");
        assertThat(get("/metrics").body()).doesNotContain("code=\"500\"");
        stillServing();
    }

    /** A client that asks to be told to go on before it sends its body is told so (and then served). */
    @Test
    void expect100ContinueIsAnsweredBeforeTheBody() throws Exception {
        byte[] body = imageRequest(redPng).getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("POST /v2/models/colours/infer HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            byte[] interim = new byte[25];
            int n = 0;
            while (n < interim.length) {
                int r = s.getInputStream().read(interim, n, interim.length - n);
                assertThat(r).as("the server closed the connection").isPositive();
                n += r;
            }
            assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 ");
        }
    }

    /** One byte every 100 ms never lets a per-read timeout fire; the deadline for the whole body does. */
    @Test
    void aTrickledBodyGets408AtItsDeadlineWhileStillSending() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            try (SlowClient c = new SlowClient(server.port(), 5000, chunked, 100, 20_000)) {
                c.await();
                assertThat(c.answeredWhileSending()).as("answered while the client was still sending").isTrue();
                assertThat(c.answer()).startsWith("HTTP/1.1 408 ").contains("within the read timeout of 1000 ms");
                assertThat(c.closedByServer()).isTrue();
                assertThat(c.sent()).isLessThan(5000);
            }
        }
        stillServing();
    }

    @Test
    void tooManyOrTooLargeHeadersGet400() throws Exception {
        StringBuilder many = new StringBuilder("GET /v2/health/live HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 150; i++) {
            many.append("X-Header-").append(i).append(": v\r\n");
        }
        assertThat(raw(many + "\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(raw("GET /v2/health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");
        // within the limits: 90 headers of 8 KiB in all
        StringBuilder fine = new StringBuilder("GET /v2/health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (int i = 0; i < 90; i++) {
            fine.append("X-Header-").append(i).append(": ").append("v".repeat(80)).append("\r\n");
        }
        assertThat(raw(fine + "\r\n")).startsWith("HTTP/1.1 200 ");
        stillServing();
    }

    /** A number that parses but overflows FP32 (1e39 > 3.4028235e38) becomes infinite: refused, naming where. */
    @Test
    void nonFiniteInputsAfterParsingGet400() throws Exception {
        for (String bad : List.of("1e39", "-1e39", "1" + "0".repeat(60), "1e400")) {
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < 3 * 32 * 32; i++) {
                data.append(i == 0 ? "" : ",").append(i == 1029 ? bad : "0.5");
            }
            HttpResponse<String> r = post("/v2/models/colours/infer", "{\"inputs\":[{\"name\":\"input\",\"shape\":"
                    + "[1,3,32,32],\"datatype\":\"FP32\",\"data\":[" + data + "]}]}");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            // flat index 1029 = channel 1, row 0, column 5 of a 32x32 plane
            assertThat(json(r).get("error").asText()).as(bad).startsWith("input 'input' data[0][1][0][5] (flat index 1029) is ")
                    .endsWith(", which is not a finite FP32 number (expected |x| <= 3.4028235E38)");
        }
        stillServing();
    }

    /** Image sizes come from the headers, summed over the request, before anything is decoded. */
    @Test
    void imagesOverThePixelLimitAreRefusedBeforeDecoding() throws Exception {
        // 16,777,216 pixels per request by default: one 5000x5000 image is over, so are two of 3000x3000
        HttpResponse<String> one = post("/v2/models/colours/infer", imageRequest(TestPackages.declaring(redPng, 5000, 5000)));
        assertThat(one.statusCode()).isEqualTo(400);
        assertThat(json(one).get("error").asText()).isEqualTo("input 'image' data[0] is 5000x5000 (25000000 pixels), which "
                + "brings the request's images to 25000000 pixels, over the server's limit of 16777216 per request "
                + "(maxImagePixels); nothing was decoded");
        byte[] nine = TestPackages.declaring(redPng, 3000, 3000);
        HttpResponse<String> two = post("/v2/models/colours/infer", imageRequest(nine, nine));
        assertThat(json(two).get("error").asText()).startsWith("input 'image' data[1] is 3000x3000 (9000000 pixels), "
                + "which brings the request's images to 18000000 pixels");
        // one of them alone is within the limit, so it is decoded (and its pixel data is far too short)
        HttpResponse<String> alone = post("/v2/models/colours/infer", imageRequest(nine));
        assertThat(json(alone).get("error").asText()).startsWith("input column 'image[0]': value '");
        assertThat(json(alone).get("error").asText()).contains("cannot be decoded as an image");
        stillServing();
    }

    @Test
    void aClientThatDisconnectsMidRequestIsCountedAndTheServerGoesOn() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.getOutputStream().write(("POST /v2/models/colours/infer HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: 5000\r\n\r\n{\"inputs\":[{\"name\":").getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
            }
        }
        stillServing();
        // the three show up as 499 once their worker noticed; poll the counter a bounded number of times
        String metrics = "";
        for (int i = 0; i < 100 && !metrics.contains("code=\"499\""); i++) {
            Thread.sleep(50);
            metrics = get("/metrics").body();
        }
        assertThat(metrics).contains("trustml_requests_total{code=\"499\",route=\"infer\"}");
    }

    @Test
    void pathSegmentsAreValidatedSoNothingOutsideTheModelsIsReached() throws Exception {
        for (String path : List.of("/v2/models/..%2F..%2F..%2Fetc%2Fpasswd/ready", "/v2/models/%2e%2e/ready",
                "/v2/models/../../etc/passwd", "/v2/models/colours/versions/..%2F1/ready",
                "/v2/models/colours/versions/%2e%2e/ready", "/v2/models/COLOURS/ready", "/v2/models/colours%5c..%5c/ready")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 (400|404) .*");
            assertThat(answer).as(path).doesNotContain("root:", "Exception");
        }
        stillServing();
    }

    @Test
    void concurrentRequestsAreBatchedAndMetricsAreExported() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(server.uri().resolve("/v2/models/colours/infer"))
                    .POST(HttpRequest.BodyPublishers.ofString(imageRequest(i % 2 == 0 ? redPng : bluePng)))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
        HttpResponse<String> m = get("/metrics");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        assertThat(m.body()).contains("# TYPE trustml_requests_total counter", "trustml_requests_total{code=\"200\",route=\"infer\"}",
                "# TYPE trustml_request_duration_seconds histogram", "trustml_request_duration_seconds_bucket{route=\"infer\",le=\"0.1\"}",
                "# TYPE trustml_batch_size histogram", "trustml_batch_size_bucket{le=\"8.0\"}", "trustml_queue_depth");
    }

    @Test
    void oneModelPerNameAndAtLeastOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelServer.start(ServerConfig.defaults().withPort(0),
                List.of(pkg, pkg))).hasMessageContaining("is served twice");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelServer.start(ServerConfig.defaults().withPort(0),
                List.of())).hasMessageContaining("no model package");
    }


}
