/**
 * Correct numbers from DJL's PyTorch engine, whatever the environment; what every DJL training or
 * gradient in trustml shares.
 *
 * <p>{@link org.trustml.torch.ConvolutionGradients} makes sure libtorch's convolution gradients are
 * right in this process before trustml trains or takes a gradient: libtorch 2.7.1's oneDNN AVX2/AVX-512
 * backward kernels return wrong input gradients on some CPUs (seen on AMD EPYC with AVX-512). It checks one
 * small convolution's input gradient against an exact reference computed in Java, switches to correct
 * kernels when they are wrong, and refuses with a {@link org.trustml.core.TrustmlException} rather than
 * return wrong numbers. A pipeline runs the check before its first NDManager loads libtorch
 * ({@link org.trustml.torch.TorchEngineStart}, found by core through {@code ServiceLoader}).
 *
 * <p>{@link org.trustml.torch.OwnedScalars} and {@link org.trustml.torch.Losses} keep the numbers that
 * autograd holds for the backward pass in memory libtorch owns; {@link org.trustml.torch.SeededInitializer}
 * draws initial weights from the run's seed, not DJL's engine-wide generator; and
 * {@link org.trustml.torch.GradientCollectors} lets gradient passes from several threads take turns, which
 * DJL's PyTorch engine otherwise refuses.
 */
package org.trustml.torch;
