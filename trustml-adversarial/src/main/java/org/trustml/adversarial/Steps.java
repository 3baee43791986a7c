package org.trustml.adversarial;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.trustml.torch.ConvolutionGradients;
import org.trustml.torch.GradientCollectors;
import org.trustml.torch.OwnedScalars;

/**
 * The arithmetic of one FGSM/PGD step, on NDArrays of shape (N, …), following ART 1.20
 * ({@code FastGradientMethod._compute_perturbation}, {@code _apply_perturbation} and
 * {@code art.utils.projection}). Every result is attached to the manager of the first operand.
 */
final class Steps {
    /** ART's {@code tol = 10e-8}. */
    static final float TOL = 10e-8f;

    private Steps() {}

    /**
     * ∇ₓ of {@code scale · Σᵢ CE(model(x)ᵢ, yᵢ)}, where CE = −log softmax(z)[y] for logits and
     * −log p[y] for probabilities. With scale 1/N this is ART's PyTorchClassifier.loss_gradient
     * (torch's cross-entropy with reduction 'mean').
     */
    static NDArray lossGradient(GradientClassifier model, NDArray x, NDArray labels, float scale) {
        ConvolutionGradients.ensureCorrectFor(x.getManager());
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector collector = GradientCollectors.open(
                Engine.getEngine(x.getManager().getEngine().getEngineName()))) {
            NDArray out = model.forward(input);
            collector.backward(OwnedScalars.mul(crossEntropySum(out, labels, model.outputKind()), scale));
            return input.getGradient();
        }
    }

    /** Σᵢ −log q(xᵢ)[yᵢ], q the softmax of logits or the probabilities themselves. */
    static NDArray crossEntropySum(NDArray out, NDArray labels, ClassifierOutput kind) {
        NDArray logp = kind == ClassifierOutput.LOGITS ? out.logSoftmax(1) : out.log();
        NDArray oneHot = labels.oneHot(Math.toIntExact(out.getShape().get(1))).toType(logp.getDataType(), false);
        return logp.mul(oneHot).sum().neg();
    }

    /** NaN gradient entries replaced by 0 (ART warns and does the same). */
    static NDArray withoutNaN(NDArray g) {
        return NDArrays.where(g.isNaN(), g.zerosLike(), g);
    }

    /**
     * The step direction of ART 1.20's {@code _apply_norm}: sign(g) for ∞; for 1, sign(g) on the
     * coordinate with the largest |g| of each sample and 0 elsewhere; for 2, g/‖g‖₂ (0 where g = 0).
     * A sample whose gradient is all zero gets a zero direction, so it is left unchanged.
     */
    static NDArray direction(NDArray g, Norm norm) {
        if (norm == Norm.INF) {
            return g.sign();
        }
        Shape shape = g.getShape();
        NDArray flat = g.reshape(shape.get(0), -1);
        if (norm == Norm.L1) {
            NDArray top = flat.abs().argMax(1).oneHot(Math.toIntExact(flat.getShape().get(1)))
                    .toType(g.getDataType(), false);
            return top.mul(flat.sign()).reshape(shape);
        }
        NDArray n = flat.square().sum(new int[] {1}, true).sqrt();
        NDArray safe = NDArrays.where(n.eq(0), n.onesLike().mul(Float.POSITIVE_INFINITY), n);
        return flat.div(safe).reshape(shape);
    }

    /**
     * ART 1.20's momentum (Dong et al. 2018, MI-FGSM): m ← μ·m + g/‖g‖₁ per sample (0 where g = 0);
     * the step direction is then taken from m. Returns the new m, which is also the gradient to use.
     */
    static NDArray momentum(NDArray g, NDArray m, double decay) {
        Shape shape = g.getShape();
        NDArray flat = g.reshape(shape.get(0), -1);
        NDArray l1 = flat.abs().sum(new int[] {1}, true);
        NDArray safe = NDArrays.where(l1.eq(0), l1.onesLike().mul(Float.POSITIVE_INFINITY), l1);
        return m.mul((float) decay).add(flat.div(safe).reshape(shape));
    }

    /** x + step · d (NaN entries of the step set to 0), clipped to the input range if there is one. */
    static NDArray applyStep(NDArray x, NDArray direction, float step, ClipRange clip) {
        NDArray moved = x.add(withoutNaN(direction.mul(step)));
        return clip == null ? moved : moved.clip(clip.min(), clip.max());
    }

    /**
     * x₀ + Π(x − x₀): ART's {@code projection} (suboptimal=True) of the perturbation onto the eps-ball:
     * ∞: clip each coordinate to [−eps, eps]; 1 and 2: δ · min(1, eps / (‖δ‖ + tol)).
     */
    static NDArray project(NDArray x, NDArray x0, float eps, Norm norm) {
        NDArray delta = x.sub(x0);
        if (norm == Norm.INF) {
            return x0.add(delta.clip(-eps, eps));
        }
        Shape shape = delta.getShape();
        NDArray flat = delta.reshape(shape.get(0), -1);
        NDArray n = norm == Norm.L2 ? flat.square().sum(new int[] {1}, true).sqrt() : flat.abs().sum(new int[] {1}, true);
        NDArray factor = NDArrays.div(eps, n.add(TOL)).minimum(1f);
        return x0.add(flat.mul(factor).reshape(shape));
    }
}
