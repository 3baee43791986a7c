package org.trustml.core.tracking;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.InvalidInputException;
import org.trustml.core.run.RunStatus;
import org.trustml.core.tracking.MlflowRest.Retry;

/**
 * Tracks runs on an MLflow tracking server through its REST API 2.0
 * (https://mlflow.org/docs/latest/rest-api.html), and keeps every run in a local tracker as well
 * ({@link #withLocal}; by default {@link Tracker#temporary()}), whose run directory is where stages write.
 *
 * <pre>{@code
 * pipeline.run(RunOptions.seed(42).withTracker(
 *         MlflowServer.at(URI.create("http://127.0.0.1:5000")).withLocal(new MlflowFileStore(Path.of("mlruns")))));
 * }</pre>
 *
 * <p>What is sent where, per run:
 * <ul>
 *   <li>start: {@code GET experiments/get-by-name}, and {@code POST experiments/create} when the experiment does not
 *       exist (another process creating it first, {@code RESOURCE_ALREADY_EXISTS}, is fine); {@code POST runs/create}
 *       with the run name, start time and the tags the file store writes, plus {@code trustml.run_id}: the server
 *       assigns its own run id, so trustml's run id (the local run's id, {@code run.json}'s {@code runId}) is that
 *       tag;</li>
 *   <li>params, metrics, tags: written to the local run at once and sent in {@code POST runs/log-batch} requests
 *       (within MLflow's limits: 100 params, 100 tags, 1000 metrics, about 1 MB per request) when a limit fills up,
 *       when {@link #withFlushInterval} has passed since the last one, and when the run finishes; keys and values are
 *       made valid exactly as {@link MlflowFileStore} makes them;</li>
 *   <li>finish: every file of the local run directory ({@code run.json}, the stages' artifacts) is uploaded with
 *       {@code PUT /api/2.0/mlflow-artifacts/artifacts/<experiment>/<run>/artifacts/<path>}, the artifact proxy of
 *       {@code mlflow server} (on by default since MLflow 2.0; {@code --no-serve-artifacts} turns it off, and a run
 *       whose {@code artifact_uri} is not {@code mlflow-artifacts:} or {@code http(s):} gets no artifacts); then
 *       {@code POST runs/update} with status {@code FINISHED} or {@code FAILED} and the end time.</li>
 * </ul>
 *
 * <p>When the server fails: at start, the error is thrown ({@link MlflowServerException}) before anything is written
 * locally or any stage runs. During the run, no server error stops the pipeline: the local run gets everything
 * first; a refused request is logged (WARN) and counted; after a network failure the run stops calling the server
 * until it finishes, then sends what it still holds once more (params and tags, which MLflow stores idempotently;
 * a metrics request that failed is never re-sent, since MLflow appends metric points). What did not arrive is
 * listed in {@link MlflowServerRun#failures()} ({@link #run}) and in a WARN log line naming the local run directory,
 * and, when the server can still be told, in the run's tag {@code trustml.sync}.
 *
 * <p>Immutable; the {@code with*} methods return new instances that share the record of finished runs.
 */
public final class MlflowServer implements Tracker {
    private static final Logger LOG = LoggerFactory.getLogger(MlflowServer.class);
    private static final int REMEMBERED_RUNS = 64;

    private final URI uri;
    /** {@code null}: the environment's, read when the first request is made. */
    private final MlflowCredentials credentials;
    private final Tracker local;
    private final int retries;
    private final Duration backoff;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration flushInterval;
    private final MlflowRest.Sleeper sleeper;
    private final Map<String, MlflowServerRun> finished;
    /** Made on first use: an HTTP client is not cheap, and the {@code with*} steps need none. */
    private MlflowRest rest;

    private MlflowServer(URI uri, MlflowCredentials credentials, Tracker local, int retries, Duration backoff,
            Duration connectTimeout, Duration requestTimeout, Duration flushInterval, MlflowRest.Sleeper sleeper,
            Map<String, MlflowServerRun> finished) {
        this.uri = uri;
        this.credentials = credentials;
        this.local = local;
        this.retries = retries;
        this.backoff = backoff;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.flushInterval = flushInterval;
        this.sleeper = sleeper;
        this.finished = finished;
    }

    private synchronized MlflowRest rest() {
        if (rest == null) {
            rest = new MlflowRest(uri, credentials != null ? credentials : MlflowCredentials.fromEnvironment(),
                    connectTimeout, requestTimeout, retries, backoff, sleeper);
        }
        return rest;
    }

