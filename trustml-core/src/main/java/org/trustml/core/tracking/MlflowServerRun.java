package org.trustml.core.tracking;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;

/**
 * A trustml run as an MLflow tracking server knows it, once it finished ({@link MlflowServer#run}).
 *
 * @param server       the tracking server
 * @param experimentId the server's experiment id
 * @param runId        the id the server gave the run (trustml's own run id is its tag {@code trustml.run_id})
 * @param artifactUri  where the server keeps the run's artifacts, e.g. {@code mlflow-artifacts:/1/<run id>/artifacts}
 * @param failures     the calls that failed (endpoint, error code and message), empty when the server has everything
 *                     the local run directory has
 */
public record MlflowServerRun(URI server, String experimentId, String runId, String artifactUri,
        List<String> failures) {
    public MlflowServerRun {
        requireNonNull(server, "server");
        requireNonNull(experimentId, "experimentId");
        requireNonNull(runId, "runId");
        requireNonNull(artifactUri, "artifactUri");
        failures = List.copyOf(failures);
    }

    /** Whether every param, metric, tag and artifact reached the server. */
    public boolean complete() {
        return failures.isEmpty();
    }

    /** The run's page in the MLflow UI: {@code <server>/#/experiments/<experiment id>/runs/<run id>}. */
    public URI uiLink() {
        String s = server.toString();
        return URI.create((s.endsWith("/") ? s : s + "/") + "#/experiments/" + MlflowRest.encode(experimentId)
                + "/runs/" + MlflowRest.encode(runId));
    }

    /**
     * The source of a model version registered from {@code artifactPath} inside this run's artifacts (for
     * {@link MlflowRegistry#createModelVersion}): {@code <artifact uri>/<artifact path>}, as MLflow's client sends it
     * after resolving {@code runs:/<run id>/<artifact path>}.
     */
    public String artifactSource(String artifactPath) {
        requireNonNull(artifactPath, "artifactPath");
        String path = artifactPath.replaceAll("^/+", "").replaceAll("/+$", "");
        return path.isEmpty() ? artifactUri : artifactUri.replaceAll("/+$", "") + "/" + path;
    }
}
