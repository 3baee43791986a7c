package org.trustml.serving;

import static java.util.Objects.requireNonNull;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.InvalidInputException;
import org.trustml.publish.ModelPackage;
import org.trustml.serving.internal.BodyReader;
import org.trustml.serving.internal.Limits;
import org.trustml.serving.internal.ServedModel;
import org.trustml.serving.internal.ServerMetrics;
import org.trustml.serving.internal.V2Handler;
import org.xnio.Options;

/**
 * An in-process model server speaking the Open Inference Protocol v2 over REST (the protocol of
 * KServe, Triton and MLServer), on Undertow.
 *
 * <p>Routes: {@code GET /v2/health/live}, {@code GET /v2/health/ready}, {@code GET /v2} (server
 * metadata), {@code GET /v2/models/{name}[/versions/{v}]} (model metadata: the package's
 * {@link org.trustml.publish.Signature}), {@code GET …/ready}, {@code POST …/infer}, and
 * {@code GET /metrics} (Prometheus text). With a token configured every route but the two health
 * checks needs {@code Authorization: Bearer <token>} (else 401). Errors are {@code {"error": "…"}}:
 * 400 malformed JSON, wrong shape or datatype, a non-finite number, images over the pixel limit, an
 * invalid path segment; 404 unknown model, version or route; 405 wrong method; 408 a body that did not
 * arrive in full within the read timeout; 413 a body over the limit; 503 the model's queue is full, or
 * too many bodies are arriving at once (both with {@code Retry-After}); 500 only for a failure inside
 * the server, logged, never with a stack trace in the response.
 *
 * <p>Slow clients: request bodies are read on Undertow's IO threads without blocking and handed to a
 * worker thread only once complete ({@code BodyReader}), so a client that sends slowly never holds a
 * worker. The headers, and then the whole body, must each arrive within
 * {@link ServerConfig#readTimeout()} (a deadline, not a per-read timeout); at most
 * {@link ServerConfig#maxBodiesInFlight()} bodies are arriving or waiting for a worker at once.
 *
 * <p>Packages of image classifiers run on the default DJL engine; packages of tabular classifiers
 * run their Tribuo model, taking one input per feature column (or FP32 rows) and answering FP64
 * probabilities (see {@link org.trustml.publish.Signature}). Concurrent infer requests are batched
 * per model ({@link ServerConfig#maxBatchSize()} images or rows, {@link ServerConfig#maxDelay()}) and
 * run one batch at a time, through the same queue and limits for both kinds. Models are looked up by
 * name in the packages given at start: no request ever names a file.
 */
public final class ModelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    /** Request headers allowed (Tomcat's default); more is a 400 and the connection closed. */
    static final int MAX_HEADERS = 100;
    /** Bytes of request line and headers allowed (Undertow's default is 1 MiB); more is a 400. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private final Undertow undertow;
    private final List<ServedModel> served;
    private final int port;
    private final String host;
    private volatile boolean ready;

    private ModelServer(ServerConfig config, List<ModelPackage> packages) {
        if (packages.isEmpty()) {
            throw InvalidInputException.problem("no model package to serve").expected("at least one package").build();
        }
        Map<String, ServedModel> byName = new LinkedHashMap<>();
        List<ServedModel> loaded = new ArrayList<>();
        Semaphore bodySlots = new Semaphore(config.maxBodiesInFlight());
        Limits limits = new Limits(config.token(), config.maxBatchSize(), config.maxDelay(), config.queueCapacity(),
                config.imageDecoder());
        ServerMetrics[] metrics = new ServerMetrics[1];
        metrics[0] = new ServerMetrics(() -> loaded.stream().mapToInt(m -> m.batcher().queued()).sum(),
                () -> config.maxBodiesInFlight() - bodySlots.availablePermits());
        try {
            for (ModelPackage p : packages) {
                if (byName.containsKey(p.name())) {
                    throw InvalidInputException.problem("is served twice").value(p.name()).file(p.directory())
                            .expected("one package per model name").build();
                }
                ServedModel m = new ServedModel(p, limits, metrics[0]::batch);
                loaded.add(m);
                byName.put(p.name(), m);
            }
            this.served = List.copyOf(loaded);
            V2Handler routes = new V2Handler(byName, limits, metrics[0], () -> ready);
            int timeoutMs = (int) config.readTimeout().toMillis();
            long max = config.maxRequestBytes();
            this.undertow = Undertow.builder()
                    .addHttpListener(config.port(), config.host())
                    .setIoThreads(2)
                    .setWorkerThreads(config.workerThreads())
                    .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, max + BodyReader.drainAllowance(max))
                    // headers: all of them within the read timeout, at most 100 of them and 64 KiB in all (400 above)
                    .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, timeoutMs)
                    .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
                    .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                    .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, Math.max(timeoutMs, 60_000))
                    .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                    // bodies: a total deadline in BodyReader (a per-read timeout lets one byte a second keep a request alive)
                    .setSocketOption(Options.WRITE_TIMEOUT, timeoutMs)
                    .setHandler(new BodyReader(routes, metrics[0], bodySlots, max, timeoutMs))
                    .build();
            undertow.start();
        } catch (RuntimeException e) {
            loaded.forEach(ServedModel::close);
            throw e;
        }
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        this.port = address.getPort();
        this.host = config.host();
        this.ready = true;
        LOG.info("serving {} on http://{}:{} (Open Inference Protocol v2)",
                served.stream().map(m -> m.name() + " " + m.version()).toList(), host, port);
    }

    /** Loads the packages and starts listening; the server is ready when this returns. */
    public static ModelServer start(ServerConfig config, List<ModelPackage> packages) {
        return new ModelServer(requireNonNull(config, "config"), List.copyOf(packages));
    }

    /** Starts serving one package. */
    public static ModelServer start(ServerConfig config, ModelPackage pkg) {
        return start(config, List.of(requireNonNull(pkg, "package")));
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** {@code http://<host>:<port>}. */
    public URI uri() {
        String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port);
    }

    /** Whether it answers ready (true from start until close). */
    public boolean ready() {
        return ready;
    }

    /** Stops listening, fails queued requests with 503, and unloads the models. */
    @Override
    public void close() {
        ready = false;
        undertow.stop();
        served.forEach(ServedModel::close);
    }
}
