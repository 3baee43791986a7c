package org.trustml.serving.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching (as in Triton's dynamic batcher): requests wait in a bounded queue; one thread
 * takes the first, then keeps taking more until the batch holds {@code maxBatchSize} items (images,
 * rows) or {@code maxDelay} has passed since it took the first, and runs them in one call. A request
 * with more items than {@code maxBatchSize} runs as a batch of its own; one that would overflow the
 * batch being formed starts the next one.
 *
 * @param <P> one request's payload (a float array of images, a table of rows)
 */
public final class DynamicBatcher<P> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicBatcher.class);

    /**
     * Runs one batch: the payloads of its requests, in order, {@code n} items in all; gives one row of
     * outputs per item, in the same order.
     */
    @FunctionalInterface
    public interface BatchFunction<P> {
        double[][] run(List<P> payloads, int n);
    }

    /** The float arrays of images of one size, concatenated, as one batch function wants them. */
    public static float[] concat(List<float[]> payloads) {
        if (payloads.size() == 1) {
            return payloads.get(0);
        }
        float[] data = new float[payloads.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : payloads) {
            System.arraycopy(p, 0, data, at, p.length);
            at += p.length;
        }
        return data;
    }

    private record Job<P>(P payload, int n, CompletableFuture<double[][]> result) {}

    private final Job<P> poison = new Job<>(null, 0, new CompletableFuture<>());

    private final BlockingQueue<Job<P>> queue;
    private final BatchFunction<P> function;
    private final int maxBatchSize;
    private final long maxDelayNanos;
    private final IntConsumer batchSizes;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param batchSizes told the number of items of every batch run (for metrics)
     */
    public DynamicBatcher(String name, BatchFunction<P> function, int maxBatchSize, Duration maxDelay, int queueCapacity,
            IntConsumer batchSizes) {
        this.function = function;
        this.maxBatchSize = maxBatchSize;
        this.maxDelayNanos = maxDelay.toNanos();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSizes = batchSizes;
        this.thread = new Thread(this::loop, "trustml-batcher-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a request of {@code n} items; empty when the queue is full (the caller answers 503).
     *
     * @return the future outputs, one row per item
     */
    public java.util.Optional<CompletableFuture<double[][]>> submit(P payload, int n) {
        if (closed) {
            return java.util.Optional.empty();
        }
        Job<P> job = new Job<>(payload, n, new CompletableFuture<>());
        return queue.offer(job) ? java.util.Optional.of(job.result()) : java.util.Optional.empty();
    }

    /** Requests waiting. */
    public int queued() {
        return queue.size();
    }

    private void loop() {
        Job<P> carried = null;
        while (true) {
            Job<P> first;
            try {
                first = carried != null ? carried : queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            carried = null;
            if (first == poison) {
                break;
            }
            List<Job<P>> batch = new ArrayList<>();
            batch.add(first);
            int items = first.n();
            long deadline = System.nanoTime() + maxDelayNanos;
            try {
                while (items < maxBatchSize) {
                    long wait = deadline - System.nanoTime();
                    Job<P> next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (next == poison || items + next.n() > maxBatchSize) {
                        carried = next;
                        break;
                    }
                    batch.add(next);
                    items += next.n();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(batch, e);
                break;
            }
            run(batch, items);
        }
        Job<P> left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the server is shutting down"));
        }
    }

    private void run(List<Job<P>> batch, int items) {
        try {
            double[][] out = function.run(batch.stream().map(Job::payload).toList(), items);
            batchSizes.accept(items);
            int at = 0;
            for (Job<P> j : batch) {
                double[][] rows = new double[j.n()][];
                System.arraycopy(out, at, rows, 0, j.n());
                at += j.n();
                j.result().complete(rows);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("batch of {} items failed", items, e);
            fail(batch, e);
        }
    }

    private static <P> void fail(List<Job<P>> batch, Throwable e) {
        batch.forEach(j -> j.result().completeExceptionally(e));
    }

    /**
     * Stops taking requests, fails the queued ones, and waits (up to a minute) for the running batch.
     *
     * @return whether the batching thread ended (only then may the model be closed)
     */
    public boolean stop() {
        close();
        return !thread.isAlive();
    }

    /** Stops taking requests, fails the queued ones, and waits (up to a minute) for the running batch. */
    @Override
    public void close() {
        closed = true;
        while (!queue.offer(poison)) {
            Job<P> dropped = queue.poll();
            if (dropped != null) {
                dropped.result().completeExceptionally(new IllegalStateException("the server is shutting down"));
            }
        }
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
