package org.trustml.serving.internal;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.channels.ReadTimeoutException;

/**
 * The server's root handler: reads each request's body on the IO thread without blocking, then hands
 * the request to a worker thread ({@link V2Handler}). No worker thread ever waits for a client: a
 * client that sends its body slowly costs a connection and the bytes it has sent, nothing else.
 *
 * <p>Bounds, each answered with a JSON error and the connection closed:
 * <ul>
 *   <li>the whole body must arrive within the read timeout, counted from the end of the headers (a
 *       total deadline, not a per-read one: one byte every two seconds does not keep a request
 *       alive), else 408;
 *   <li>at most {@code maxBodiesInFlight} requests may be sending their body or waiting for a worker at
 *       once; one more gets 503 with {@code Retry-After} without being read;
 *   <li>a declared {@code Content-Length} over the limit is refused from the headers (413); a chunked
 *       body is counted as it arrives and refused once over. A body no more than
 *       {@link #drainAllowance} over is read to its end (and dropped) first, so that a client
 *       still sending gets the 413 rather than a reset connection;
 *   <li>with a token configured, the token is checked before the body is read (401).
 * </ul>
 * A client that sent {@code Expect: 100-continue} gets its {@code 100 Continue} only once these
 * checks from the headers have passed.
 * Every callback of a request runs on its connection's IO thread (the receiver's and the deadline's),
 * so a request's state needs no locking until it is handed to a worker.
 */
public final class BodyReader implements HttpHandler {
    private static final byte[] EMPTY = new byte[0];

    private final V2Handler routes;
    private final ServerMetrics metrics;
    private final Semaphore slots;
    private final long max;
    private final long timeoutMs;

