package org.trustml.serving;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.vision.images.ImageDecoder;

/**
 * How a {@link ModelServer} listens and batches.
 *
 * @param host            the address to bind ({@code 127.0.0.1} for loopback only, {@code 0.0.0.0} for all)
 * @param port            the port; 0 picks a free one ({@link ModelServer#port()} tells which)
 * @param token           a bearer token every route but {@code /v2/health/*} then requires
 * @param maxBatchSize    the most images one forward pass takes (1 turns batching off)
 * @param maxDelay        how long the batcher waits for more requests after the first of a batch
 * @param queueCapacity   requests waiting per model beyond which new ones get 503
 * @param maxRequestBytes the largest request body accepted (413 above), 1 KiB to 1 GiB
 * @param workerThreads   threads that parse requests, decode images and wait for their results (never
 *                        for a client: bodies are read on the IO threads before a worker takes them)
 * @param readTimeout     how long a client may take to send a request's headers, and then its whole body
 *                        (a total for each, not per read), before it gets 408 and the connection is closed;
 *                        also how long a response write may stall before the connection is closed
 * @param maxBodiesInFlight requests that may be sending their body or waiting for a worker at once; one
 *                        more gets 503 with {@code Retry-After} without being read. A slow client holds one
 *                        for at most {@code readTimeout}; bodies held in memory are at most
 *                        {@code (maxBodiesInFlight + workerThreads) × maxRequestBytes}
 * @param maxImagePixels  the most pixels (width × height, summed over its images) one request's encoded
 *                        images may have; checked from the images' headers before any is decoded (400
 *                        above), so a small compressed image cannot make the server allocate gigabytes
 */
public record ServerConfig(String host, int port, Optional<String> token, int maxBatchSize, Duration maxDelay,
        int queueCapacity, long maxRequestBytes, int workerThreads, Duration readTimeout, int maxBodiesInFlight,
        long maxImagePixels) {
    public ServerConfig {
        requireNonNull(host, "host");
        check(port >= 0 && port <= 65535, "port", port, "0..65535");
        requireNonNull(token, "token");
        token.ifPresent(t -> check(!t.isBlank() && t.chars().allMatch(c -> c > 0x20 && c < 0x7f), "token", "(hidden)",
                "printable ASCII without spaces"));
        check(maxBatchSize >= 1, "maxBatchSize", maxBatchSize, ">= 1");
        check(maxDelay != null && !maxDelay.isNegative(), "maxDelay", maxDelay, ">= 0");
        check(queueCapacity >= 1, "queueCapacity", queueCapacity, ">= 1");
        check(maxRequestBytes >= 1024 && maxRequestBytes <= 1L << 30, "maxRequestBytes", maxRequestBytes,
                "1024..1073741824 (1 KiB to 1 GiB)");
        check(workerThreads >= 1, "workerThreads", workerThreads, ">= 1");
        check(readTimeout != null && readTimeout.toMillis() >= 1 && readTimeout.toMillis() <= Integer.MAX_VALUE,
                "readTimeout", readTimeout, "1 ms .. 24 days");
        check(maxBodiesInFlight >= 1, "maxBodiesInFlight", maxBodiesInFlight, ">= 1");
        check(maxImagePixels >= 1 && maxImagePixels <= Integer.MAX_VALUE, "maxImagePixels", maxImagePixels,
                "1.." + Integer.MAX_VALUE);
    }

    /**
     * The decoder of a request's images: its limit is {@link #maxImagePixels()} (the server also
     * checks the sum over a request's images before decoding any).
     */
    public ImageDecoder imageDecoder() {
        return new ImageDecoder(maxImagePixels);
    }

    private static void check(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw InvalidInputException.problem("is out of range").column(name).value(value).expected(expected).build();
        }
    }

    /**
     * Loopback on port 8080, no token, batches of up to 8 within 5 ms, 64 queued requests, 8 MiB
     * bodies, 32 worker threads, 30 s read timeout, 64 bodies in flight, and 2<sup>24</sup> = 16,777,216
     * image pixels per request (4096×4096, or a 12-megapixel phone photo; a served model takes a few
     * hundred pixels a side, and at this limit one request decodes at most 64 MiB of 4-byte pixels).
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, Optional.empty(), 8, Duration.ofMillis(5), 64, 8L << 20, 32,
                Duration.ofSeconds(30), 64, 1L << 24);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes, workerThreads,
                readTimeout, maxBodiesInFlight, maxImagePixels);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes, workerThreads,
                readTimeout, maxBodiesInFlight, maxImagePixels);
    }

    public ServerConfig withToken(String t) {
        return new ServerConfig(host, port, Optional.of(t), maxBatchSize, maxDelay, queueCapacity, maxRequestBytes,
                workerThreads, readTimeout, maxBodiesInFlight, maxImagePixels);
    }

    public ServerConfig withBatching(int size, Duration delay) {
        return new ServerConfig(host, port, token, size, delay, queueCapacity, maxRequestBytes, workerThreads,
                readTimeout, maxBodiesInFlight, maxImagePixels);
    }

    public ServerConfig withQueueCapacity(int capacity) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, capacity, maxRequestBytes, workerThreads,
                readTimeout, maxBodiesInFlight, maxImagePixels);
    }

    public ServerConfig withMaxRequestBytes(long bytes) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, queueCapacity, bytes, workerThreads,
                readTimeout, maxBodiesInFlight, maxImagePixels);
    }

    public ServerConfig withWorkerThreads(int threads) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes, threads,
                readTimeout, maxBodiesInFlight, maxImagePixels);
    }

    public ServerConfig withReadTimeout(Duration timeout) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes,
                workerThreads, timeout, maxBodiesInFlight, maxImagePixels);
    }

    public ServerConfig withMaxBodiesInFlight(int bodies) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes,
                workerThreads, readTimeout, bodies, maxImagePixels);
    }

    public ServerConfig withMaxImagePixels(long pixels) {
        return new ServerConfig(host, port, token, maxBatchSize, maxDelay, queueCapacity, maxRequestBytes,
                workerThreads, readTimeout, maxBodiesInFlight, pixels);
    }
}
