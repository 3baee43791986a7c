package org.trustml.core.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trustml.core.io.Json;

/**
 * An MLflow tracking server in the test's own JVM (JDK {@code com.sun.net.httpserver}), for trustml's REST client.
 * No MLflow server can be installed here, so this one holds every request to the documented REST API 2.0: the
 * endpoints, methods, request fields and JSON types of https://mlflow.org/docs/latest/rest-api.html, which is
 * generated from {@code mlflow/protos/service.proto}, {@code model_registry.proto} and {@code mlflow_artifacts.proto}
 * (read in mlflow/mlflow master, 2026-12). A request with another method, path, content type, an unknown field, a
 * missing required field or a wrong JSON type is answered 400 {@code INVALID_PARAMETER_VALUE} and listed in
 * {@link #violations()}, which every test expects empty unless it provokes one. Answers have the documented response
 * structures; error answers are MLflow's {@code {"error_code", "message"}} with the status of
 * {@code mlflow/exceptions.py} {@code ERROR_CODE_TO_HTTP_STATUS}, or, for 401 and 403, the plain-text answers of
 * MLflow's basic-auth app ({@code mlflow/server/auth/__init__.py}).
 *
 * <p>int64 fields must be JSON numbers (protobuf's JSON mapping also allows strings; trustml sends numbers); double
 * fields numbers or the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (proto3 JSON mapping).
 */
public final class FakeMlflowServer implements AutoCloseable {
    /** A field's JSON type in a request: STRING, INT64, DOUBLE, an enum, or a repeated message. */
    private record Field(String type, boolean required, Set<String> enumValues, Map<String, Field> message) {
        static Field string(boolean required) {
            return new Field("STRING", required, Set.of(), Map.of());
        }

        static Field int64(boolean required) {
            return new Field("INT64", required, Set.of(), Map.of());
        }

        static Field dbl(boolean required) {
            return new Field("DOUBLE", required, Set.of(), Map.of());
        }

        static Field enumOf(String... values) {
            return new Field("ENUM", false, Set.of(values), Map.of());
        }

        static Field repeated(Map<String, Field> message) {
            return new Field("ARRAY", false, Set.of(), message);
        }
    }

    // Request structures, per endpoint (rest-api.html; the proto message named after each).
    /** ExperimentTag, RunTag, RegisteredModelTag, ModelVersionTag: {key, value}. */
    private static final Map<String, Field> TAG = Map.of("key", Field.string(true), "value", Field.string(true));
    /** Param: {key, value}. */
    private static final Map<String, Field> PARAM = TAG;
    /** Metric: {key, value (double), timestamp (int64), step (int64, default 0)}. */
    private static final Map<String, Field> METRIC = Map.of("key", Field.string(true), "value", Field.dbl(true),
            "timestamp", Field.int64(true), "step", Field.int64(false));
    private static final Map<String, Map<String, Field>> POST = Map.of(
            // Create Experiment: name (required), artifact_location, tags
            "experiments/create", Map.of("name", Field.string(true), "artifact_location", Field.string(false),
                    "tags", Field.repeated(TAG)),
            // Create Run: experiment_id, user_id (deprecated), run_name, start_time, tags
            "runs/create", Map.of("experiment_id", Field.string(true), "user_id", Field.string(false),
                    "run_name", Field.string(false), "start_time", Field.int64(false), "tags", Field.repeated(TAG)),
            // Update Run: run_id ("must be provided"), run_uuid (deprecated), status (RunStatus), end_time, run_name
            "runs/update", Map.of("run_id", Field.string(true), "run_uuid", Field.string(false),
                    "status", Field.enumOf("RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"),
                    "end_time", Field.int64(false), "run_name", Field.string(false)),
            // Log Batch: run_id, metrics, params, tags
            "runs/log-batch", Map.of("run_id", Field.string(true), "metrics", Field.repeated(METRIC),
                    "params", Field.repeated(PARAM), "tags", Field.repeated(TAG)),
            // Create RegisteredModel: name (required), tags, description
            "registered-models/create", Map.of("name", Field.string(true), "tags", Field.repeated(TAG),
                    "description", Field.string(false)),
            // Create ModelVersion: name, source (required), run_id, tags, run_link, description
            "model-versions/create", Map.of("name", Field.string(true), "source", Field.string(true),
                    "run_id", Field.string(false), "tags", Field.repeated(TAG), "run_link", Field.string(false),
                    "description", Field.string(false)),
            // Set Registered Model Alias: name, alias, version (all required)
            "registered-models/alias", Map.of("name", Field.string(true), "alias", Field.string(true),
                    "version", Field.string(true)));
    private static final Map<String, Map<String, Field>> GET = Map.of(
            "experiments/get-by-name", Map.of("experiment_name", Field.string(true)),
            "model-versions/get", Map.of("name", Field.string(true), "version", Field.string(true)),
            "registered-models/alias", Map.of("name", Field.string(true), "alias", Field.string(true)));

