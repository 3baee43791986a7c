package org.trustml.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.trustml.core.TrustmlException;
import org.trustml.torch.internal.NativeSwitches;

/**
 * Runs one start-up scenario of {@link ConvolutionGradients} in a fresh JVM (started by
 * {@link ConvolutionGradientsTest}) and prints one line {@code key=value;…} for the test to read.
 * Scenarios: {@code fresh} (trustml's check is the first libtorch use), {@code loaded} (libtorch loaded and used
 * for element-wise work before trustml's check), {@code conv-first} (the application
 * ran a convolution, forward and backward, before its first trustml call).
 */
public final class GradientScenario {
    private GradientScenario() {}

    public static void main(String[] args) {
        String scenario = args[0];
        StringBuilder out = new StringBuilder("scenario=").append(scenario);
        if (scenario.equals("loaded")) {
            // libtorch loaded and used for element-wise work; no convolution or matrix product yet (either makes
            // oneDNN pick its kernels)
            try (NDManager m = Engine.getEngine("PyTorch").newBaseManager(Device.cpu())) {
                m.ones(new Shape(3, 3)).add(1).toFloatArray();
            }
        }
        if (scenario.equals("conv-first")) {
            Engine engine = Engine.getEngine("PyTorch");
            try (NDManager m = engine.newBaseManager(Device.cpu())) {
                NDArray x = m.randomNormal(new Shape(2, 3, 16, 16));
                x.setRequiresGradient(true);
                try (var gc = engine.newGradientCollector()) {
                    NDArray y = Conv2d.conv2d(x, m.randomNormal(new Shape(8, 3, 3, 3)), null, new Shape(1, 1),
                            new Shape(1, 1)).singletonOrThrow();
                    gc.backward(y.sum());
                }
            }
            out.append(";rawRight=").append(ConvolutionGradients.measure(engine).right());
        }
        try {
            GradientCheck check = ConvolutionGradients.ensureCorrect();
            out.append(";remedy=").append(check.remedy()).append(";error=").append(check.maxAbsError())
                    .append(";errorBefore=").append(check.maxAbsErrorBefore());
            out.append(";afterRight=").append(ConvolutionGradients.measure(Engine.getEngine("PyTorch")).right());
        } catch (TrustmlException e) {
            out.append(";refused=").append(e.getMessage().replace(';', ','));
        }
        out.append(";isa=").append(NativeSwitches.getenv(ConvolutionGradients.ISA_VARIABLE).orElse(""));
        System.out.println("RESULT " + out);
    }
}
