package org.trustml.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.trustml.publish.ModelPackage;
import org.trustml.serving.ModelServer;
import org.trustml.serving.ServerConfig;

/**
 * The slow-body attack on {@code ModelServer} (issue 17, part 6), measured: {@code slow} connections
 * each send the headers of {@code POST /v2/models/load/infer} declaring a 100,000-byte body (or a
 * chunked one) and then one byte every 2 s for {@code seconds}; meanwhile one client sends a normal
 * infer request every 500 ms (60 s client timeout). Prints how many normal requests were answered
 * during the attack, their latency (median, max), and what the slow clients got (status line or
 * "closed", and when). The server runs with its defaults (32 worker threads, 30 s read timeout).
 * Run: {@code java -cp trustml-bench/target/benchmarks.jar org.trustml.bench.ServeSlowClients
 * [slow=40] [seconds=30] [length|chunked]}.
 */
public final class ServeSlowClients {
    private ServeSlowClients() {}

    public static void main(String[] args) throws Exception {
        int slow = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean chunked = args.length > 2 && args[2].equals("chunked");
        Path dir = Files.createTempDirectory("trustml-serve-slow");
        ModelPackage pkg = ServeLoad.tinyPackage(dir);
        String body = ServeLoad.request(ServeLoad.png(32, 7));
        try (ModelServer server = ModelServer.start(ServerConfig.defaults().withPort(0), pkg)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI infer = server.uri().resolve("/v2/models/load/infer");
            HttpRequest req = HttpRequest.newBuilder(infer).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            for (int i = 0; i < 20; i++) {
                http.send(req, HttpResponse.BodyHandlers.ofString()); // warm up
            }
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            List<Thread> attackers = new ArrayList<>();
            for (int c = 0; c < slow; c++) {
                Thread t = new Thread(() -> outcomes.merge(attack(server.port(), chunked, end, start), 1, Integer::sum));
                t.start();
                attackers.add(t);
            }
            Thread.sleep(1000); // let every slow client send its headers and first byte
            List<Double> latencies = new ArrayList<>();
            int failed = 0;
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && System.nanoTime() < end) {
                        latencies.add((System.nanoTime() - t0) / 1e6);
                    } else if (r.statusCode() == 200) {
                        System.out.printf("a normal request sent %.1f s into the attack was answered only after it, in %.1f s%n",
                                (t0 - start) / 1e9, (System.nanoTime() - t0) / 1e9);
                    } else {
                        failed++;
                    }
                } catch (IOException e) { // includes the 60 s client timeout
                    failed++;
                }
                Thread.sleep(500);
            }
            for (Thread t : attackers) {
                t.join();
            }
            double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%d slow %s clients for %d s: %d normal requests answered 200 during the attack, %d failed;"
                    + " latency median %.1f ms, max %.1f ms%n", slow, chunked ? "chunked" : "content-length", seconds,
                    ms.length, failed, ms.length == 0 ? Double.NaN : ServeLoad.median(ms),
                    ms.length == 0 ? Double.NaN : ms[ms.length - 1]);
            System.out.println("slow clients got: " + new TreeMap<>(outcomes));
            System.out.println("normal latencies (ms): " + Arrays.toString(Arrays.stream(ms).map(Math::rint).toArray()));
        }
    }

    /** One slow client; returns what it got ("408 after 3 s", "closed after 30 s", …). */
    private static String attack(int port, boolean chunked, long end, long start) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(100);
            OutputStream out = s.getOutputStream();
            out.write(("POST /v2/models/load/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: 100000") + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            byte[] answer = new byte[64];
            while (System.nanoTime() < end) {
                out.write((chunked ? "1\r\n{\r\n" : "{").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                long next = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < next) {
                    try {
                        int n = in.read(answer);
                        long at = Math.round((System.nanoTime() - start) / 1e9);
                        if (n < 0) {
                            return "closed after ~" + at + " s";
                        }
                        String line = new String(answer, 0, n, StandardCharsets.ISO_8859_1).split("\r\n")[0];
                        return line.replaceAll("^HTTP/1.1 (\\d+).*", "$1") + " after ~" + at + " s";
                    } catch (java.net.SocketTimeoutException e) {
                        // nothing yet
                    }
                }
            }
            return "still open at the end";
        } catch (IOException e) {
            return "reset after ~" + Math.round((System.nanoTime() - start) / 1e9) + " s";
        }
    }
}