    /** One request as received. */
    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        public String endpoint() {
            return method + " " + path;
        }
    }

    /** A run as the server keeps it. */
    public static final class Run {
        public final String id;
        public final String experimentId;
        public final String artifactUri;
        public String name;
        public long startTime;
        public Long endTime;
        public String status = "RUNNING";
        public final Map<String, String> params = new LinkedHashMap<>();
        public final Map<String, String> tags = new LinkedHashMap<>();
        public final List<JsonNode> metrics = new ArrayList<>();

        Run(String id, String experimentId, String artifactUri) {
            this.id = id;
            this.experimentId = experimentId;
            this.artifactUri = artifactUri;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, String> experiments = new LinkedHashMap<>(); // name -> id
    private final Set<String> deleted = new java.util.HashSet<>();
    /** The runs, by the server's run id. */
    public final Map<String, Run> runs = new LinkedHashMap<>();
    /** Uploaded artifacts, by path under {@code mlflow-artifacts/artifacts/}. */
    public final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> models = new LinkedHashMap<>();
    private final Map<String, String> aliases = new HashMap<>(); // "<model>@<alias>" -> version
    /** Scripted answers: endpoint -> queue of status (0: close without answering) and body. */
    private final Map<String, Deque<Object[]>> scripted = new HashMap<>();
    private String requiredAuthorization;
    private String artifactRoot = "mlflow-artifacts:";
    private boolean raceOnCreate;

    public FakeMlflowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public synchronized long count(String endpoint) {
        return requests.stream().filter(r -> r.endpoint().equals(endpoint)).count();
    }

    /** Answers 401 (MLflow's basic-auth text) unless the request's Authorization header is {@code header}. */
    public synchronized FakeMlflowServer requireAuthorization(String header) {
        requiredAuthorization = header;
        return this;
    }

    /** Runs get {@code <root>/<experiment>/<run>/artifacts} as their artifact URI (default {@code mlflow-artifacts:}). */
    public synchronized FakeMlflowServer artifactRoot(String root) {
        artifactRoot = root;
        return this;
    }

    /** The next {@code experiments/create} finds the experiment made by "another process" first. */
    public synchronized FakeMlflowServer raceOnCreate() {
        raceOnCreate = true;
        return this;
    }

    /**
     * The next request to {@code endpoint} ({@code "POST /api/..."}) gets this answer instead (status 0: no answer;
     * a 3xx comes with a {@code Location} on https).
     */
    public synchronized FakeMlflowServer answerNext(String endpoint, int status, String body) {
        scripted.computeIfAbsent(endpoint, k -> new ArrayDeque<>()).add(new Object[] {status, body});
        return this;
    }

    public synchronized FakeMlflowServer experiment(String name, boolean isDeleted) {
        String id = String.valueOf(experiments.size() + 1);
        experiments.put(name, id);
        if (isDeleted) {
            deleted.add(id);
        }
        return this;
    }

    public static String error(String code, String message) {
        return JsonNodeFactory.instance.objectNode().put("error_code", code).put("message", message).toString();
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new HashMap<>();
        x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String path = x.getRequestURI().getRawPath();
        Request r = new Request(x.getRequestMethod(), path, x.getRequestURI().getRawQuery(), headers, body);
        requests.add(r);
        Deque<Object[]> queue = scripted.get(r.endpoint());
        if (queue != null && !queue.isEmpty()) {
            Object[] answer = queue.poll();
            if ((int) answer[0] == 0) {
                x.close(); // no answer at all: the client sees the connection end
                return;
            }
            if ((int) answer[0] / 100 == 3) { // a redirect, as a TLS-terminating proxy answers plain HTTP
                x.getResponseHeaders().add("Location", "https://127.0.0.1:" + server.getAddress().getPort() + path);
            }
            send(x, (int) answer[0], (String) answer[1]);
            return;
        }
        if (requiredAuthorization != null && !requiredAuthorization.equals(headers.get("authorization"))) {
            x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"mlflow\"");
            send(x, 401, "You are not authenticated. Please see "
                    + "https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to "
                    + "authenticate.");
            return;
        }
        try {
            Object[] answer = answer(r);
            send(x, (int) answer[0], answer[1].toString());
        } catch (Violation v) {
            violations.add(r.endpoint() + ": " + v.getMessage());
            send(x, 400, error("INVALID_PARAMETER_VALUE", "fake server: " + v.getMessage()));
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static final class Violation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }
    }

    private Object[] answer(Request r) {
        String api = "/api/2.0/mlflow/";
        String artifactsApi = "/api/2.0/mlflow-artifacts/artifacts/";
        if (r.method().equals("PUT") && r.path().startsWith(artifactsApi)) {
            // Upload Artifact (mlflow_artifacts.proto): PUT /mlflow-artifacts/artifacts/<path:artifact_path>
            String rel = URLDecoder.decode(r.path().substring(artifactsApi.length()), StandardCharsets.UTF_8);
            String[] parts = rel.split("/", 4);
            if (parts.length < 4 || !runs.containsKey(parts[1]) || !parts[2].equals("artifacts")) {
                throw new Violation("artifact path " + rel + " is not <experiment>/<run>/artifacts/<file>");
            }
            artifacts.put(rel, r.body());
            return ok(JsonNodeFactory.instance.objectNode());
        }
        if (!r.path().startsWith(api)) {
            throw new Violation("no such endpoint");
        }
        String method = r.path().substring(api.length());
        if (r.method().equals("GET") && GET.containsKey(method)) {
            if (r.body().length > 0) {
                throw new Violation("a GET with a body");
            }
            ObjectNode query = JsonNodeFactory.instance.objectNode();
            if (r.query() != null) {
                for (String pair : r.query().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            check(query, GET.get(method), "query");
            return get(method, query);
        }
        if (r.method().equals("POST") && POST.containsKey(method)) {
            String type = r.headers().getOrDefault("content-type", "");
            if (!type.startsWith("application/json")) {
                throw new Violation("Content-Type '" + type + "' (the API requires application/json for POST)");
            }
            JsonNode json;
            try {
                json = Json.reader().readTree(r.body());
            } catch (IOException e) {
                throw new Violation("a body that is not JSON");
            }
            if (json == null || !json.isObject()) {
                throw new Violation("a body that is not a JSON object");
            }
            if (r.body().length > 1_048_576) {
                throw new Violation("a request over 1 MB");
            }
            check(json, POST.get(method), "body");
            return post(method, json);
        }
        throw new Violation("no such endpoint");
    }

    private static void check(JsonNode node, Map<String, Field> fields, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.containsKey(name)) {
                throw new Violation("unknown field " + where + "." + name);
            }
        });
        fields.forEach((name, f) -> {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                if (f.required()) {
                    throw new Violation("missing required field " + where + "." + name);
                }
                return;
            }
            boolean ok = switch (f.type()) {
                case "STRING" -> v.isTextual();
                case "INT64" -> v.isIntegralNumber();
                case "DOUBLE" -> v.isNumber() || v.isTextual() && Set.of("NaN", "Infinity", "-Infinity")
                        .contains(v.asText());
                case "ENUM" -> v.isTextual() && f.enumValues().contains(v.asText());
                case "ARRAY" -> v.isArray();
                default -> false;
            };
            if (!ok) {
                throw new Violation(where + "." + name + " is " + v + ", not a " + f.type());
            }
            if (f.type().equals("ARRAY")) {
                int i = 0;
                for (JsonNode item : v) {
                    if (!item.isObject()) {
                        throw new Violation(where + "." + name + "[" + i + "] is not an object");
                    }
                    check(item, f.message(), where + "." + name + "[" + i++ + "]");
                }
            }
        });
    }

    private static Object[] ok(JsonNode body) {
        return new Object[] {200, body};
    }

    private static Object[] fail(int status, String code, String message) {
        return new Object[] {status, error(code, message)};
    }

    private Object[] get(String method, JsonNode q) {
        switch (method) {
            case "experiments/get-by-name" -> {
                String id = experiments.get(q.get("experiment_name").asText());
                if (id == null) {
                    return fail(404, "RESOURCE_DOES_NOT_EXIST",
                            "Could not find experiment with name '" + q.get("experiment_name").asText() + "'");
                }
                ObjectNode e = JsonNodeFactory.instance.objectNode().put("experiment_id", id)
                        .put("name", q.get("experiment_name").asText())
                        .put("artifact_location", artifactRoot + "/" + id)
                        .put("lifecycle_stage", deleted.contains(id) ? "deleted" : "active")
                        .put("last_update_time", 1L).put("creation_time", 1L);
                e.putArray("tags");
                ObjectNode answer = JsonNodeFactory.instance.objectNode();
                answer.set("experiment", e);
                return ok(answer);
            }
            case "model-versions/get" -> {
                ObjectNode v = version(q.get("name").asText(), q.get("version").asText());
                if (v == null) {
                    return fail(404, "RESOURCE_DOES_NOT_EXIST", "Model Version (name=" + q.get("name").asText()
                            + ", version=" + q.get("version").asText() + ") not found");
                }
                return ok(JsonNodeFactory.instance.objectNode().set("model_version", withAliases(v)));
            }
            default -> { // registered-models/alias
                String version = aliases.get(q.get("name").asText() + "@" + q.get("alias").asText());
                if (version == null) {
                    // what MLflow's stores answer for an alias that points nowhere
                    return fail(400, "INVALID_PARAMETER_VALUE",
                            "Registered model alias " + q.get("alias").asText() + " not found.");
                }
                return ok(JsonNodeFactory.instance.objectNode()
                        .set("model_version", withAliases(version(q.get("name").asText(), version))));
            }
        }
    }

    private Object[] post(String method, JsonNode b) {
        switch (method) {
            case "experiments/create" -> {
                String name = b.get("name").asText();
                if (raceOnCreate) {
                    raceOnCreate = false;
                    experiment(name, false);
                }
                if (experiments.containsKey(name)) {
                    return fail(400, "RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists.");
                }
                experiment(name, false);
                return ok(JsonNodeFactory.instance.objectNode().put("experiment_id", experiments.get(name)));
            }
            case "runs/create" -> {
                String exp = b.get("experiment_id").asText();
                if (!experiments.containsValue(exp)) {
                    return fail(404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + exp + " exists");
                }
                String id = String.format("%032x", runs.size() + 0xabc0L);
                Run run = new Run(id, exp, artifactRoot + "/" + exp + "/" + id + "/artifacts");
                run.name = b.path("run_name").asText("");
                run.startTime = b.path("start_time").asLong();
                b.path("tags").forEach(t -> run.tags.put(t.get("key").asText(), t.get("value").asText()));
                runs.put(id, run);
                return ok(JsonNodeFactory.instance.objectNode().set("run", runJson(run)));
            }
            case "runs/update" -> {
                Run run = runs.get(b.get("run_id").asText());
                if (run == null) {
                    return fail(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + b.get("run_id").asText() + "' not found");
                }
                if (b.has("status")) {
                    run.status = b.get("status").asText();
                }
                if (b.has("end_time")) {
                    run.endTime = b.get("end_time").asLong();
                }
                return ok(JsonNodeFactory.instance.objectNode().set("run_info", runJson(run).get("info")));
            }
            case "runs/log-batch" -> {
                return logBatch(b);
            }
            case "registered-models/create" -> {
                String name = b.get("name").asText();
                if (models.containsKey(name)) {
                    return fail(400, "RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists.");
                }
                models.put(name, new ArrayList<>());
                return ok(JsonNodeFactory.instance.objectNode().set("registered_model",
                        JsonNodeFactory.instance.objectNode().put("name", name).put("creation_timestamp", 1L)
                                .put("last_updated_timestamp", 1L)));
            }
            case "model-versions/create" -> {
                List<ObjectNode> versions = models.get(b.get("name").asText());
                if (versions == null) {
                    return fail(404, "RESOURCE_DOES_NOT_EXIST",
                            "Registered Model with name=" + b.get("name").asText() + " not found");
                }
                ObjectNode v = JsonNodeFactory.instance.objectNode().put("name", b.get("name").asText())
                        .put("version", String.valueOf(versions.size() + 1)).put("creation_timestamp", 1L)
                        .put("last_updated_timestamp", 1L).put("current_stage", "None")
                        .put("source", b.get("source").asText()).put("run_id", b.path("run_id").asText(""))
                        .put("status", "READY");
                versions.add(v);
                return ok(JsonNodeFactory.instance.objectNode().set("model_version", v.deepCopy()));
            }
            default -> { // registered-models/alias (POST: set)
                String name = b.get("name").asText();
                if (version(name, b.get("version").asText()) == null) {
                    return fail(404, "RESOURCE_DOES_NOT_EXIST", "Model Version (name=" + name + ", version="
                            + b.get("version").asText() + ") not found");
                }
                aliases.put(name + "@" + b.get("alias").asText(), b.get("version").asText());
                return ok(JsonNodeFactory.instance.objectNode());
            }
        }
    }

    /** Log Batch, with its documented limits and the rule that a param's value never changes. */
    private Object[] logBatch(JsonNode b) {
        Run run = runs.get(b.get("run_id").asText());
        if (run == null) {
            return fail(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + b.get("run_id").asText() + "' not found");
        }
        int m = b.path("metrics").size();
        int p = b.path("params").size();
        int t = b.path("tags").size();
        if (m > 1000 || p > 100 || t > 100 || m + p + t > 1000) {
            throw new Violation("over the limits of a batch: " + m + " metrics, " + p + " params, " + t + " tags");
        }
        for (JsonNode item : (Iterable<JsonNode>) () -> concat(b.path("metrics"), b.path("params"), b.path("tags"))) {
            if (item.get("key").asText().length() > 250) {
                throw new Violation("a key over 250 characters");
            }
        }
        Set<String> keys = new java.util.HashSet<>();
        for (JsonNode param : b.path("params")) {
            String key = param.get("key").asText();
            String value = param.get("value").asText();
            if (!keys.add(key)) {
                return fail(400, "INVALID_PARAMETER_VALUE", "Duplicate parameter keys have been submitted: " + key);
            }
            if (value.length() > 6000) {
                throw new Violation("param value over 6000 characters");
            }
            String old = run.params.get(key);
            if (old != null && !old.equals(value)) {
                return fail(400, "INVALID_PARAMETER_VALUE", "Changing param values is not allowed. Param with key='"
                        + key + "' was already logged with value='" + old + "'");
            }
        }
        b.path("params").forEach(x -> run.params.put(x.get("key").asText(), x.get("value").asText()));
        b.path("tags").forEach(x -> run.tags.put(x.get("key").asText(), x.get("value").asText()));
        b.path("metrics").forEach(run.metrics::add);
        return ok(JsonNodeFactory.instance.objectNode());
    }

    private static java.util.Iterator<JsonNode> concat(JsonNode... arrays) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode a : arrays) {
            a.forEach(all::add);
        }
        return all.iterator();
    }

    private ObjectNode version(String name, String version) {
        List<ObjectNode> versions = models.get(name);
        if (versions == null) {
            return null;
        }
        return versions.stream().filter(v -> v.get("version").asText().equals(version)).findFirst().orElse(null);
    }

    private ObjectNode withAliases(ObjectNode v) {
        ObjectNode copy = v.deepCopy();
        ArrayNode a = copy.putArray("aliases");
        aliases.forEach((k, ver) -> {
            if (k.startsWith(v.get("name").asText() + "@") && ver.equals(v.get("version").asText())) {
                a.add(k.substring(k.indexOf('@') + 1));
            }
        });
        return copy;
    }

    /** Run {info: RunInfo, data: RunData (tags), inputs: RunInputs}, as Create Run answers. */
    private static ObjectNode runJson(Run run) {
        ObjectNode info = JsonNodeFactory.instance.objectNode().put("run_id", run.id).put("run_uuid", run.id)
                .put("run_name", run.name).put("experiment_id", run.experimentId).put("user_id", "")
                .put("status", run.status).put("start_time", run.startTime).put("artifact_uri", run.artifactUri)
                .put("lifecycle_stage", "active");
        if (run.endTime != null) {
            info.put("end_time", run.endTime);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("info", info);
        ArrayNode tags = out.putObject("data").putArray("tags");
        run.tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        out.putObject("inputs");
        return out;
    }
}