    /**
     * The tracking server at {@code uri} ({@code http://host:port}, the URI {@code mlflow server} prints, optionally
     * with a path prefix), with the credentials of the environment ({@link MlflowCredentials#fromEnvironment()}, read
     * when the first request is made),
     * runs kept locally in {@link Tracker#temporary()}, 3 retries of idempotent calls starting at 0.5 s, a 10 s
     * connect and 120 s request timeout (MLflow's client default), and log batches at least every 10 s.
     */
    public static MlflowServer at(URI uri) {
        return new MlflowServer(checked(uri), null, Tracker.temporary(), 3,
                Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(10),
                d -> Thread.sleep(d.toMillis()), Collections.synchronizedMap(new LinkedHashMap<String, MlflowServerRun>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, MlflowServerRun> eldest) {
                        return size() > REMEMBERED_RUNS;
                    }
                }));
    }

    /** The same, from a string such as {@code http://127.0.0.1:5000}. */
    public static MlflowServer at(String uri) {
        requireNonNull(uri, "uri");
        try {
            return at(new URI(uri));
        } catch (java.net.URISyntaxException e) {
            throw InvalidInputException.problem("is not a URI: " + e.getReason()).value(withoutUserInfo(uri))
                    .expected("http://host:port of an MLflow tracking server").build(e);
        }
    }

    private static URI checked(URI uri) {
        requireNonNull(uri, "uri");
        if (uri.getRawUserInfo() != null) {
            // never echo the value: it holds a password
            throw InvalidInputException.problem("holds a user name or password").column("tracking URI")
                    .expected("http(s)://host:port, with credentials in " + MlflowCredentials.USERNAME + "/"
                            + MlflowCredentials.PASSWORD + " or " + MlflowCredentials.TOKEN).build();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw InvalidInputException.problem("is not the URI of a tracking server").column("tracking URI")
                    .value(uri.toString()).expected("http(s)://host:port, as `mlflow server` prints it (a folder "
                            + "or sqlite: store is not a server: use RunOptions.withMlflowStore for a folder)").build();
        }
        return uri;
    }

    private static String withoutUserInfo(String s) {
        return s.replaceAll("//[^/@]*@", "//");
    }

    private MlflowServer with(MlflowCredentials c, Tracker l, int r, Duration b, Duration ct, Duration rt, Duration f,
            MlflowRest.Sleeper s) {
        return new MlflowServer(uri, c, l, r, b, ct, rt, f, s, finished);
    }

    /** Authenticates with {@code c} instead of the environment's credentials. */
    public MlflowServer withCredentials(MlflowCredentials c) {
        return with(requireNonNull(c, "credentials"), local, retries, backoff, connectTimeout, requestTimeout,
                flushInterval, sleeper);
    }

    /**
     * Keeps each run in {@code tracker} too (its run directory is the one stages write to and the one whose files are
     * uploaded): an {@link MlflowFileStore}, {@link Tracker#none}, or {@link Tracker#temporary()} (the default).
     */
    public MlflowServer withLocal(Tracker tracker) {
        requireNonNull(tracker, "tracker");
        if (tracker instanceof MlflowServer) {
            throw InvalidInputException.problem("is another MLflow server").column("local tracker")
                    .expected("a local tracker: MlflowFileStore, Tracker.none or Tracker.temporary").build();
        }
        return with(credentials, tracker, retries, backoff, connectTimeout, requestTimeout, flushInterval, sleeper);
    }

    /** Sends idempotent calls up to {@code retries} more times, waiting {@code first}, 2·{@code first}... between. */
    public MlflowServer withRetries(int retries, Duration first) {
        if (retries < 0 || retries > 10) {
            throw InvalidInputException.problem("is out of range").column("retries").value(String.valueOf(retries))
                    .expected("0 to 10").build();
        }
        return with(credentials, local, retries, nonNegative(first, "backoff"), connectTimeout, requestTimeout,
                flushInterval, sleeper);
    }

    /** Connect and whole-request timeouts. */
    public MlflowServer withTimeouts(Duration connect, Duration request) {
        return with(credentials, local, retries, backoff, positive(connect, "connect timeout"),
                positive(request, "request timeout"), flushInterval, sleeper);
    }

    /** Sends buffered params, metrics and tags at least this often while a run goes on ({@code 0}: at every call). */
    public MlflowServer withFlushInterval(Duration interval) {
        return with(credentials, local, retries, backoff, connectTimeout, requestTimeout,
                nonNegative(interval, "flush interval"), sleeper);
    }

    /** For tests: how to wait between attempts. */
    MlflowServer withSleeper(MlflowRest.Sleeper s) {
        return with(credentials, local, retries, backoff, connectTimeout, requestTimeout, flushInterval, s);
    }

    private static Duration positive(Duration d, String what) {
        if (requireNonNull(d, what).isNegative() || d.isZero()) {
            throw InvalidInputException.problem("is not positive").column(what).value(d.toString())
                    .expected("a positive duration").build();
        }
        return d;
    }

    private static Duration nonNegative(Duration d, String what) {
        if (requireNonNull(d, what).isNegative()) {
            throw InvalidInputException.problem("is negative").column(what).value(d.toString())
                    .expected("zero or a positive duration").build();
        }
        return d;
    }

    /** The tracking server's URI. */
    public URI uri() {
        return uri;
    }

    /** The local tracker every run is kept in as well. */
    public Tracker local() {
        return local;
    }

    /** The server's model registry (for promotions), with the same credentials, retries and timeouts. */
    public MlflowRegistry registry() {
        return new MlflowRegistry(rest());
    }

    /**
     * How the server knows the finished run whose trustml run id ({@code run.json}'s {@code runId}) is
     * {@code trustmlRunId}: started by this instance or one made from it with a {@code with*} method, and among the
     * last 64 that finished.
     */
    public Optional<MlflowServerRun> run(String trustmlRunId) {
        return Optional.ofNullable(finished.get(requireNonNull(trustmlRunId, "trustmlRunId")));
    }

    @Override
    public TrackedRun start(String experiment, String runId, String runName, Instant startedAt,
            Map<String, String> tags) {
        requireNonNull(experiment, "experiment");
        requireNonNull(runId, "runId");
        requireNonNull(runName, "runName");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(tags, "tags");
        MlflowRest rest = rest();
        String experimentId = experimentId(rest, experiment);
        Map<String, String> all = new LinkedHashMap<>(MlflowFileStore.standardTags(runName));
        all.putAll(tags);
        all.put("trustml.run_id", runId);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("experiment_id", experimentId);
        body.put("run_name", runName);
        body.put("start_time", startedAt.toEpochMilli());
        ArrayNode tagArray = body.putArray("tags");
        all.forEach((k, v) -> tagArray.addObject().put("key", MlflowFileStore.validKey(k))
                .put("value", MlflowFileStore.cut(v, MlflowFileStore.MAX_TAG_VALUE)));
        JsonNode info = rest.post("runs/create", body, Retry.ONCE).path("run").path("info");
        String serverRunId = info.path("run_id").asText("");
        if (serverRunId.isEmpty()) {
            throw MlflowServerException.malformed(rest.base(), "POST " + MlflowRest.API + "runs/create",
                    "without run.info.run_id");
        }
        String artifactUri = info.path("artifact_uri").asText("");
        TrackedRun localRun;
        try {
            localRun = local.start(experiment, runId, runName, startedAt, tags);
        } catch (RuntimeException e) {
            try {
                rest.post("runs/update", MlflowServerTrackedRun.update(serverRunId, RunStatus.FAILED, startedAt),
                        Retry.IDEMPOTENT);
            } catch (MlflowServerException s) {
                e.addSuppressed(s);
            }
            throw e;
        }
        MlflowServerRun planned = new MlflowServerRun(uri, experimentId, serverRunId, artifactUri, List.of());
        LOG.info("run {}: tracked on MLflow server as run {} ({}); local run directory {}", runId, serverRunId,
                planned.uiLink(), localRun.artifactDirectory());
        return new MlflowServerTrackedRun(rest, planned, localRun, flushInterval, System::nanoTime,
                done -> finished.put(runId, done));
    }

    /** The id of the active experiment named {@code name}, created when there is none. */
    private String experimentId(MlflowRest rest, String name) {
        Optional<JsonNode> found = experimentByName(rest, name);
        if (found.isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name);
            try {
                String id = rest.post("experiments/create", body, Retry.ONCE).path("experiment_id").asText("");
                if (id.isEmpty()) {
                    throw MlflowServerException.malformed(rest.base(), "POST " + MlflowRest.API + "experiments/create",
                            "without experiment_id");
                }
                return id;
            } catch (MlflowServerException e) {
                if (!e.is("RESOURCE_ALREADY_EXISTS")) {
                    throw e;
                }
                // created by another process since we asked, or deleted: ask again
                found = experimentByName(rest, name);
                if (found.isEmpty()) {
                    throw e;
                }
            }
        }
        JsonNode experiment = found.get();
        if ("deleted".equals(experiment.path("lifecycle_stage").asText())) {
            throw InvalidInputException.problem("is deleted on MLflow server " + uri).column("experiment").value(name)
                    .expected("an active experiment: restore it (mlflow experiments restore --experiment-id "
                            + experiment.path("experiment_id").asText() + ") or choose another name").build();
        }
        return experiment.path("experiment_id").asText();
    }

    private Optional<JsonNode> experimentByName(MlflowRest rest, String name) {
        try {
            JsonNode experiment = rest.get("experiments/get-by-name", Map.of("experiment_name", name))
                    .path("experiment");
            if (experiment.path("experiment_id").asText("").isEmpty()) {
                throw MlflowServerException.malformed(rest.base(),
                        "GET " + MlflowRest.API + "experiments/get-by-name", "without experiment.experiment_id");
            }
            return Optional.of(experiment);
        } catch (MlflowServerException e) {
            if (e.is("RESOURCE_DOES_NOT_EXIST")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "MlflowServer[" + uri + ", " + (credentials != null ? credentials : "credentials from the environment")
                + ", local " + local.getClass().getSimpleName() + "]";
    }
}
