package org.trustml.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/** With a token configured, every route but the health checks needs it. */
class TokenAuthTest {
    @TempDir
    static Path dir;

    static ModelServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String TOKEN = "s3cr3t-t0ken";

    @BeforeAll
    static void start() throws Exception {
        server = ModelServer.start(ServerConfig.defaults().withPort(0).withToken(TOKEN), TestPackages.tiny(dir, "m"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOpenEverythingElseNeedsTheToken() throws Exception {
        assertThat(call("GET", "/v2/health/live", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/v2/health/ready", null).statusCode()).isEqualTo(200);
        List<String[]> protectedRoutes = List.of(new String[] {"GET", "/v2"}, new String[] {"GET", "/v2/models/m"},
                new String[] {"GET", "/v2/models/m/ready"}, new String[] {"GET", "/v2/models/m/versions/1"},
                new String[] {"POST", "/v2/models/m/infer"}, new String[] {"POST", "/v2/models/m/versions/1/infer"},
                new String[] {"GET", "/metrics"}, new String[] {"GET", "/v2/models/unknown"});
        for (String[] r : protectedRoutes) {
            HttpResponse<String> none = call(r[0], r[1], null);
            assertThat(none.statusCode()).as(r[1]).isEqualTo(401);
            assertThat(none.body()).isEqualTo("{\"error\":\"missing bearer token\"}");
            assertThat(none.headers().firstValue("www-authenticate")).contains("Bearer realm=\"trustml\"");
            assertThat(call(r[0], r[1], "Bearer wrong").statusCode()).as(r[1]).isEqualTo(401);
            assertThat(call(r[0], r[1], "Bearer " + TOKEN + "x").statusCode()).as(r[1]).isEqualTo(401);
            assertThat(call(r[0], r[1], TOKEN).statusCode()).as(r[1]).isEqualTo(401); // no "Bearer "
            int ok = call(r[0], r[1], "Bearer " + TOKEN).statusCode();
            // with the token: served (the empty infer body is a 400, the unknown model a 404), never 401
            assertThat(ok).as(r[1]).isIn(200, 400, 404);
        }
    }

    /**
     * Without the token the body is not waited for: the 401 comes at once, even for a body that never
     * arrives; a body that does arrive is read and dropped after the answer, so the connection closes
     * cleanly (no reset that could swallow the 401).
     */
    @Test
    void theTokenIsCheckedBeforeTheBodyIsRead() throws Exception {
        try (SlowClient stalled = new SlowClient(server.port(), 100_000, false, 200, 30_000)) {
            // SlowClient posts to the model "colours"; the route does not matter: the token is checked first
            stalled.await();
            assertThat(stalled.answeredWhileSending()).isTrue();
            assertThat(stalled.answer()).startsWith("HTTP/1.1 401 ").endsWith("{\"error\":\"missing bearer token\"}");
            assertThat(stalled.sent()).isLessThan(100_000);
        }
        String body = "{\"inputs\":[" + " ".repeat(20_000) + "]}";
        String answer = ModelServerTest.raw(server.port(), "POST /v2/models/m/infer HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer wrong\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(answer).startsWith("HTTP/1.1 401 ").containsIgnoringCase("connection: close")
                .endsWith("{\"error\":\"invalid bearer token\"}");
    }

    @Test
    void aTokenMustBePrintableWithoutSpaces() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerConfig.defaults().withToken("a b"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("token").hasMessageNotContaining("a b");
    }
}
