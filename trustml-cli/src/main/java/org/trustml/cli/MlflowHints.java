package org.trustml.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.trustml.core.tracking.MlflowServerRun;

/**
 * What {@code trustml run} and {@code trustml demo} print about where MLflow can show a run: the file store folder
 * and how current MLflow opens it, and the run on a tracking server.
 */
final class MlflowHints {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private MlflowHints() {}

    /**
     * How to open an {@code mlruns} folder: MLflow 3.13 refuses a folder as {@code --backend-store-uri} unless
     * {@code MLFLOW_ALLOW_FILE_STORE=true} (mlflow issues 18534, 23634); {@code mlflow migrate-filestore} (3.10 and
     * later) copies it into SQLite, the backend MLflow recommends.
     */
    static List<String> fileStore(Path mlruns) {
        Path abs = mlruns.toAbsolutePath().normalize();
        String db = "sqlite:///" + abs.resolveSibling("mlflow.db").toString().replace('\\', '/');
        return List.of(
                "MLflow store: " + abs,
                "  open it:    MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri " + quote(abs.toString())
                        + "   (MLflow 3.13 and later refuse a folder without the variable)",
                "  or migrate: mlflow migrate-filestore --source " + quote(abs.toString()) + " --target " + quote(db)
                        + "   (MLflow 3.10 and later), then mlflow ui --backend-store-uri " + quote(db));
    }

    /** The run on the tracking server: its page, and what did not reach it. */
    static String server(MlflowServerRun run) {
        return "MLflow server: " + run.uiLink() + (run.complete() ? ""
                : "  (incomplete: " + run.failures().size() + " failed, listed in the log; the local store has "
                        + "everything)");
    }

    /** The run on the tracking server, for {@code --format json}. */
    static Map<String, Object> serverJson(MlflowServerRun run) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("server", run.server().toString());
        doc.put("experimentId", run.experimentId());
        doc.put("runId", run.runId());
        doc.put("link", run.uiLink().toString());
        doc.put("failures", run.failures());
        return doc;
    }

    /** {@code s} as one POSIX shell word. */
    static String quote(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
