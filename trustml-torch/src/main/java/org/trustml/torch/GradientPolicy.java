package org.trustml.torch;

import java.util.Locale;
import org.trustml.core.InvalidInputException;

/**
 * How far {@link ConvolutionGradients} may go to make libtorch's convolution gradients right, chosen with the
 * system property {@value #PROPERTY} (default {@code auto}).
 */
public enum GradientPolicy {
    /**
     * The default: limit oneDNN to SSE4.1 when it has not started yet and the environment does not choose its
     * kernels, check, and switch oneDNN off in libtorch when the check fails; refuse if still wrong.
     */
    AUTO,
    /** Check only, change nothing in the process; refuse with a {@code TrustmlException} when wrong. */
    CHECK,
    /** Neither check nor change anything (wrong gradients are possible on affected CPUs). */
    TRUST;

    /** The system property that chooses the policy: {@code auto}, {@code check} or {@code trust}. */
    public static final String PROPERTY = "trustml.torch.gradients";

    /** The policy named by {@value #PROPERTY}, {@link #AUTO} when unset. */
    public static GradientPolicy fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.problem("is not a gradient policy").column(PROPERTY).value(value)
                    .expected("auto, check or trust").build();
        }
    }
}
