package org.trustml.core.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.trustml.core.TrustmlException;
import org.trustml.core.Versions;
import org.trustml.core.io.Json;

/**
 * MLflow's REST API 2.0 over {@code java.net.http}: JSON requests ({@code Content-Type: application/json}, as
 * https://mlflow.org/docs/latest/rest-api.html requires for every POST), JSON answers, MLflow error answers
 * ({@code {"error_code", "message"}}) as {@link MlflowServerException}.
 *
 * <p>Calls marked {@link Retry#IDEMPOTENT} are sent again after a network failure or a transient status (408, 429,
 * 500, 502, 503, 504: the set MLflow's own client retries), at most {@code retries} more times, waiting
 * {@code backoff}, 2·{@code backoff}, 4·{@code backoff}... in between. {@link Retry#ONCE} calls (creating an
 * experiment, a run, a model version; logging metrics, which MLflow appends) are sent once: a lost answer might
 * hide a call that succeeded. Immutable and thread-safe.
 */
final class MlflowRest {
    /** The tracking API root. */
    static final String API = "/api/2.0/mlflow/";
    /** The artifact proxy of {@code mlflow server --serve-artifacts} (the default since MLflow 2.0). */
    static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";

    private static final Set<Integer> TRANSIENT = Set.of(408, 429, 500, 502, 503, 504);
    private static final int MAX_MESSAGE = 500;
    /**
     * The error code MLflow's client gives an answer without one: {@code HTTP_STATUS_TO_ERROR_CODE} of
     * {@code mlflow/exceptions.py} (the inverse of {@code ERROR_CODE_TO_HTTP_STATUS}, 400, 404 and 500 overridden);
     * any other status is {@code INTERNAL_ERROR}.
     */
    private static final Map<Integer, String> CODE_OF_STATUS = Map.ofEntries(Map.entry(400, "BAD_REQUEST"),
            Map.entry(401, "UNAUTHENTICATED"), Map.entry(403, "PERMISSION_DENIED"), Map.entry(404, "ENDPOINT_NOT_FOUND"),
            Map.entry(409, "ALREADY_EXISTS"), Map.entry(429, "RESOURCE_EXHAUSTED"), Map.entry(499, "CANCELLED"),
            Map.entry(500, "INTERNAL_ERROR"), Map.entry(501, "NOT_IMPLEMENTED"), Map.entry(503, "TEMPORARILY_UNAVAILABLE"),
            Map.entry(504, "DEADLINE_EXCEEDED"));

    /** Whether a call may be sent again. */
    enum Retry { IDEMPOTENT, ONCE }

    /** Waits between attempts (a test passes one that does not sleep). */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final URI base;
    private final MlflowCredentials credentials;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int retries;
    private final Duration backoff;
    private final Sleeper sleeper;

    MlflowRest(URI base, MlflowCredentials credentials, Duration connectTimeout, Duration requestTimeout, int retries,
            Duration backoff, Sleeper sleeper) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    URI base() {
        return base;
    }

    /** {@code GET /api/2.0/mlflow/<method>?<query>}; always idempotent. */
    JsonNode get(String method, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "");
        q.setEmptyValue("");
        query.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
        URI uri = URI.create(base + API + method + q);
        return send("GET " + API + method, Retry.IDEMPOTENT,
                () -> request(uri).header("Accept", "application/json").GET().build());
    }

    /** {@code POST /api/2.0/mlflow/<method>} with a JSON body. */
    JsonNode post(String method, ObjectNode body, Retry retry) {
        String json;
        try {
            json = Json.compactWriter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
        URI uri = URI.create(base + API + method);
        return send("POST " + API + method, retry, () -> request(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code PUT <target>} with the file's bytes (an artifact upload; the same bytes again are harmless). */
    void put(URI target, Path file) {
        String type = URLConnection.guessContentTypeFromName(file.getFileName().toString());
        send("PUT " + target.getRawPath(), Retry.IDEMPOTENT, () -> {
            try {
                return request(target).header("Content-Type", type != null ? type : "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        });
    }

    /** A path segment (or query value) percent-encoded for a URI: spaces as {@code %20}, never {@code +}. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("User-Agent", "trustml/" + Versions.trustml());
        credentials.authorization().ifPresent(a -> b.header("Authorization", a));
        return b;
    }

    private JsonNode send(String endpoint, Retry retry, Supplier<HttpRequest> request) {
        int allowed = retry == Retry.IDEMPOTENT ? retries + 1 : 1;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt < allowed) {
                    pause(attempt, endpoint);
                    continue;
                }
                throw MlflowServerException.unreachable(base, endpoint, attempt, retry == Retry.IDEMPOTENT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrustmlException("interrupted while calling MLflow server " + base + ", " + endpoint, e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return parse(endpoint, response.body());
            }
            if (TRANSIENT.contains(status) && attempt < allowed) {
                pause(attempt, endpoint);
                continue;
            }
            throw error(endpoint, status, response.body(), response.headers().firstValue("Location"), attempt);
        }
    }

    private void pause(int attempt, String endpoint) {
        try {
            sleeper.sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrustmlException("interrupted while retrying MLflow server " + base + ", " + endpoint, e);
        }
    }

    private JsonNode parse(String endpoint, String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = Json.reader().readTree(body);
            if (!node.isObject()) {
                throw MlflowServerException.malformed(base, endpoint, "JSON that is not an object: " + cut(body));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw MlflowServerException.malformed(base, endpoint, "something that is not JSON: " + cut(body));
        }
    }

    /**
     * MLflow's error body when there is one; otherwise the code MLflow's client derives from the status
     * ({@code mlflow/exceptions.py} {@code HTTP_STATUS_TO_ERROR_CODE}) and the body as the message.
     */
    private MlflowServerException error(String endpoint, int status, String body, Optional<String> location,
            int attempts) {
        String code = null;
        String message = body == null ? "" : body;
        try {
            JsonNode node = body == null || body.isBlank() ? null : Json.reader().readTree(body);
            if (node != null && node.isObject() && node.path("error_code").isTextual()) {
                code = node.get("error_code").asText();
                message = node.path("message").asText("");
            }
        } catch (JsonProcessingException e) {
            // not MLflow's JSON error (a proxy's page, the basic-auth app's plain text): the body is the message
        }
        if (code == null) {
            code = CODE_OF_STATUS.getOrDefault(status, "INTERNAL_ERROR");
        }
        // redirects are not followed (they would carry the credentials elsewhere): say where to point trustml
        String where = location.map(l -> " (redirected to " + l + ": give trustml that URI)").orElse("");
        return MlflowServerException.answered(base, endpoint, status, code, cut(message) + where, attempts);
    }

    private static String cut(String s) {
        String one = s.strip().replace("\r", " ").replace("\n", " ");
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
