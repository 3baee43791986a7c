package org.trustml.serving.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.Versions;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.TensorSpec;
import org.xnio.IoUtils;

/**
 * The Open Inference Protocol v2 REST routes, {@code /metrics}, authentication and error mapping.
 * Runs on Undertow's worker threads, on requests whose body {@link BodyReader} has already read
 * (so no worker ever waits for a client). Every error is {@code {"error": "…"}} with no stack trace;
 * unexpected failures are logged here and answered {@code 500 internal error}.
 */
public final class V2Handler {
    private static final Logger LOG = LoggerFactory.getLogger(V2Handler.class);
    private static final String JSON = "application/json";
    private static final long RESULT_TIMEOUT_SECONDS = 60;

    private final Map<String, ServedModel> models;
    private final Limits config;
    private final ServerMetrics metrics;
    private final BooleanSupplier ready;
    private final Optional<byte[]> expectedAuthorization;

    public V2Handler(Map<String, ServedModel> models, Limits config, ServerMetrics metrics, BooleanSupplier ready) {
        this.models = Map.copyOf(models);
        this.config = config;
        this.metrics = metrics;
        this.ready = ready;
        this.expectedAuthorization = config.token().map(t -> ("Bearer " + t).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Answers one request whose body ({@code body}, empty when there is none) has been read; runs on a
     * worker thread. {@code start} is when the request arrived ({@link System#nanoTime()}).
     */
    void handle(HttpServerExchange exchange, byte[] body, long start) {
        String path = exchange.getRequestPath();
        String route = routeLabel(path);
        int code;
        try {
            code = route(exchange, path, body);
        } catch (HttpError e) {
            code = send(exchange, e.status(), InferenceCodec.error(e.getMessage()));
        } catch (RuntimeException e) {
            if (ready.getAsBoolean()) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), path, e);
            } else {
                LOG.debug("{} {} failed while the server stops", exchange.getRequestMethod(), path, e);
            }
            code = send(exchange, 500, InferenceCodec.error("internal error"));
        }
        metrics.request(route, code, (System.nanoTime() - start) / 1e9);
    }

    /**
     * What can be refused before a body is read (on the IO thread): a missing or wrong token on a
     * route that needs one, so that no unauthenticated client can make the server read its body.
     */
    void checkBeforeBody(HttpServerExchange exchange) {
        if (!exchange.getRequestPath().startsWith("/v2/health/")) {
            authenticate(exchange);
        }
    }

    static String routeLabel(String path) {
        if (path.startsWith("/v2/health/")) {
            return "health";
        }
        if (path.equals("/metrics")) {
            return "metrics";
        }
        if (path.endsWith("/infer")) {
            return "infer";
        }
        return path.startsWith("/v2") ? "metadata" : "other";
    }

    private int route(HttpServerExchange exchange, String path, byte[] body) {
        String raw = exchange.getRequestURI().toLowerCase(Locale.ROOT);
        if (raw.contains("%2f") || raw.contains("%5c") || path.contains("\\")) {
            throw new HttpError(400, "encoded '/' or '\\' in the path");
        }
        if (path.equals("/v2/health/live")) {
            requireGet(exchange);
            return send(exchange, 200, json(obj().put("live", true)));
        }
        if (path.equals("/v2/health/ready")) {
            requireGet(exchange);
            boolean ok = ready.getAsBoolean();
            return send(exchange, ok ? 200 : 503, json(obj().put("ready", ok)));
        }
        authenticate(exchange);
        if (path.equals("/metrics")) {
            requireGet(exchange);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, metrics.contentType());
            return sendRaw(exchange, 200, metrics.scrape());
        }
        if (path.equals("/v2") || path.equals("/v2/")) {
            requireGet(exchange);
            ObjectNode meta = obj().put("name", "trustml").put("version", Versions.trustml());
            meta.putArray("extensions");
            return send(exchange, 200, json(meta));
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length < 3 || !parts[0].equals("v2") || !parts[1].equals("models")) {
            throw new HttpError(404, "no such route: " + exchange.getRequestMethod() + " " + safe(path));
        }
        ServedModel model = model(parts[2]);
        int at = 3;
        if (parts.length > at + 1 && parts[at].equals("versions")) {
            String v = parts[at + 1];
            if (!ModelPackage.VERSION.matcher(v).matches()) {
                throw new HttpError(400, "invalid model version '" + safe(v) + "'");
            }
            if (!v.equals(model.version())) {
                throw new HttpError(404, "model '" + model.name() + "' has no version '" + v + "'; it serves version '"
                        + model.version() + "'");
            }
            at += 2;
        }
        String action = parts.length == at ? "" : parts.length == at + 1 ? parts[at] : null;
        if ("".equals(action)) {
            requireGet(exchange);
            return send(exchange, 200, json(metadata(model)));
        }
        if ("ready".equals(action)) {
            requireGet(exchange);
            return send(exchange, 200, json(obj().put("name", model.name()).put("ready", ready.getAsBoolean())));
        }
        if ("infer".equals(action)) {
            if (!exchange.getRequestMethod().equals(Methods.POST)) {
                exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
                throw new HttpError(405, "use POST for infer");
            }
            return infer(exchange, model, body);
        }
        throw new HttpError(404, "no such route: " + exchange.getRequestMethod() + " " + safe(path));
    }

