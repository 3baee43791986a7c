/**
 * Correct numbers from DJL's PyTorch engine, whatever the environment.
 *
 * <p>{@link org.trustml.core.torch.ConvolutionGradients} makes sure libtorch's convolution gradients are
 * right in this process before trustml trains or takes a gradient: libtorch 2.7.1's oneDNN AVX2/AVX-512
 * backward kernels return wrong input gradients on some CPUs (seen on AMD EPYC with AVX-512). It checks one
 * small convolution's input gradient against an exact reference computed in Java, switches to correct
 * kernels when they are wrong, and refuses with a {@link org.trustml.core.TrustmlException} rather than
 * return wrong numbers.
 */
package org.trustml.core.torch;
