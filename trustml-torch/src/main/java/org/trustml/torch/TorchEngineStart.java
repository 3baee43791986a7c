package org.trustml.torch;

import org.trustml.core.pipeline.EngineStart;

/**
 * Checks libtorch's convolution gradients ({@link ConvolutionGradients#ensureCorrect()}) before a
 * pipeline's first NDManager starts DJL's PyTorch engine, so the SSE4.1 cap can still take effect.
 */
public final class TorchEngineStart implements EngineStart {
    @Override
    public void beforeStart(String engineName) {
        if ("PyTorch".equals(engineName)) {
            ConvolutionGradients.ensureCorrect();
        }
    }
}
