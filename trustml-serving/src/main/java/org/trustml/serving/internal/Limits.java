package org.trustml.serving.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.trustml.vision.images.ImageDecoder;

/**
 * What the request handling and the batchers take from the server's configuration
 * ({@code ServerConfig}, which {@code ModelServer} turns into this), so this package does not depend back
 * on the public one.
 *
 * @param token         the bearer token requests must carry, if any
 * @param maxBatchSize  the most requests one batch runs
 * @param maxDelay      how long a batch waits to fill
 * @param queueCapacity requests waiting per model before 503
 * @param imageDecoder  the decoder of request images, with the server's pixel limit
 */
public record Limits(Optional<String> token, int maxBatchSize, Duration maxDelay, int queueCapacity,
        ImageDecoder imageDecoder) {
    public Limits {
        requireNonNull(token, "token");
        requireNonNull(maxDelay, "maxDelay");
        requireNonNull(imageDecoder, "imageDecoder");
    }
}
