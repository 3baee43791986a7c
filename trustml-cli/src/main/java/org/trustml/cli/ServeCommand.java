package org.trustml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.trustml.publish.ModelPackage;
import org.trustml.serving.ModelServer;
import org.trustml.serving.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trustml serve PACKAGE…}: an Open Inference Protocol v2 server for published packages. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve published model packages (<registry>/<name>/<version> folders written by the publish "
                + "stage) over the Open Inference Protocol v2 REST API that KServe, Triton and MLServer speak: "
                + "GET /v2/health/live, /v2/health/ready, /v2, /v2/models/NAME[/versions/V][/ready], "
                + "POST /v2/models/NAME[/versions/V]/infer, and Prometheus metrics at GET /metrics.",
                "Each package is verified against its SHA256SUMS first (exit 2 if a file changed). Runs until "
                + "interrupted (Ctrl-C, SIGTERM)."})
final class ServeCommand implements Callable<Integer> {
    /** Read when --token is not given, so the token need not appear in the process list. */
    static final String TOKEN_ENV = "TRUSTML_SERVE_TOKEN";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACKAGE", arity = "1..*", description = "Package folders; one per model name.")
    List<Path> packages;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token", description = "Bearer token required on every route but /v2/health/*; "
            + "default: the environment variable " + TOKEN_ENV + ", else none.")
    String token;

    @Option(names = "--max-batch", defaultValue = "8",
            description = "Most images per forward pass; 1 turns batching off (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-delay-ms", defaultValue = "5",
            description = "How long a batch waits for more requests (default: ${DEFAULT-VALUE}).")
    long maxDelayMs;

    @Option(names = "--queue", defaultValue = "64",
            description = "Requests waiting per model before new ones get 503 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--max-request-bytes", defaultValue = "8388608",
            description = "Largest request body; bigger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Option(names = "--threads", defaultValue = "32",
            description = "Worker threads reading requests (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--read-timeout-ms", defaultValue = "30000",
            description = "Time for a request's headers, and then for its whole body (a deadline, not per read): a "
                    + "client slower than this gets 408 and is disconnected (default: ${DEFAULT-VALUE}).")
    long readTimeoutMs;

    @Option(names = "--max-bodies-in-flight", defaultValue = "64",
            description = "Requests that may be sending their body or waiting for a worker at once; more get 503 "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxBodiesInFlight;

    @Option(names = "--max-image-pixels", defaultValue = "16777216",
            description = "Most pixels of one request's encoded images together, checked from their headers before "
                    + "decoding; more get 400 (default: ${DEFAULT-VALUE} = 4096x4096).")
    long maxImagePixels;

    @Option(names = "--engine-threads", description = "PyTorch intra-op threads per forward pass (sets "
            + "ai.djl.pytorch.num_threads before the engine starts); 1 is best on a shared or busy host, where "
            + "spinning OpenMP threads slow every pass down (default: the engine's, one per core).")
    Integer engineThreads;

    @Option(names = "--dry-run", description = "Verify and load the packages, print what would be served, and exit.")
    boolean dryRun;

    @Override
    public Integer call() throws InterruptedException {
        Optional<String> t = Optional.ofNullable(token).or(() -> Optional.ofNullable(System.getenv(TOKEN_ENV)))
                .filter(s -> !s.isEmpty());
        ServerConfig config = new ServerConfig(host, port, t, maxBatch, Duration.ofMillis(maxDelayMs), queue,
                maxRequestBytes, threads, Duration.ofMillis(readTimeoutMs), maxBodiesInFlight, maxImagePixels);
        if (engineThreads != null) {
            if (engineThreads < 1) {
                throw org.trustml.core.InvalidInputException.problem("is out of range").column("--engine-threads")
                        .value(engineThreads).expected(">= 1").build();
            }
            System.setProperty("ai.djl.pytorch.num_threads", engineThreads.toString());
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        List<ModelPackage> opened = packages.stream().map(ModelPackage::open).toList();
        PrintWriter out = spec.commandLine().getOut();
        for (ModelPackage p : opened) {
            out.println("package " + p.name() + " version " + p.version() + " (" + p.files().size() + " files verified) "
                    + p.directory());
        }
        if (dryRun) {
            for (ModelPackage p : opened) {
                if (p.kind() == org.trustml.publish.ModelKind.TABULAR_CLASSIFIER) {
                    var loaded = p.tabularModel().load();
                    out.println("loaded " + p.name() + ": " + p.model().describe() + ", "
                            + loaded.getFeatureIDMap().size() + " features after encoding");
                    continue;
                }
                try (ai.djl.Model loaded = p.trainedModel().load()) {
                    out.println("loaded " + p.name() + ": " + p.model().describe() + ", "
                            + loaded.getBlock().getParameters().size() + " parameter arrays");
                }
            }
            out.flush();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (ModelServer server = ModelServer.start(config, opened)) {
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "trustml-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("listening on " + server.uri() + " (Open Inference Protocol v2; max batch " + maxBatch + ", "
                    + maxDelayMs + " ms; token " + (t.isPresent() ? "required" : "off") + ")");
            out.flush();
            try {
                stopped.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it closes the server
                }
            }
        }
        return 0;
    }
}