    /**
     * @param slots one permit per request that may be sending its body or waiting for a worker
     */
    public BodyReader(V2Handler routes, ServerMetrics metrics, Semaphore slots, long maxRequestBytes, long timeoutMs) {
        this.routes = routes;
        this.metrics = metrics;
        this.slots = slots;
        this.max = maxRequestBytes;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long start = System.nanoTime();
        if (exchange.isRequestComplete()) {
            exchange.dispatch((HttpHandler) ex -> routes.handle(ex, EMPTY, start));
            return;
        }
        try {
            routes.checkBeforeBody(exchange);
        } catch (HttpError e) {
            refuseThenDrain(exchange, e.status(), e.getMessage(), start);
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > max + drainAllowance(max)) {
            refuse(exchange, 413, tooBig(declared), start);
            return;
        }
        if (!slots.tryAcquire()) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            refuseThenDrain(exchange, 503, "too many requests are sending their bodies at once; retry later", start);
            return;
        }
        Receipt receipt = new Receipt(exchange, start, declared);
        if (!HttpContinue.requiresContinueResponse(exchange)) {
            receipt.begin();
            return;
        }
        // the client waits for a go-ahead before sending its body: give it now that the headers passed
        HttpContinue.sendContinueResponse(exchange, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
                Connectors.executeRootHandler(e -> receipt.begin(), ex);
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException e) {
                receipt.release();
                IoUtils.safeClose(ex.getConnection());
            }
        });
    }

    /** How far past the limit a body is still read (and dropped) to answer 413 cleanly: the limit, at least 1 MiB. */
    public static long drainAllowance(long maxRequestBytes) {
        return Math.max(maxRequestBytes, 1L << 20);
    }

    private String tooBig(long declared) {
        return (declared > 0 ? "request body of " + declared + " bytes" : "request body") + " is over the limit of " + max
                + " bytes";
    }

    /** Answers without reading (the rest of) the body, and closes the connection after the answer. */
    private void refuse(HttpServerExchange exchange, int status, String message, long start) {
        exchange.setPersistent(false);
        V2Handler.send(exchange, status, InferenceCodec.error(message));
        metrics.request(V2Handler.routeLabel(exchange.getRequestPath()), status, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Answers before reading the body, then reads and drops what the client still sends (at most
     * {@link #drainAllowance} bytes, within the read timeout, holding no slot and no worker) before
     * closing: closing a connection with unread bytes resets it, and the client may lose the answer.
     * A client waiting for {@code 100 Continue} sends no body, so there is nothing to drain.
     */
    private void refuseThenDrain(HttpServerExchange exchange, int status, String message, long start) {
        if (exchange.isRequestComplete() || HttpContinue.requiresContinueResponse(exchange)) {
            refuse(exchange, status, message, start);
            return;
        }
        exchange.setPersistent(false);
        metrics.request(V2Handler.routeLabel(exchange.getRequestPath()), status, (System.nanoTime() - start) / 1e9);
        V2Handler.sendThen(exchange, status, InferenceCodec.error(message), this::drain);
    }

    private void drain(HttpServerExchange exchange) {
        new Drain(exchange).begin();
    }

    /** Reads and drops the rest of a body after the answer, then closes; on the connection's IO thread. */
    private final class Drain {
        private final HttpServerExchange exchange;
        private long dropped;
        private boolean ended;
        private XnioExecutor.Key deadline;

        Drain(HttpServerExchange exchange) {
            this.exchange = exchange;
        }

        void begin() {
            deadline = exchange.getIoThread().executeAfter(() -> Connectors.executeRootHandler(this::end, exchange),
                    timeoutMs, TimeUnit.MILLISECONDS);
            exchange.getRequestReceiver().receivePartialBytes((ex, bytes, last) -> {
                dropped += bytes.length;
                if (last || dropped > drainAllowance(max)) {
                    end(ex);
                }
            }, (ex, e) -> end(ex));
        }

        private void end(HttpServerExchange ex) {
            if (!ended) {
                ended = true;
                deadline.remove();
                ex.getRequestReceiver().pause();
                ex.endExchange(); // not persistent: closes the connection
            }
        }
    }

    /** One body being received; touched only on its connection's IO thread until handed to a worker. */
    private final class Receipt {
        private final HttpServerExchange exchange;
        private final long start;
        private final long declared;
        private final AtomicBoolean released = new AtomicBoolean();
        private final List<byte[]> chunks = new ArrayList<>();
        private long received;
        private boolean finished;
        private XnioExecutor.Key deadline;

        Receipt(HttpServerExchange exchange, long start, long declared) {
            this.exchange = exchange;
            this.start = start;
            this.declared = declared;
        }

        void begin() {
            // the slot is given back when a worker takes the request or, at the latest, when the exchange ends
            exchange.addExchangeCompleteListener((ex, next) -> {
                release();
                next.proceed();
            });
            deadline = exchange.getIoThread().executeAfter(this::expire, timeoutMs, TimeUnit.MILLISECONDS);
            exchange.getRequestReceiver().receivePartialBytes(this::data, this::failed);
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }

        private void data(HttpServerExchange ex, byte[] bytes, boolean last) {
            if (finished) {
                return;
            }
            received += bytes.length;
            if (received > max + drainAllowance(max)) {
                finish(ex, 413, tooBig(Math.max(declared, received)));
                return;
            }
            if (received <= max) {
                chunks.add(bytes);
            } else {
                chunks.clear(); // over the limit: read on (to answer cleanly) but keep nothing
            }
            if (!last) {
                return;
            }
            if (received > max) {
                finish(ex, 413, tooBig(Math.max(declared, received)));
                return;
            }
            finished = true;
            deadline.remove();
            byte[] body = join();
            ex.dispatch((HttpHandler) worker -> {
                release();
                routes.handle(worker, body, start);
            });
        }

        private byte[] join() {
            byte[] body = new byte[(int) received];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, body, at, c.length);
                at += c.length;
            }
            chunks.clear();
            return body;
        }

        private void failed(HttpServerExchange ex, IOException e) {
            if (finished) {
                return;
            }
            if (e instanceof RequestTooBigException) {
                finish(ex, 413, tooBig(declared));
            } else if (e instanceof ReadTimeoutException) {
                finish(ex, 408, timedOut());
            } else {
                // the client closed the connection mid-body: nothing can be answered (nginx's 499)
                finished = true;
                deadline.remove();
                chunks.clear();
                metrics.request(V2Handler.routeLabel(ex.getRequestPath()), 499, (System.nanoTime() - start) / 1e9);
                ex.setPersistent(false);
                ex.endExchange();
            }
        }

        /** The deadline passed before the whole body arrived (runs on the IO thread, outside any call). */
        private void expire() {
            if (!finished) {
                Connectors.executeRootHandler(ex -> finish(ex, received > max ? 413 : 408,
                        received > max ? tooBig(Math.max(declared, received)) : timedOut()), exchange);
            }
        }

        private String timedOut() {
            return "the request body did not arrive in full within the read timeout of " + timeoutMs + " ms ("
                    + received + (declared >= 0 ? " of " + declared : "") + " bytes received)";
        }

        private void finish(HttpServerExchange ex, int status, String message) {
            finished = true;
            deadline.remove();
            chunks.clear();
            ex.getRequestReceiver().pause();
            refuse(ex, status, message, start);
        }
    }
}
