package org.trustml.serving.internal;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics, in a registry of its own (no global state):
 * {@code trustml_requests_total{route,code}}, {@code trustml_request_duration_seconds{route}}
 * (histogram), {@code trustml_batch_size} (histogram of images per forward pass),
 * {@code trustml_queue_depth} (requests waiting) and {@code trustml_request_bodies_in_flight}
 * (requests sending their body or waiting for a worker).
 */
public final class ServerMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram latency;
    private final Histogram batchSize;
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);

    public ServerMetrics(IntSupplier queueDepth, IntSupplier bodiesInFlight) {
        requests = Counter.builder().name("trustml_requests_total").help("HTTP requests by route and status code")
                .labelNames("route", "code").register(registry);
        latency = Histogram.builder().name("trustml_request_duration_seconds")
                .help("Time from reading a request to writing its response").labelNames("route").classicOnly()
                .classicUpperBounds(.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10)
                .register(registry);
        batchSize = Histogram.builder().name("trustml_batch_size").help("Images per forward pass").classicOnly()
                .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128).register(registry);
        registry.register(() -> io.prometheus.metrics.model.snapshots.GaugeSnapshot.builder()
                .name("trustml_queue_depth").help("Inference requests waiting for a batch, over all models")
                .dataPoint(io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(queueDepth.getAsInt()).build())
                .build());
        registry.register(() -> io.prometheus.metrics.model.snapshots.GaugeSnapshot.builder()
                .name("trustml_request_bodies_in_flight")
                .help("Requests whose body is arriving or waiting for a worker (bounded by maxBodiesInFlight)")
                .dataPoint(io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(bodiesInFlight.getAsInt()).build())
                .build());
    }

    public void request(String route, int code, double seconds) {
        requests.labelValues(route, Integer.toString(code)).inc();
        latency.labelValues(route).observe(seconds);
    }

    public void batch(int images) {
        batchSize.observe(images);
    }

    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
