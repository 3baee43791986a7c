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
 * takes the first, then keeps taking more until the batch holds {@code maxBatchSize} images or
 * {@code maxDelay} has passed since it took the first, and runs them in one forward pass. A request
 * with more images than {@code maxBatchSize} runs as a batch of its own; one that would overflow the
 * batch being formed starts the next one.
 */
public final class DynamicBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicBatcher.class);

    /** Runs one batch: {@code n} images as one row-major float array, giving one row of outputs per image. */
    @FunctionalInterface
    public interface BatchFunction {
        double[][] run(float[] images, int n);
    }

    private record Job(float[] images, int n, CompletableFuture<double[][]> result) {}

    private static final Job POISON = new Job(new float[0], 0, new CompletableFuture<>());

    private final BlockingQueue<Job> queue;
    private final BatchFunction function;
    private final int maxBatchSize;
    private final long maxDelayNanos;
    private final IntConsumer batchSizes;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param batchSizes told the number of images of every batch run (for metrics)
     */
    public DynamicBatcher(String name, BatchFunction function, int maxBatchSize, Duration maxDelay, int queueCapacity,
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
     * Queues {@code n} images; empty when the queue is full (the caller answers 503).
     *
     * @return the future outputs, one row per image
     */
    public java.util.Optional<CompletableFuture<double[][]>> submit(float[] images, int n) {
        if (closed) {
            return java.util.Optional.empty();
        }
        Job job = new Job(images, n, new CompletableFuture<>());
        return queue.offer(job) ? java.util.Optional.of(job.result()) : java.util.Optional.empty();
    }

    /** Requests waiting. */
    public int queued() {
        return queue.size();
    }

    private void loop() {
        Job carried = null;
        while (true) {
            Job first;
            try {
                first = carried != null ? carried : queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            carried = null;
            if (first == POISON) {
                break;
            }
            List<Job> batch = new ArrayList<>();
            batch.add(first);
            int images = first.n();
            long deadline = System.nanoTime() + maxDelayNanos;
            try {
                while (images < maxBatchSize) {
                    long wait = deadline - System.nanoTime();
                    Job next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (next == POISON || images + next.n() > maxBatchSize) {
                        carried = next;
                        break;
                    }
                    batch.add(next);
                    images += next.n();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(batch, e);
                break;
            }
            run(batch, images);
        }
        Job left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the server is shutting down"));
        }
    }

    private void run(List<Job> batch, int images) {
        try {
            float[] data;
            if (batch.size() == 1) {
                data = batch.get(0).images();
            } else {
                int per = batch.get(0).images().length / batch.get(0).n();
                data = new float[images * per];
                int at = 0;
                for (Job j : batch) {
                    System.arraycopy(j.images(), 0, data, at, j.images().length);
                    at += j.images().length;
                }
            }
            double[][] out = function.run(data, images);
            batchSizes.accept(images);
            int at = 0;
            for (Job j : batch) {
                double[][] rows = new double[j.n()][];
                System.arraycopy(out, at, rows, 0, j.n());
                at += j.n();
                j.result().complete(rows);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("batch of {} images failed", images, e);
            fail(batch, e);
        }
    }

    private static void fail(List<Job> batch, Throwable e) {
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
        while (!queue.offer(POISON)) {
            Job dropped = queue.poll();
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
