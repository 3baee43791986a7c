package org.trustml.core.tracking;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A version of a registered model, as MLflow's model registry answers it ({@code ModelVersion} in
 * {@code mlflow/protos/model_registry.proto}).
 *
 * @param name    the registered model's name
 * @param version the version number, as MLflow spells it (a string of digits)
 * @param source  where the model's files are, e.g. {@code mlflow-artifacts:/1/<run id>/artifacts/04-train/model}
 * @param runId   the server run that made it, if the registry was told
 * @param status  {@code PENDING_REGISTRATION}, {@code FAILED_REGISTRATION} or {@code READY}
 * @param aliases the aliases that point at this version (e.g. {@code champion})
 */
public record MlflowModelVersion(String name, String version, String source, Optional<String> runId, String status,
        List<String> aliases) {
    public MlflowModelVersion {
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        requireNonNull(source, "source");
        requireNonNull(runId, "runId");
        requireNonNull(status, "status");
        aliases = List.copyOf(aliases);
    }

    /** From the JSON of a {@code ModelVersion}. */
    static MlflowModelVersion of(JsonNode v) {
        List<String> aliases = new ArrayList<>();
        v.path("aliases").forEach(a -> aliases.add(a.asText()));
        String run = v.path("run_id").asText("");
        return new MlflowModelVersion(v.path("name").asText(""), v.path("version").asText(""),
                v.path("source").asText(""), run.isEmpty() ? Optional.empty() : Optional.of(run),
                v.path("status").asText(""), aliases);
    }
}
