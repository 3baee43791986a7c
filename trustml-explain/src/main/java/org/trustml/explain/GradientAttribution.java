package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.trustml.core.InvalidInputException;
import org.trustml.torch.ConvolutionGradients;
import org.trustml.torch.GradientCollectors;

/**
 * Gradient attributions for DJL models whose engine computes gradients (PyTorch; a TorchScript model
 * must be loaded with {@code optOption("trainParam", "true")}), to compare with LIME on the same image.
 * The model sees {@code [N, 3, H, W]} float RGB in [0, 1] and its output {@code F} at {@code label} (the
 * raw output, before any softmax the caller applies) is differentiated.
 *
 * <ul>
 *   <li>{@link #saliency}: Simonyan, Vedaldi and Zisserman 2014, "Deep Inside Convolutional Networks":
 *       {@code max_c |∂F/∂x_{c,y,x}|}.</li>
 *   <li>{@link #integratedGradients}: Sundararajan, Taly and Yan 2017, "Axiomatic Attribution for Deep
 *       Networks": {@code IG_i = (x_i − x'_i) · (1/m) Σ_{k=1..m} ∂F(x' + (k/m)(x − x'))/∂x_i} (right Riemann
 *       sum), summed over channels per pixel; the {@code m} interpolated images go through the model in
 *       batches of {@code batchSize}.</li>
 * </ul>
 */
public final class GradientAttribution {
    private final Block block;
    private final NDManager baseManager;

    private GradientAttribution(Block block, NDManager baseManager) {
        this.block = block;
        this.baseManager = baseManager;
    }

    /** Attributions for a loaded DJL model (a {@code ZooModel} or a {@code Model} with a block). */
    public static GradientAttribution of(Model model) {
        requireNonNull(model, "model");
        return new GradientAttribution(requireNonNull(model.getBlock(), "model block"), model.getNDManager());
    }

    /** Vanilla gradient saliency of {@code label}. */
    public AttributionMap saliency(RgbImage image, int label) {
        requireNonNull(image, "image");
        int w = image.width();
        int h = image.height();
        try (NDManager m = baseManager.newSubManager()) {
            NDArray x = m.create(image.toChw(), new Shape(1, 3, h, w));
            NDArray grad = gradients(m, x, label, 1)[0];
            NDArray map = grad.abs().max(new int[] {1}).reshape(h * w);
            return new AttributionMap("saliency", label, w, h, map.toFloatArray(), 0.0);
        }
    }

    /** Integrated Gradients of {@code label} from a black baseline with {@code steps} steps. */
    public AttributionMap integratedGradients(RgbImage image, int label, int steps, int batchSize) {
        return integratedGradients(image, null, label, steps, batchSize);
    }

    /** Integrated Gradients from {@code baseline} (null: black). */
    public AttributionMap integratedGradients(RgbImage image, RgbImage baseline, int label, int steps, int batchSize) {
        requireNonNull(image, "image");
        if (steps < 1) {
            throw InvalidInputException.problem("is below 1").column("steps").value(steps).build();
        }
        if (batchSize < 1) {
            throw InvalidInputException.problem("is below 1").column("batch_size").value(batchSize).build();
        }
        int w = image.width();
        int h = image.height();
        try (NDManager m = baseManager.newSubManager()) {
            NDArray x = m.create(image.toChw(), new Shape(1, 3, h, w));
            NDArray base = baseline == null ? x.zerosLike() : m.create(baseline.toChw(), new Shape(1, 3, h, w));
            NDArray diff = x.sub(base);
            NDArray sum = m.zeros(new Shape(1, 3, h, w));
            for (int start = 1; start <= steps; start += batchSize) {
                int end = Math.min(steps, start + batchSize - 1);
                float[] alphas = new float[end - start + 1];
                for (int k = start; k <= end; k++) {
                    alphas[k - start] = (float) k / steps;
                }
                NDArray a = m.create(alphas, new Shape(alphas.length, 1, 1, 1));
                NDArray points = base.add(a.mul(diff));
                NDArray grads = gradients(m, points, label, alphas.length)[0];
                sum = sum.add(grads.sum(new int[] {0}, true));
            }
            NDArray ig = diff.mul(sum.div(steps));
            float[] perPixel = ig.sum(new int[] {1}).reshape(h * w).toFloatArray();
            double total = ig.sum().getFloat();
            double fx = output(m, x, label);
            double fb = output(m, base, label);
            return new AttributionMap("integrated_gradients", label, w, h, perPixel, total - (fx - fb));
        }
    }

    private NDArray[] gradients(NDManager m, NDArray input, int label, int n) {
        ConvolutionGradients.ensureCorrectFor(m);
        NDArray x = input.duplicate();
        x.setRequiresGradient(true);
        try (GradientCollector gc = GradientCollectors.open(Engine.getEngine(m.getEngine().getEngineName()))) {
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            checkLabel(out, label);
            NDArray target = out.get(new NDIndex(":, {}", label)).sum();
            gc.backward(target);
        }
        return new NDArray[] {x.getGradient().duplicate()};
    }

    private double output(NDManager m, NDArray x, int label) {
        NDArray out = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
        checkLabel(out, label);
        return out.get(0, label).toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }

    private static void checkLabel(NDArray out, int label) {
        long classes = out.getShape().get(out.getShape().dimension() - 1);
        if (label < 0 || label >= classes) {
            throw InvalidInputException.problem("is not an output of the model").column("label").value(label)
                    .expected("0.." + (classes - 1)).build();
        }
    }
}
