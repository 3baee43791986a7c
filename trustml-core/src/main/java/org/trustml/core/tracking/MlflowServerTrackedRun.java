package org.trustml.core.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.io.Json;
import org.trustml.core.run.RunStatus;
import org.trustml.core.tracking.MlflowRest.Retry;

/**
 * One run on an MLflow tracking server, kept in a local run as well: every call goes to the local run first, then
 * into buffers sent as {@code runs/log-batch} requests (see {@link MlflowServer} for when, and what happens when the
 * server fails).
 */
final class MlflowServerTrackedRun implements TrackedRun {
    private static final Logger LOG = LoggerFactory.getLogger(MlflowServerTrackedRun.class);

    /** MLflow's limits for one {@code runs/log-batch} request (service.proto, LogBatch). */
    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    /** "A single JSON-serialized API request may be up to 1 MB": keep well below. */
    static final int MAX_BATCH_BYTES = 900_000;

    private final MlflowRest rest;
    private final MlflowServerRun run;
    private final TrackedRun local;
    private final long flushNanos;
    private final LongSupplier nanoTime;
    private final Consumer<MlflowServerRun> onFinish;

    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final ArrayDeque<ObjectNode> metrics = new ArrayDeque<>();
    private final List<String> failures = new ArrayList<>();
    private long lastFlush;
    private boolean offline;
    private boolean finished;

    MlflowServerTrackedRun(MlflowRest rest, MlflowServerRun run, TrackedRun local, Duration flushInterval,
            LongSupplier nanoTime, Consumer<MlflowServerRun> onFinish) {
        this.rest = rest;
        this.run = run;
        this.local = local;
        this.flushNanos = flushInterval.toNanos();
        this.nanoTime = nanoTime;
        this.onFinish = onFinish;
        this.lastFlush = nanoTime.getAsLong();
    }

    /** The body of {@code runs/update}: status {@code FINISHED} or {@code FAILED} and the end time. */
    static ObjectNode update(String serverRunId, RunStatus status, Instant endedAt) {
        return JsonNodeFactory.instance.objectNode().put("run_id", serverRunId)
                .put("status", status == RunStatus.FAILED ? "FAILED" : "FINISHED")
                .put("end_time", endedAt.toEpochMilli());
    }

    @Override
    public Path artifactDirectory() {
        return local.artifactDirectory();
    }

    @Override
    public synchronized void logParam(String key, String value) {
        local.logParam(key, value);
        params.put(MlflowFileStore.validKey(key), MlflowFileStore.cut(value, MlflowFileStore.MAX_PARAM_VALUE));
        afterLog();
    }

    @Override
    public synchronized void logMetric(String key, double value, long step, Instant timestamp) {
        local.logMetric(key, value, step, timestamp);
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("key", MlflowFileStore.validKey(key));
        if (Double.isFinite(value)) {
            m.put("value", value);
        } else {
            // proto3 JSON spells non-finite doubles as strings (https://protobuf.dev/programming-guides/proto3/#json)
            m.put("value", Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
        metrics.add(m.put("timestamp", timestamp.toEpochMilli()).put("step", step));
        afterLog();
    }

    @Override
    public synchronized void setTag(String key, String value) {
        local.setTag(key, value);
        String k = MlflowFileStore.validKey(key);
        tags.remove(k);
        tags.put(k, MlflowFileStore.cut(value, MlflowFileStore.MAX_TAG_VALUE));
        afterLog();
    }

    private void afterLog() {
        if (!offline && (metrics.size() >= MAX_METRICS || params.size() >= MAX_PARAMS || tags.size() >= MAX_TAGS
                || nanoTime.getAsLong() - lastFlush >= flushNanos)) {
            flush();
        }
    }

    @Override
    public synchronized void finish(RunStatus status, Instant endedAt) {
        if (finished) {
            return;
        }
        finished = true;
        local.finish(status, endedAt);
        offline = false; // one more try for what is still held
        flush();
        if (offline) {
            failures.add(params.size() + " params, " + tags.size() + " tags and " + metrics.size()
                    + " metric points not sent: the server could not be reached");
        } else {
            uploadArtifacts();
        }
        if (!offline && !failures.isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("run_id", run.runId());
            body.putArray("tags").addObject().put("key", "trustml.sync").put("value", MlflowFileStore.cut(
                    "incomplete: " + failures.size() + " failed; the local run directory has everything; first: "
                            + failures.get(0), MlflowFileStore.MAX_TAG_VALUE));
            send("the tag trustml.sync", "runs/log-batch", body, Retry.IDEMPOTENT, true);
        }
        if (!offline) {
            send("the run's status " + status + " and end time", "runs/update", update(run.runId(), status, endedAt),
                    Retry.IDEMPOTENT, true);
        } else {
            failures.add("the run's status " + status + " was not sent: the server could not be reached");
        }
        MlflowServerRun done = new MlflowServerRun(run.server(), run.experimentId(), run.runId(), run.artifactUri(),
                failures);
        if (!done.complete()) {
            LOG.warn("run {} on MLflow server {} is incomplete; the local run directory {} has everything. {} failed: {}",
                    run.runId(), run.server(), local.artifactDirectory(), failures.size(), String.join("; ", failures));
        }
        onFinish.accept(done);
    }

    private void flush() {
        lastFlush = nanoTime.getAsLong();
        flushParamsAndTags();
        if (!offline) {
            flushMetrics();
        }
    }

    /** Params and tags: MLflow stores the same ones again without harm, so a batch that got no answer is kept. */
    private void flushParamsAndTags() {
        while (!params.isEmpty() || !tags.isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("run_id", run.runId());
            int[] bytes = {size(body)};
            List<String> sentParams = take(params, MAX_PARAMS, body, "params", bytes);
            List<String> sentTags = take(tags, MAX_TAGS, body, "tags", bytes);
            String what = sentParams.size() + " params and " + sentTags.size() + " tags";
            // without an answer they are kept, and sent again when the run finishes
            MlflowServerException e = send(what, "runs/log-batch", body, Retry.IDEMPOTENT, false);
            if (e != null && !e.answered()) {
                offline = true;
                return;
            }
            sentParams.forEach(params::remove);
            sentTags.forEach(tags::remove);
        }
    }

    private static List<String> take(Map<String, String> from, int max, ObjectNode body, String field, int[] bytes) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, String> e : from.entrySet()) {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("key", e.getKey()).put("value", e.getValue());
            int n = size(item) + 1;
            if (keys.size() == max || bytes[0] + n > MAX_BATCH_BYTES) {
                break;
            }
            (body.has(field) ? (ArrayNode) body.get(field) : body.putArray(field)).add(item);
            bytes[0] += n;
            keys.add(e.getKey());
        }
        return keys;
    }

