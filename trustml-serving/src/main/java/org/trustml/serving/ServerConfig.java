package org.trustml.serving;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * How a {@link ModelServer} listens and batches.
 *
 * @param host            the address to bind ({@code 127.0.0.1} for loopback only, {@code 0.0.0.0} for all)
 * @param port            the port; 0 picks a free one ({@link ModelServer#port()} tells which)
 * @param token           a bearer token every route but {@code /v2/health/*} then requires
 * @param maxBatchSize    the most images one forward pass takes (1 turns batching off)
 * @param maxDelay        how long the batcher waits for more requests after the first of a batch
 * @param queueCapacity   requests waiting per model beyond which new ones get 503
 * @param maxRequestBytes the largest request body accepted (413 above)
 * @param workerThreads   threads that read requests and wait for their results
 * @param readTimeout     how long a client may stall while sending a request before it gets 408
 */
public record ServerConfig(String host, int port, Optional<String> token, int maxBatchSize, Duration maxDelay,
        int queueCapacity, long maxRequestBytes, int workerThreads, Duration readTimeout) {
    public ServerConfig {
        requireNonNull(host, "host");
        check(port >= 0 && port <= 65535, "port", port, "0..65535");
        requireNonNull(token, "token");
        token.ifPresent(t -> check(!t.isBlank() && t.chars().allMatch(c -> c > 0x20 && c < 0x7f), "token", "(hidden)",
                "printable ASCII without spaces"));
        check(maxBatchSize >= 1, "maxBatchSize", maxBatchSize, ">= 1");
        check(maxDelay != null && !maxDelay.isNegative(), "maxDelay", maxDelay, ">= 0");
        check(queueCapacity >= 1, "queueCapacity", queueCapacity, ">= 1");
        check(maxRequestBytes >= 1024, "maxRequestBytes", maxRequestBytes, ">= 1024");
        check(workerThreads >= 1, "workerThreads", workerThreads, ">= 1");
        check(readTimeout != null && !readTimeout.isNegative() && !readTimeout.isZero(), "readTimeout", readTimeout, "> 0");
    }

    private static void check(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw InvalidInputException.problem("is out of range").column(name).value(value).expected(expected).build();
        }
    }

    /**
     * Loopback on port 8080, no token, batches of up to 8 within 5 ms, 64 queued requests, 8 MiB
     * bodies, 32 worker threads, 30 s read timeout.
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, Optional.empty(), 8, Duration.ofMillis(5), 64, 8L << 20, 32,
                Duration.ofSeconds(30));
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes, workerThreads,
                readTimeout);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes, workerThreads,
                readTimeout);
    }

    public ServerConfig withToken(String t) {
        return new ServerConfig(host, port, Optional.of(t), maxBatchSize, maxDelay, queueCapacity, maxRequestBytes,
                workerThreads, readTimeout);
    }

    public ServerConfig withBatching(int size, Duration delay) {
        return new ServerConfig(host, port, token, size, delay, queueCapacity, maxRequestBytes, workerThreads,
                readTimeout);
    }

    public ServerConfig withQueueCapacity(int capacity) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, capacity, maxRequestBytes, workerThreads,
                readTimeout);
    }

    public ServerConfig withMaxRequestBytes(long bytes) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, queueCapacity, bytes, workerThreads,
                readTimeout);
    }

    public ServerConfig withWorkerThreads(int threads) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes, threads,
                readTimeout);
    }

    public ServerConfig withReadTimeout(Duration timeout) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes, workerThreads,
                timeout);
    }
}
