package org.trustml.core.tracking;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.run.RunStatus;

/**
 * Writes runs in the layout of MLflow's file-store tracking backend (MLflow 2.x
 * {@code mlflow/store/tracking/file_store.py}), so that {@code mlflow ui --backend-store-uri
 * <root>} lists them. MLflow deprecated this backend in February 2026 and from 3.13 refuses it unless
 * {@code MLFLOW_ALLOW_FILE_STORE=true} is set (mlflow issues 18534, 23634); {@code mlflow migrate-filestore}
 * (3.10 and later) copies it into SQLite. To log to a tracking server instead, see {@link MlflowServer}.
 *
 * <pre>
 * mlruns/.trash/
 * mlruns/0/meta.yaml                          the "Default" experiment
 * mlruns/&lt;experiment id&gt;/meta.yaml             artifact_location, creation_time, experiment_id, ...
 * mlruns/&lt;experiment id&gt;/&lt;run id&gt;/meta.yaml    artifact_uri, end_time, status (1 running, 3 finished, 4 failed), ...
 * mlruns/&lt;experiment id&gt;/&lt;run id&gt;/params/&lt;key&gt;   the value, no trailing newline
 * mlruns/&lt;experiment id&gt;/&lt;run id&gt;/metrics/&lt;key&gt;  one line per point: "&lt;epoch ms&gt; &lt;value&gt; &lt;step&gt;\n"
 * mlruns/&lt;experiment id&gt;/&lt;run id&gt;/tags/&lt;key&gt;     the value, no trailing newline
 * mlruns/&lt;experiment id&gt;/&lt;run id&gt;/artifacts/     the run directory
 * </pre>
 *
 * <p>YAML keys are written sorted, as MLflow's {@code write_yaml} does, with every string single
 * quoted (so that ids made of digits stay strings). {@code meta.yaml} files are replaced atomically.
 * New experiments get the next free integer id (MLflow itself draws a random 18-digit one; any id
 * matching {@code [A-Za-z0-9][\w-]*} is valid). Keys MLflow would reject (characters outside
 * {@code [/\w.\- ]}, over 250 characters) are made valid by replacing each bad character with
 * {@code _}; param values are cut at 6000 characters and tag values at 5000, MLflow's limits.
 */
public final class MlflowFileStore implements Tracker {
    /** MLflow's {@code RunStatus} numbers. */
    static final int RUNNING = 1;
    static final int FINISHED = 3;
    static final int FAILED = 4;

