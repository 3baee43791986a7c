package org.trustml.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.trustml.serving.internal.DynamicBatcher;

/** Dynamic batching with a function that can be held, so every step is deterministic. */
class DynamicBatcherTest {
    /** Each image's one output is its first float; the function records batch sizes and can be held. */
    static final class Held implements DynamicBatcher.BatchFunction<float[]> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> sizes = new CopyOnWriteArrayList<>();

        @Override
        public double[][] run(List<float[]> payloads, int n) {
            float[] images = DynamicBatcher.concat(payloads);
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sizes.add(n);
            int per = images.length / n;
            double[][] out = new double[n][];
            for (int i = 0; i < n; i++) {
                out[i] = new double[] {images[i * per]};
            }
            return out;
        }
    }

    private static float[] images(float... firsts) {
        float[] out = new float[firsts.length * 2];
        for (int i = 0; i < firsts.length; i++) {
            out[i * 2] = firsts[i];
        }
        return out;
    }

    @Test
    void requestsQueuedDuringABatchRunTogetherAndGetTheirOwnRows() throws Exception {
        Held f = new Held();
        try (DynamicBatcher<float[]> b = new DynamicBatcher<>("t", f, 8, Duration.ZERO, 16, x -> {})) {
            CompletableFuture<double[][]> first = b.submit(images(1), 1).orElseThrow();
            assertThat(f.entered.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<double[][]> a = b.submit(images(2, 3), 2).orElseThrow();
            CompletableFuture<double[][]> c = b.submit(images(4), 1).orElseThrow();
            CompletableFuture<double[][]> d = b.submit(images(5, 6, 7), 3).orElseThrow();
            f.release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isDeepEqualTo(new double[][] {{1}});
            assertThat(a.get(30, TimeUnit.SECONDS)).isDeepEqualTo(new double[][] {{2}, {3}});
            assertThat(c.get(30, TimeUnit.SECONDS)).isDeepEqualTo(new double[][] {{4}});
            assertThat(d.get(30, TimeUnit.SECONDS)).isDeepEqualTo(new double[][] {{5}, {6}, {7}});
            // the first alone (it was all there was), then the three queued ones together: 2 + 1 + 3 images
            assertThat(f.sizes).containsExactly(1, 6);
        }
    }

    @Test
    void aRequestThatWouldOverflowTheBatchStartsTheNext() throws Exception {
        Held f = new Held();
        try (DynamicBatcher<float[]> b = new DynamicBatcher<>("t", f, 4, Duration.ZERO, 16, x -> {})) {
            b.submit(images(1), 1).orElseThrow();
            assertThat(f.entered.await(30, TimeUnit.SECONDS)).isTrue();
            var x = b.submit(images(1, 2, 3), 3).orElseThrow();
            var y = b.submit(images(4, 5), 2).orElseThrow();
            var z = b.submit(images(6, 7, 8, 9, 10, 11), 6).orElseThrow();
            f.release.countDown();
            z.get(30, TimeUnit.SECONDS);
            assertThat(x.get()).hasNumberOfRows(3);
            assertThat(y.get()).isDeepEqualTo(new double[][] {{4}, {5}});
            // 3 + 2 > 4, so 3 then 2; 6 > 4 runs alone
            assertThat(f.sizes).containsExactly(1, 3, 2, 6);
        }
    }

    @Test
    void aFullQueueRefusesAndTheBatcherKeepsWorking() throws Exception {
        Held f = new Held();
        try (DynamicBatcher<float[]> b = new DynamicBatcher<>("t", f, 1, Duration.ZERO, 2, x -> {})) {
            var running = b.submit(images(1), 1).orElseThrow();
            assertThat(f.entered.await(30, TimeUnit.SECONDS)).isTrue();
            var q1 = b.submit(images(2), 1);
            var q2 = b.submit(images(3), 1);
            assertThat(q1).isPresent();
            assertThat(q2).isPresent();
            assertThat(b.submit(images(4), 1)).isEmpty(); // capacity 2, both taken: the server answers 503
            f.release.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS)).isDeepEqualTo(new double[][] {{1}});
            assertThat(q2.get().get(30, TimeUnit.SECONDS)).isDeepEqualTo(new double[][] {{3}});
            assertThat(b.submit(images(5), 1).orElseThrow().get(30, TimeUnit.SECONDS)).isDeepEqualTo(new double[][] {{5}});
        }
    }

    @Test
    void aFailingBatchFailsOnlyItsRequests() throws Exception {
        int[] calls = {0};
        DynamicBatcher.BatchFunction<float[]> f = (images, n) -> {
            if (calls[0]++ == 0) {
                throw new IllegalArgumentException("boom");
            }
            return new double[][] {{images.get(0)[0]}};
        };
        try (DynamicBatcher<float[]> b = new DynamicBatcher<>("t", f, 1, Duration.ZERO, 4, x -> {})) {
            var bad = b.submit(images(1), 1).orElseThrow();
            assertThat(bad).failsWithin(Duration.ofSeconds(30));
            assertThat(b.submit(images(2), 1).orElseThrow().get(30, TimeUnit.SECONDS)).isDeepEqualTo(new double[][] {{2}});
        }
    }
}
