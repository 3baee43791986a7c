package org.trustml.core.tracking;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * How trustml authenticates to an MLflow tracking server: nothing, a bearer token, or a user name and password
 * (HTTP basic auth, as MLflow's own {@code mlflow server --app-name basic-auth} expects).
 *
 * <p>{@link #fromEnvironment()} reads the variables MLflow's Python and Java clients read: with both
 * {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD} set, basic auth; otherwise with
 * {@code MLFLOW_TRACKING_TOKEN} set, a bearer token; otherwise none (the same precedence as MLflow's
 * {@code mlflow/utils/rest_utils.py} {@code http_request}). Secrets never appear in {@link #toString()}, log lines
 * or exception messages.
 */
public final class MlflowCredentials {
    /** The environment variables MLflow's clients read. */
    public static final String TOKEN = "MLFLOW_TRACKING_TOKEN";
    public static final String USERNAME = "MLFLOW_TRACKING_USERNAME";
    public static final String PASSWORD = "MLFLOW_TRACKING_PASSWORD";

    private static final MlflowCredentials NONE = new MlflowCredentials("none", null);

    private final String kind;
    private final String authorization;

    private MlflowCredentials(String kind, String authorization) {
        this.kind = kind;
        this.authorization = authorization;
    }

    /** No {@code Authorization} header. */
    public static MlflowCredentials none() {
        return NONE;
    }

    /** {@code Authorization: Bearer <token>}. */
    public static MlflowCredentials bearer(String token) {
        requireNonNull(token, "token");
        if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            // the value is a secret: never echoed
            throw InvalidInputException.problem("is not a usable token").column(TOKEN)
                    .expected("printable ASCII without spaces").build();
        }
        return new MlflowCredentials("bearer token", "Bearer " + token);
    }

    /** {@code Authorization: Basic base64(user:password)}. */
    public static MlflowCredentials basic(String username, String password) {
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw InvalidInputException.problem("is not a usable user name").column(USERNAME)
                    .expected("a non-empty name without ':'").build();
        }
        String pair = username + ":" + password;
        return new MlflowCredentials("basic auth",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** The credentials the process environment names (see the class comment). */
    public static MlflowCredentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The credentials {@code env} names, read as MLflow's clients read the environment. */
    public static MlflowCredentials fromEnvironment(Map<String, String> env) {
        String user = nonEmpty(env.get(USERNAME));
        String password = nonEmpty(env.get(PASSWORD));
        if (user != null && password != null) {
            return basic(user, password);
        }
        String token = nonEmpty(env.get(TOKEN));
        return token != null ? bearer(token) : NONE;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The value of the {@code Authorization} header, if any. */
    Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** What kind of credentials these are ({@code none}, {@code bearer token}, {@code basic auth}), never the secret. */
    @Override
    public String toString() {
        return "MlflowCredentials[" + kind + "]";
    }
}
