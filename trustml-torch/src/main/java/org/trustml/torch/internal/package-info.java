/**
 * Implementation of {@link org.trustml.torch.ConvolutionGradients}: the exact reference convolution in
 * Java and the calls into libc and libtorch that select the kernels. Not API.
 */
package org.trustml.torch.internal;

