package org.trustml.core.tracking;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import org.trustml.core.TrustmlException;

/**
 * A call to an MLflow tracking server that failed: the server answered with an error (MLflow's
 * {@code {"error_code": ..., "message": ...}}, or a status without one, e.g. the 401 of
 * {@code mlflow server --app-name basic-auth}), or it could not be reached. The message names the server, the
 * endpoint, the error code and the server's message; it never holds credentials.
 */
public final class MlflowServerException extends TrustmlException {
    private static final long serialVersionUID = 1L;

    private final String server;
    private final String endpoint;
    private final int httpStatus;
    private final String errorCode;
    private final String serverMessage;
    private final int attempts;

    private MlflowServerException(String message, String server, String endpoint, int httpStatus, String errorCode,
            String serverMessage, int attempts, Throwable cause) {
        super(message, cause);
        this.server = server;
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
        this.attempts = attempts;
    }

    /** The server answered {@code status} with {@code errorCode} and {@code message}. */
    static MlflowServerException answered(URI server, String endpoint, int status, String errorCode, String message,
            int attempts) {
        String text = "MLflow server " + server + ", " + endpoint + ": " + errorCode + " (HTTP " + status + ")"
                + (message.isEmpty() ? "" : ": " + message)
                + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
        return new MlflowServerException(text, server.toString(), endpoint, status, errorCode, message, attempts, null);
    }

    /** No answer: the connection failed or timed out {@code attempts} times. */
    static MlflowServerException unreachable(URI server, String endpoint, int attempts, boolean retried,
            Exception cause) {
        String why = cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        String text = "MLflow server " + server + ", " + endpoint + ": no answer"
                + (retried ? " after " + attempts + " attempts" : " (not retried: the call is not idempotent)")
                + " (" + why + ")";
        return new MlflowServerException(text, server.toString(), endpoint, 0, null, why, attempts, cause);
    }

    /** The server answered 2xx with something that is not the documented response. */
    static MlflowServerException malformed(URI server, String endpoint, String what) {
        return new MlflowServerException("MLflow server " + server + ", " + endpoint + ": answered " + what,
                server.toString(), endpoint, 200, null, what, 1, null);
    }

    /** The tracking server's URI. */
    public String server() {
        return server;
    }

    /** Method and path, e.g. {@code POST /api/2.0/mlflow/runs/create}. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status, when the server answered. */
    public OptionalInt httpStatus() {
        return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    /**
     * MLflow's error code ({@code RESOURCE_ALREADY_EXISTS}, {@code INVALID_PARAMETER_VALUE}...), or the one MLflow's
     * client derives from a bare status (401 {@code UNAUTHENTICATED}, 403 {@code PERMISSION_DENIED}...).
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The server's message (or, without an answer, why the connection failed). */
    public String serverMessage() {
        return serverMessage;
    }

    /** How many times the call was sent. */
    public int attempts() {
        return attempts;
    }

    /** Whether the server answered (an error), as opposed to not being reached at all. */
    public boolean answered() {
        return httpStatus > 0;
    }

    /** Whether the server answered with this MLflow error code. */
    public boolean is(String code) {
        return code.equals(errorCode);
    }
}
