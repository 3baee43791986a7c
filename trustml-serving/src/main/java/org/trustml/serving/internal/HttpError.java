package org.trustml.serving.internal;

/** A request that ends with this status and a {@code {"error": …}} body. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
