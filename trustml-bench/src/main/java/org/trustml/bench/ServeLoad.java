package org.trustml.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Verdict;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.ModelRegistry;
import org.trustml.publish.PublishOptions;
import org.trustml.serving.ModelServer;
import org.trustml.serving.ServerConfig;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

/**
 * A bounded load test of {@code ModelServer} on loopback: a MobileNetV2 package (32x32 RGB, 2 classes)
 * is served with each max batch size in turn, interleaved over several rounds so every configuration
 * sees the same machine load; {@code clients} threads send {@code requests} v2 infer requests (one
 * base64 PNG each) and the run prints requests/s and p50/p99 latency per configuration and round,
 * then the medians. Bounded in count (requests per configuration) and time (each configuration
 * stops after 120 s). Run:
 * {@code java -cp trustml-bench/target/benchmarks.jar org.trustml.bench.ServeLoad [requests] [clients] [rounds] [batch sizes, e.g. 1,8]}.
 */
public final class ServeLoad {
    private static final Duration CAP = Duration.ofSeconds(120);

    private ServeLoad() {}

    /** One configuration's measurement. */
    record Result(int maxBatch, int round, int ok, int failed, double seconds, double p50Ms, double p99Ms) {
        double rps() {
            return ok / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[] sizes = Arrays.stream((args.length > 3 ? args[3] : "1,8").split(",")).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("trustml-serve-load");
        ModelPackage pkg = tinyPackage(dir);
        String body = request(png(32, 7));
        List<Result> all = new ArrayList<>();
        System.out.printf("requests/config %d, clients %d, rounds %d, max delay 2 ms, cores %d%n", requests, clients,
                rounds, Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            for (int b : sizes) {
                Result r = run(pkg, b, round, requests, clients, body);
                all.add(r);
                System.out.printf("round %d  max batch %2d: %7.1f req/s  p50 %7.2f ms  p99 %7.2f ms  (%d ok, %d failed, %.1f s)%n",
                        round, b, r.rps(), r.p50Ms(), r.p99Ms(), r.ok(), r.failed(), r.seconds());
            }
        }
        System.out.println("medians over rounds:");
        for (int b : sizes) {
            List<Result> rs = all.stream().filter(r -> r.maxBatch() == b).toList();
            System.out.printf("max batch %2d: %7.1f req/s  p50 %7.2f ms  p99 %7.2f ms%n", b,
                    median(rs.stream().mapToDouble(Result::rps).toArray()),
                    median(rs.stream().mapToDouble(Result::p50Ms).toArray()),
                    median(rs.stream().mapToDouble(Result::p99Ms).toArray()));
        }
        if (sizes.length > 1) {
            double[] ratios = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                ratios[i] = all.get(i * sizes.length + sizes.length - 1).rps() / all.get(i * sizes.length).rps();
            }
            System.out.printf("throughput ratio max batch %d / max batch %d per round: %s, median %.2f%n",
                    sizes[sizes.length - 1], sizes[0], Arrays.toString(ratios), median(ratios));
        }
    }

    static Result run(ModelPackage pkg, int maxBatch, int round, int requests, int clients, String body)
            throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withBatching(maxBatch, Duration.ofMillis(2))
                .withQueueCapacity(4 * clients).withWorkerThreads(Math.max(32, 2 * clients));
        try (ModelServer server = ModelServer.start(config, pkg)) {
            URI infer = server.uri().resolve("/v2/models/load/infer");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            drive(http, infer, body, Math.min(500, requests), clients, new long[requests], System.nanoTime() + CAP.toNanos());
            long[] latencies = new long[requests];
            long start = System.nanoTime();
            int[] counts = drive(http, infer, body, requests, clients, latencies, start + CAP.toNanos());
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] ok = Arrays.copyOf(latencies, counts[0]);
            Arrays.sort(ok);
            return new Result(maxBatch, round, counts[0], counts[1], seconds, percentile(ok, 0.50) / 1e6,
                    percentile(ok, 0.99) / 1e6);
        }
    }

    /** Sends {@code n} requests from {@code clients} threads; returns {ok, failed}, latencies of the ok ones. */
    static int[] drive(HttpClient http, URI uri, String body, int n, int clients, long[] latencies, long deadline)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (next.getAndIncrement() < n && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            latencies[ok.getAndIncrement()] = System.nanoTime() - t0;
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new int[] {ok.get(), (int) failed.get()};
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** An initialised MobileNetV2 (serving cost does not depend on training), published to a temp registry. */
    static ModelPackage tinyPackage(Path dir) throws IOException {
        TrainedModel t = TrainedModel.initialised(Architecture.MOBILENET_V2, List.of("blue", "red"), 32, dir);
        Evaluation e = Evaluation.of(List.of(MetricValue.of("accuracy", 1.0)));
        return ModelPackage.open(ModelRegistry.at(dir.resolve("registry")).publish(t, e,
                Verdict.judge(List.of(), e, Optional.empty()), Optional.empty(), PublishOptions.named("load")).directory());
    }

    static byte[] png(int size, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String request(byte[] png) {
        return "{\"inputs\":[{\"name\":\"image\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\""
                + Base64.getEncoder().encodeToString(png) + "\"]}]}";
    }
}
