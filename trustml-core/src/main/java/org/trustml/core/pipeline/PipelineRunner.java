package org.trustml.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.io.Json;
import org.trustml.core.run.ContentHashes;
import org.trustml.core.run.EnvironmentRecord;
import org.trustml.core.run.RunRecord;
import org.trustml.core.run.RunStatus;
import org.trustml.core.run.StageRecord;
import org.trustml.core.tracking.TrackedRun;

/** Runs a pipeline's stages once and records what happened. */
final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    private final List<Stage<?, ?>> stages;
    private final RunOptions options;
    private final List<String> names;

    PipelineRunner(List<Stage<?, ?>> stages, RunOptions options) {
        this.stages = stages;
        this.options = options;
        this.names = uniqueNames(stages);
    }

    /** Stage names with repeats numbered: transform, transform-2, ... */
    private static List<String> uniqueNames(List<Stage<?, ?>> stages) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Stage<?, ?> s : stages) {
            int n = seen.merge(s.name(), 1, Integer::sum);
            out.add(n == 1 ? s.name() : s.name() + "-" + n);
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    <O> PipelineRun<O> run() {
        String runId = UUID.randomUUID().toString().replace("-", "");
        String runName = options.runName().orElse(String.join("-", names));
        Instant start = options.clock().instant();
        TrackedRun tracked = options.tracker().start(options.experiment(), runId, runName, start,
                Map.of("trustml.stages", String.join(" -> ", names)));
        Path runDir = tracked.artifactDirectory().toAbsolutePath().normalize();
        tracked.logParam("seed", Long.toString(options.seed()));
        List<JsonNode> configs = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            JsonNode config = configOf(stages.get(i));
            configs.add(config);
            logParams(tracked, names.get(i), config);
        }

        List<String> engines = new ArrayList<>();
        List<StageRecord> records = new ArrayList<>();
        Object value = null;
        Optional<String> valueHash = Optional.empty();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            String name = names.get(i);
            long seed = Seeds.derive(options.seed(), i, name);
            Instant stageStart = options.clock().instant();
            LOG.debug("run {} stage {} '{}' starting", runId, i, name);
            try (RunContext ctx = new RunContext(runId, i, name, seed, runDir, options.clock(), tracked, engines,
                    options.progress(), () -> RunRecord.of(runId, runName, options.experiment(), options.seed(), start,
                            options.clock().instant(), RunStatus.RUNNING, EnvironmentRecord.current(engines),
                            records, Optional.empty()))) {
                Object out;
                try {
                    out = stage.apply(value, ctx);
                } catch (RuntimeException | Error e) {
                    records.add(new StageRecord(i, name, stage.getClass().getName(), configs.get(i), seed,
                            inputHash(ctx, valueHash),
                            Optional.empty(), stageStart, options.clock().instant(), RunStatus.FAILED,
                            Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()),
                            ctx.metrics(), ctx.artifacts()));
                    RunRecord record = finish(runId, runName, start, RunStatus.FAILED, engines, records,
                            Optional.empty(), tracked, runDir);
                    throw new PipelineException("stage " + i + " '" + name + "' failed: " + e.getMessage(), e, record);
                }
                Optional<String> outHash = ContentHashes.of(out);
                records.add(new StageRecord(i, name, stage.getClass().getName(), configs.get(i), seed,
                        inputHash(ctx, valueHash), outHash,
                        stageStart, options.clock().instant(), RunStatus.FINISHED, Optional.empty(),
                        ctx.metrics(), ctx.artifacts()));
                value = out;
                valueHash = outHash;
            }
        }
        RunRecord record = finish(runId, runName, start, RunStatus.FINISHED, engines, records, valueHash, tracked, runDir);
        return new PipelineRun<>((O) value, record, runDir);
    }

    private RunRecord finish(String runId, String runName, Instant start, RunStatus status, List<String> engines,
            List<StageRecord> records, Optional<String> outputHash, TrackedRun tracked, Path runDir) {
        RunRecord record = RunRecord.of(runId, runName, options.experiment(), options.seed(), start,
                options.clock().instant(), status, EnvironmentRecord.current(engines), records, outputHash);
        record.write(runDir.resolve(RunRecord.FILE_NAME));
        tracked.setTag("trustml.fingerprint", record.fingerprint());
        tracked.finish(status, record.endedAt());
        return record;
    }

    private static JsonNode configOf(Stage<?, ?> stage) {
        Object config = stage.config();
        if (config == null) {
            return NullNode.getInstance();
        }
        try {
            return Json.toTree(config);
        } catch (IllegalArgumentException e) {
            return TextNode.valueOf(config.toString());
        }
    }

    /** Each leaf of a stage's config becomes a param {@code <stage>.<path>}. */
    private static void logParams(TrackedRun tracked, String prefix, JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                logParams(tracked, prefix + "." + e.getKey(), e.getValue());
            }
        } else if (!node.isNull()) {
            tracked.logParam(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** A source records what it read; any other stage's input is the previous output. */
    private static Optional<String> inputHash(RunContext ctx, Optional<String> previousOutput) {
        return ctx.inputHash().or(() -> previousOutput);
    }
}
