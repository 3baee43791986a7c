package org.trustml.junit.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.trustml.core.evaluation.MetricSource;

/**
 * What every assertion of one chain shares: the run id named in failure messages, the baseline
 * that change thresholds compare against, and where failures go.
 *
 * @param runId    the run the evaluation came from, if known
 * @param baseline the baseline evaluation, if change thresholds are used
 * @param sink     receives the failure messages of one check (one per failed gate)
 */
public record GateContext(Optional<String> runId, Optional<MetricSource> baseline, Consumer<List<String>> sink) {
    public GateContext {
        requireNonNull(runId, "runId");
        requireNonNull(baseline, "baseline");
        requireNonNull(sink, "sink");
    }

    /** Failures are thrown at once, all failed gates of one check in one {@link AssertionError}. */
    public static GateContext throwing() {
        return new GateContext(Optional.empty(), Optional.empty(), GateContext::throwAll);
    }

    /** Failures are handed to {@code collector} one by one (soft assertions). */
    public static GateContext collecting(Consumer<AssertionError> collector) {
        requireNonNull(collector, "collector");
        return new GateContext(Optional.empty(), Optional.empty(),
                messages -> messages.forEach(m -> collector.accept(new AssertionError(m))));
    }

    /** The same context naming {@code id} in its messages. */
    public GateContext withRunId(String id) {
        return new GateContext(Optional.of(requireNonNull(id, "runId")), baseline, sink);
    }

    /** The same context judging change thresholds against {@code source}. */
    public GateContext withBaseline(MetricSource source) {
        return new GateContext(runId, Optional.of(requireNonNull(source, "baseline")), sink);
    }

    /** Reports the failures of one check; nothing when the list is empty. */
    public void fail(List<String> messages) {
        if (!messages.isEmpty()) {
            sink.accept(List.copyOf(messages));
        }
    }

    private static void throwAll(List<String> messages) {
        throw new AssertionError(messages.size() == 1 ? messages.get(0)
                : messages.size() + " gates failed:\n" + String.join("\n", messages));
    }
}