    private ServedModel model(String name) {
        if (!ModelPackage.NAME.matcher(name).matches()) {
            throw new HttpError(400, "invalid model name '" + safe(name) + "'");
        }
        ServedModel m = models.get(name);
        if (m == null) {
            throw new HttpError(404, "unknown model '" + name + "'");
        }
        return m;
    }

    private void authenticate(HttpServerExchange exchange) {
        if (expectedAuthorization.isEmpty()) {
            return;
        }
        String given = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        byte[] g = given == null ? new byte[0] : given.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(g, expectedAuthorization.get())) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"trustml\"");
            throw new HttpError(401, given == null ? "missing bearer token" : "invalid bearer token");
        }
    }

    private static void requireGet(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            throw new HttpError(405, "use GET for " + exchange.getRequestPath());
        }
    }

    private static ObjectNode metadata(ServedModel model) {
        ObjectNode m = obj().put("name", model.name());
        m.putArray("versions").add(model.version());
        m.put("platform", model.platform());
        tensors(m.putArray("inputs"), model.signature().inputs());
        tensors(m.putArray("outputs"), model.signature().outputs());
        return m;
    }

    private static void tensors(ArrayNode out, java.util.List<TensorSpec> specs) {
        for (TensorSpec t : specs) {
            ArrayNode shape = out.addObject().put("name", t.name()).put("datatype", t.datatype()).putArray("shape");
            t.shape().forEach(shape::add);
        }
    }

    private int infer(HttpServerExchange exchange, ServedModel model, byte[] body) {
        ServedModel.Queued queued = model.infer(body, config.imageDecoder());
        CompletableFuture<double[][]> result = queued.result().orElseThrow(() -> {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
                return new HttpError(503, "the inference queue of '" + model.name() + "' is full; retry later");
            });
        double[][] p;
        try {
            p = result.get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the server is shutting down");
        } catch (TimeoutException e) {
            throw new HttpError(503, "inference did not finish in " + RESULT_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalStateException) {
                throw new HttpError(503, "the server is shutting down");
            }
            throw new IllegalStateException("inference failed", e.getCause());
        }
        return send(exchange, 200, InferenceCodec.response(model.name(), model.version(), queued.request(), p,
                model.signature()));
    }

    private static ObjectNode obj() {
        return InferenceCodec.mapper().createObjectNode();
    }

    private static byte[] json(ObjectNode node) {
        return InferenceCodec.json(node);
    }

    /** A path part for an error message: at most 64 printable ASCII characters. */
    private static String safe(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e…]", "?");
    }

    static int send(HttpServerExchange exchange, int status, byte[] body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        return sendRaw(exchange, status, body);
    }

    /**
     * Sends a JSON answer and flushes it, then runs {@code then} (with the exchange not yet ended, so
     * that the rest of a request body can still be read); the connection is closed if sending fails.
     */
    static void sendThen(HttpServerExchange exchange, int status, byte[] body, Consumer<HttpServerExchange> then) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        headers(exchange, status, body);
        exchange.getResponseSender().send(ByteBuffer.wrap(body), new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
                sender.close(new IoCallback() {
                    @Override
                    public void onComplete(HttpServerExchange closed, Sender s) {
                        then.accept(closed);
                    }

                    @Override
                    public void onException(HttpServerExchange failed, Sender s, IOException e) {
                        IoUtils.safeClose(failed.getConnection());
                    }
                });
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException e) {
                IoUtils.safeClose(ex.getConnection());
            }
        });
    }

    private static int sendRaw(HttpServerExchange exchange, int status, byte[] body) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return status;
        }
        headers(exchange, status, body);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
        return status;
    }

    private static void headers(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseHeaders().put(new HttpString("Cache-Control"), "no-store");
    }
}
