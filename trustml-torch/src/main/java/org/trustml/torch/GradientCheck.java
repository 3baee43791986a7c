package org.trustml.torch;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link ConvolutionGradients#ensureCorrect()}.
 *
 * @param policy the policy in force
 * @param remedy what was done to get right gradients
 * @param maxAbsError the largest absolute difference between libtorch's input gradients and the exact
 *     reference over every checked convolution and repetition, after the remedy (NaN when not checked)
 * @param maxAbsErrorBefore the same measured before oneDNN was switched off in libtorch
 *     ({@link GradientRemedy#NATIVE_CONVOLUTIONS}); otherwise equal to {@code maxAbsError}
 * @param isaVariable {@code ONEDNN_MAX_CPU_ISA} as this JVM's environment had it at start (empty if unset)
 */
public record GradientCheck(GradientPolicy policy, GradientRemedy remedy, double maxAbsError,
        double maxAbsErrorBefore, String isaVariable) {
    public GradientCheck {
        requireNonNull(policy, "policy");
        requireNonNull(remedy, "remedy");
        requireNonNull(isaVariable, "isaVariable");
    }
}