    static final String DEFAULT_EXPERIMENT = "Default";
    private static final Pattern BAD_KEY_CHARS = Pattern.compile("[^/\\w.\\- ]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_KEY = 250;
    static final int MAX_PARAM_VALUE = 6000;
    static final int MAX_TAG_VALUE = 5000;

    private final Path root;
    private final YAMLMapper yaml = new YAMLMapper();

    /** A store in {@code root} (usually a folder named {@code mlruns}); created on first use. */
    public MlflowFileStore(Path root) {
        this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public TrackedRun start(String experiment, String runId, String runName, Instant startedAt, Map<String, String> tags) {
        requireNonNull(experiment, "experiment");
        if (!runId.matches("[0-9a-f]{32}")) {
            throw InvalidInputException.problem("is not a run id").value(runId).expected("32 lower-case hex digits").build();
        }
        String experimentId = experimentId(experiment, startedAt);
        Path runDir = root.resolve(experimentId).resolve(runId);
        if (Files.exists(runDir)) {
            throw InvalidInputException.problem("already exists").file(runDir).expected("a new run id").build();
        }
        try {
            for (String sub : new String[] {"metrics", "params", "tags", "artifacts"}) {
                Files.createDirectories(runDir.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + runDir, e);
        }
        MlflowRun run = new MlflowRun(runDir, experimentId, runId, runName, startedAt.toEpochMilli());
        run.writeMeta(null, RUNNING, true);
        standardTags(runName).forEach(run::setTag);
        tags.forEach(run::setTag);
        return run;
    }

    /** The tags MLflow's own client sets on a run it starts, as trustml fills them (also {@link MlflowServer}'s). */
    static Map<String, String> standardTags(String runName) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.runName", runName);
        tags.put("mlflow.user", System.getProperty("user.name", ""));
        tags.put("mlflow.source.name", "trustml");
        tags.put("mlflow.source.type", "LOCAL");
        return tags;
    }

    /** The id of the active experiment with this name, creating the store and the experiment as needed. */
    synchronized String experimentId(String name, Instant now) {
        ensureRoot(now);
        long maxId = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Path meta = dir.resolve("meta.yaml");
                if (!Files.isRegularFile(meta)) {
                    continue;
                }
                JsonNode m = yaml.readTree(meta.toFile());
                String id = m.path("experiment_id").asText();
                if (name.equals(m.path("name").asText()) && "active".equals(m.path("lifecycle_stage").asText())) {
                    return id;
                }
                if (id.matches("\\d{1,18}")) {
                    maxId = Math.max(maxId, Long.parseLong(id));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read experiments in " + root, e);
        }
        String id = Long.toString(maxId + 1);
        createExperiment(id, name, now);
        return id;
    }

    private void ensureRoot(Instant now) {
        try {
            Files.createDirectories(root.resolve(".trash"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + root, e);
        }
        if (!Files.exists(root.resolve("0").resolve("meta.yaml"))) {
            createExperiment("0", DEFAULT_EXPERIMENT, now);
        }
    }

    private void createExperiment(String id, String name, Instant now) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_location", fileUri(root.resolve(id)));
        meta.put("creation_time", now.toEpochMilli());
        meta.put("experiment_id", id);
        meta.put("last_update_time", now.toEpochMilli());
        meta.put("lifecycle_stage", "active");
        meta.put("name", name);
        AtomicFiles.writeString(root.resolve(id).resolve("meta.yaml"), MlflowYaml.write(meta));
    }

    /** {@code file:///abs/path}, percent-encoded, no trailing slash: Python's {@code Path.as_uri()}. */
    static String fileUri(Path path) {
        try {
            return new URI("file", "", path.toAbsolutePath().toString().replace('\\', '/'), null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file path: " + path, e);
        }
    }

    /** A key MLflow accepts: bad characters become {@code _}, no empty or {@code ..} segments. */
    static String validKey(String key) {
        String k = BAD_KEY_CHARS.matcher(key).replaceAll("_");
        StringBuilder out = new StringBuilder();
        for (String part : k.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "/").append(part);
        }
        String s = out.length() == 0 ? "_" : out.toString();
        return s.length() <= MAX_KEY ? s : s.substring(0, MAX_KEY);
    }

    static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** One run's folder. */
    private final class MlflowRun implements TrackedRun {
        private final Path dir;
        private final String experimentId;
        private final String runId;
        private final String runName;
        private final long startMillis;

        MlflowRun(Path dir, String experimentId, String runId, String runName, long startMillis) {
            this.dir = dir;
            this.experimentId = experimentId;
            this.runId = runId;
            this.runName = runName;
            this.startMillis = startMillis;
        }

        void writeMeta(Long endMillis, int status, boolean creating) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("artifact_uri", fileUri(dir.resolve("artifacts")));
            if (creating) {
                meta.put("deleted_time", null);
            }
            meta.put("end_time", endMillis);
            meta.put("entry_point_name", "");
            meta.put("experiment_id", experimentId);
            meta.put("lifecycle_stage", "active");
            meta.put("run_id", runId);
            meta.put("run_name", runName);
            meta.put("run_uuid", runId);
            meta.put("source_name", "");
            meta.put("source_type", 4L); // SourceType.LOCAL
            meta.put("source_version", "");
            meta.put("start_time", startMillis);
            meta.put("status", (long) status);
            meta.put("tags", java.util.List.of());
            meta.put("user_id", System.getProperty("user.name", ""));
            AtomicFiles.writeString(dir.resolve("meta.yaml"), MlflowYaml.write(meta));
        }

        @Override
        public Path artifactDirectory() {
            return dir.resolve("artifacts");
        }

        @Override
        public void logParam(String key, String value) {
            AtomicFiles.writeString(dir.resolve("params").resolve(validKey(key)), cut(value, MAX_PARAM_VALUE));
        }

        @Override
        public void logMetric(String key, double value, long step, Instant timestamp) {
            AtomicFiles.append(dir.resolve("metrics").resolve(validKey(key)),
                    timestamp.toEpochMilli() + " " + value + " " + step + "\n");
        }

        @Override
        public void setTag(String key, String value) {
            AtomicFiles.writeString(dir.resolve("tags").resolve(validKey(key)), cut(value, MAX_TAG_VALUE));
        }

        @Override
        public void finish(RunStatus status, Instant endedAt) {
            writeMeta(endedAt.toEpochMilli(), status == RunStatus.FAILED ? FAILED : FINISHED, false);
        }
    }
}
