package org.trustml.torch;


/** What {@link ConvolutionGradients} did to make libtorch's convolution gradients right in this process. */
public enum GradientRemedy {
    /**
     * Nothing was changed: the JVM started with {@code ONEDNN_MAX_CPU_ISA=SSE41}, or policy
     * {@link GradientPolicy#CHECK} found the gradients right.
     */
    NONE_NEEDED,
    /**
     * {@code ONEDNN_MAX_CPU_ISA=SSE41} was set in the process environment (libc {@code setenv}) before libtorch was
     * loaded, so oneDNN picked its SSE4.1 kernels when it started, and the check passed.
     */
    ISA_CAPPED,
    /**
     * oneDNN is switched off in libtorch ({@code at::globalContext().setUserEnabledMkldnn(false)}, what
     * {@code torch.backends.mkldnn.enabled = False} does in Python), so convolutions run on libtorch's own
     * kernels. Used when libtorch was already loaded at trustml's first check, so oneDNN may have picked its
     * kernels before the cap (e.g. the application ran a convolution or a matrix product first).
     */
    NATIVE_CONVOLUTIONS,
    /** Nothing was checked or changed: {@link GradientPolicy#TRUST} was chosen. */
    NOT_CHECKED
}