    /** Metrics: MLflow appends every point it gets, so a batch is sent once and never again. */
    private void flushMetrics() {
        while (!metrics.isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("run_id", run.runId());
            ArrayNode batch = body.putArray("metrics");
            int bytes = size(body);
            for (Iterator<ObjectNode> it = metrics.iterator(); it.hasNext() && batch.size() < MAX_METRICS; ) {
                ObjectNode m = it.next();
                int n = size(m) + 1;
                if (bytes + n > MAX_BATCH_BYTES) {
                    break;
                }
                batch.add(m);
                bytes += n;
            }
            for (int i = 0; i < batch.size(); i++) {
                metrics.removeFirst();
            }
            MlflowServerException e = send(batch.size() + " metric points", "runs/log-batch", body, Retry.ONCE, true);
            if (e != null && !e.answered()) {
                offline = true;
                return;
            }
        }
    }

    /**
     * Sends one request; a failure is logged and returned, never thrown, and listed as lost unless it got no answer
     * and {@code lostWithoutAnswer} is false (the caller keeps what it sent).
     */
    private MlflowServerException send(String what, String method, ObjectNode body, Retry retry,
            boolean lostWithoutAnswer) {
        try {
            rest.post(method, body, retry);
            return null;
        } catch (MlflowServerException e) {
            if (e.answered() || lostWithoutAnswer) {
                failed(what, e);
            } else {
                LOG.warn("run {}: the MLflow server could not be reached; {} are kept and sent again when the run "
                        + "finishes: {}", run.runId(), what, e.getMessage());
            }
            return e;
        }
    }

    private void failed(String what, MlflowServerException e) {
        failures.add(what + ": " + e.getMessage());
        LOG.warn("run {}: {} did not reach the MLflow server (the local run directory {} keeps them): {}",
                run.runId(), what, local.artifactDirectory(), e.getMessage());
    }

    /** Every regular file of the local run directory, through the server's artifact proxy. */
    private void uploadArtifacts() {
        Path dir = local.artifactDirectory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        Optional<String> root = artifactRoot();
        if (root.isEmpty()) {
            String why = "artifacts not uploaded: the server keeps this run's artifacts at " + run.artifactUri()
                    + ", which trustml does not write (start mlflow server with --serve-artifacts, the default since "
                    + "MLflow 2.0, so that runs get mlflow-artifacts: URIs)";
            failures.add(why);
            LOG.warn("run {}: {}", run.runId(), why);
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            failures.add("artifacts not uploaded: could not list " + dir + ": " + e.getMessage());
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String rel = dir.relativize(file).toString().replace('\\', '/');
            String encoded = Stream.of(rel.split("/")).map(MlflowRest::encode).collect(Collectors.joining("/"));
            try {
                rest.put(URI.create(root.get() + "/" + encoded), file);
            } catch (MlflowServerException e) {
                failed("artifact " + rel, e);
                if (!e.answered()) {
                    offline = true;
                    if (i + 1 < files.size()) {
                        failures.add((files.size() - i - 1) + " more artifacts not uploaded");
                    }
                    return;
                }
            } catch (UncheckedIOException e) {
                failures.add("artifact " + rel + ": " + e.getMessage());
            }
        }
    }

    /**
     * Where this run's artifacts are PUT: an {@code mlflow-artifacts:/<path>} URI maps to the tracking server's
     * {@code /api/2.0/mlflow-artifacts/artifacts/<path>} (or, with a host, that host's), as MLflow's
     * {@code MlflowArtifactsRepository.resolve_uri} maps it; an {@code http(s):} URI is used as it is.
     */
    private Optional<String> artifactRoot() {
        String uri = run.artifactUri();
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme();
            if (scheme.equals("mlflow-artifacts")) {
                String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("^/+", "").replaceAll("/+$", "");
                String base = u.getRawAuthority() == null ? rest.base().toString()
                        : rest.base().getScheme() + "://" + u.getRawAuthority();
                return Optional.of(base + MlflowRest.ARTIFACTS + path);
            }
            if (scheme.equals("http") || scheme.equals("https")) {
                return Optional.of(uri.replaceAll("/+$", ""));
            }
        } catch (java.net.URISyntaxException e) {
            // an artifact location trustml cannot parse: not uploaded, said so by the caller
        }
        return Optional.empty();
    }

    private static int size(ObjectNode node) {
        try {
            return Json.compactWriter().writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
