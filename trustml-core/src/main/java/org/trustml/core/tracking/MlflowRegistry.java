package org.trustml.core.tracking;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trustml.core.InvalidInputException;
import org.trustml.core.tracking.MlflowRest.Retry;

/**
 * The model registry of an MLflow tracking server ({@link MlflowServer#registry()}), as much of it as promotions
 * need: register a run's model as a new version, point an alias ({@code champion}, {@code challenger}) at a version,
 * ask which version an alias points at. A rollback is {@link #setAlias} back to the previous version.
 *
 * <p>Aliases, not stages: MLflow deprecated registry stages ({@code Staging}, {@code Production},
 * {@code model-versions/transition-stage}) in 2.9 in favour of aliases (mlflow issue 10336), so trustml does not
 * use stages. Endpoints: {@code registered-models/create}, {@code model-versions/create}, {@code model-versions/get},
 * {@code registered-models/alias} (POST to set, GET to read), per {@code mlflow/protos/model_registry.proto} and
 * https://mlflow.org/docs/latest/rest-api.html. Errors are {@link MlflowServerException}s.
 */
public final class MlflowRegistry {
    /** MLflow's {@code _REGISTERED_MODEL_ALIAS_REGEX} ({@code mlflow/utils/validation.py}), at most 256 long. */
    private static final Pattern ALIAS = Pattern.compile("[\\w-]{1,256}");
    /** Reserved by MLflow for version references ({@code _REGISTERED_MODEL_ALIAS_VERSION_REGEX}). */
    private static final Pattern VERSION_ALIAS = Pattern.compile("[vV]\\d+");
    private static final Pattern VERSION = Pattern.compile("[1-9]\\d*");

    private final MlflowRest rest;

    MlflowRegistry(MlflowRest rest) {
        this.rest = rest;
    }

    /**
     * Creates the registered model {@code name}; a model of that name already there is fine.
     *
     * @return whether it was created now
     */
    public boolean ensureRegisteredModel(String name) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", nonEmpty(name, "registered model name"));
        try {
            rest.post("registered-models/create", body, Retry.ONCE);
            return true;
        } catch (MlflowServerException e) {
            if (e.is("RESOURCE_ALREADY_EXISTS")) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Registers a new version of {@code name} from {@code source} (see {@link MlflowServerRun#artifactSource}),
     * made by the server run {@code runId}. Sent once: a second request would make a second version.
     */
    public MlflowModelVersion createModelVersion(String name, String source, String runId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", nonEmpty(name, "registered model name"))
                .put("source", nonEmpty(source, "source")).put("run_id", nonEmpty(runId, "run id"));
        return version("POST model-versions/create", rest.post("model-versions/create", body, Retry.ONCE));
    }

    /** Version {@code version} of {@code name}. */
    public MlflowModelVersion modelVersion(String name, String version) {
        return version("GET model-versions/get", rest.get("model-versions/get",
                Map.of("name", nonEmpty(name, "registered model name"), "version", checkedVersion(version))));
    }

    /** Points {@code alias} of {@code name} at {@code version} (moving it from the version it pointed at). */
    public void setAlias(String name, String alias, String version) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", nonEmpty(name, "registered model name"))
                .put("alias", checkedAlias(alias)).put("version", checkedVersion(version));
        rest.post("registered-models/alias", body, Retry.IDEMPOTENT);
    }

    /** The version {@code alias} of {@code name} points at, if it points anywhere. */
    public Optional<MlflowModelVersion> versionByAlias(String name, String alias) {
        try {
            return Optional.of(version("GET registered-models/alias", rest.get("registered-models/alias",
                    Map.of("name", nonEmpty(name, "registered model name"), "alias", checkedAlias(alias)))));
        } catch (MlflowServerException e) {
            // MLflow's stores answer "Registered model alias <alias> not found." with INVALID_PARAMETER_VALUE
            if (e.is("RESOURCE_DOES_NOT_EXIST")
                    || e.is("INVALID_PARAMETER_VALUE") && e.serverMessage().contains("not found")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Promotes a run's model: registers {@code artifactPath} of {@code run}'s artifacts as a new version of
     * {@code name} (creating the registered model when needed) and points {@code alias} at it.
     *
     * @return the new version, as the registry has it after the alias was set
     */
    public MlflowModelVersion promote(String name, MlflowServerRun run, String artifactPath, String alias) {
        requireNonNull(run, "run");
        checkedAlias(alias);
        ensureRegisteredModel(name);
        MlflowModelVersion created = createModelVersion(name, run.artifactSource(artifactPath), run.runId());
        setAlias(name, alias, created.version());
        return modelVersion(name, created.version());
    }

    /** The answer's {@code model_version}; {@code call} is the verb and method, e.g. {@code GET model-versions/get}. */
    private MlflowModelVersion version(String call, JsonNode answer) {
        JsonNode v = answer.path("model_version");
        if (v.path("version").asText("").isEmpty()) {
            throw MlflowServerException.malformed(rest.base(), call.replace(" ", " " + MlflowRest.API),
                    "without model_version.version");
        }
        return MlflowModelVersion.of(v);
    }

    private static String nonEmpty(String value, String what) {
        requireNonNull(value, what);
        if (value.isEmpty()) {
            throw InvalidInputException.problem("is empty").column(what).expected("a non-empty " + what).build();
        }
        return value;
    }

    private static String checkedVersion(String version) {
        requireNonNull(version, "version");
        if (!VERSION.matcher(version).matches()) {
            throw InvalidInputException.problem("is not a model version").column("version").value(version)
                    .expected("a version number such as 3").build();
        }
        return version;
    }

    private static String checkedAlias(String alias) {
        requireNonNull(alias, "alias");
        if (!ALIAS.matcher(alias).matches() || alias.toLowerCase(Locale.ROOT).equals("latest")
                || VERSION_ALIAS.matcher(alias).matches()) {
            throw InvalidInputException.problem("is not an alias MLflow accepts").column("alias").value(alias)
                    .expected("1 to 256 letters, digits, '_' or '-', other than 'latest' and v<number>").build();
        }
        return alias;
    }
}
