package org.trustml.adversarial;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.trustml.core.InvalidInputException;

/**
 * Entry point: attack a model and measure how it holds up.
 * <pre>{@code
 * Attack pgd = Pgd.builder().norm(Norm.INF).eps(0.1f).epsStep(0.01f).maxIter(40).clip(0, 1).build();
 * RobustnessReport r = Robustness.of(model).attack(pgd).on(inputs, labels).report();
 * }</pre>
 * White-box attacks need a {@link GradientClassifier}. A model without gradients (a TensorFlow
 * SavedModel, a remote service) is attacked by {@link #transfer transfer}: the examples are crafted
 * on a surrogate with gradients and evaluated on the target.
 */
public final class Robustness {
    private final Classifier crafter;
    private final Classifier target;
    private final boolean transfer;

    private Robustness(Classifier crafter, Classifier target, boolean transfer) {
        this.crafter = crafter;
        this.target = target;
        this.transfer = transfer;
    }

    /** White-box: craft on and evaluate on {@code model} (which must have gradients when the attack runs). */
    public static Robustness of(Classifier model) {
        requireNonNull(model, "model");
        return new Robustness(model, model, false);
    }

    /** Transfer: craft on {@code surrogate}, evaluate on {@code target} (the Adversarial Test Toolbox's "transfer" mode). */
    public static Robustness transfer(GradientClassifier surrogate, Classifier target) {
        requireNonNull(surrogate, "surrogate");
        requireNonNull(target, "target");
        return new Robustness(surrogate, target, true);
    }

    /** The attack to run. */
    public Attacking attack(Attack attack) {
        requireNonNull(attack, "attack");
        if (!(crafter instanceof GradientClassifier)) {
            throw InvalidInputException.problem("has no gradients, so " + attack.artName() + " cannot run on it")
                    .value(crafter.name())
                    .expected("a model with gradients; use transfer mode: Robustness.transfer(surrogate, target)"
                            + " crafts on a surrogate TorchScript model and evaluates on this one")
                    .build();
        }
        return new Attacking((GradientClassifier) crafter, target, transfer, attack);
    }

    /** A configured attack, waiting for its inputs. */
    public static final class Attacking {
        private final GradientClassifier crafter;
        private final Classifier target;
        private final boolean transfer;
        private final Attack attack;

        private Attacking(GradientClassifier crafter, Classifier target, boolean transfer, Attack attack) {
            this.crafter = crafter;
            this.target = target;
            this.transfer = transfer;
            this.attack = attack;
        }

        /** Inputs without labels: the model's own predictions stand in for them, as in ART. */
        public AttackRun on(NDArray inputs) {
            return on(inputs, null);
        }

        /**
         * Inputs of shape (N, …) and their true labels (or {@code null} to use the model's predictions).
         * The arrays are copied; the caller keeps ownership.
         */
        public AttackRun on(NDArray inputs, long[] labels) {
            requireNonNull(inputs, "inputs");
            if (inputs.getShape().dimension() < 2) {
                throw InvalidInputException.problem("has shape " + inputs.getShape()).value("inputs")
                        .expected("a batch of shape (N, features...)").build();
            }
            if (inputs.getShape().get(0) == 0) {
                throw InvalidInputException.problem("has shape " + inputs.getShape() + ", no samples").value("inputs")
                        .expected("at least one sample to attack").build();
            }
            float[] x = inputs.getDataType() == DataType.FLOAT32 ? inputs.toFloatArray()
                    : inputs.toType(DataType.FLOAT32, false).toFloatArray();
            return new AttackRun(new AttackEvaluation(crafter, target, transfer, attack, x,
                    inputs.getShape().slice(1), labels == null ? null : labels.clone(), null, inputs.getManager(),
                    NativeHeap.KEEP));
        }
    }

    /** An attack with its inputs; {@link #run()} runs it. */
    public static final class AttackRun {
        private final AttackEvaluation evaluation;

        private AttackRun(AttackEvaluation evaluation) {
            this.evaluation = evaluation;
        }

        /** The classes a targeted attack should reach (required for targeted attacks). */
        public AttackRun targets(long[] targetLabels) {
            requireNonNull(targetLabels, "targetLabels");
            return new AttackRun(evaluation.withTargets(targetLabels.clone()));
        }

        /**
         * What to do with the native memory the run freed, once it ends (default {@link NativeHeap#KEEP});
         * {@link NativeHeap#TRIM} acts on the whole process.
         */
        public AttackRun nativeHeap(NativeHeap heap) {
            requireNonNull(heap, "heap");
            return new AttackRun(evaluation.withNativeHeap(heap));
        }

        /** Runs the attack only: the adversarial examples, no report. */
        public AttackResult generate() {
            return evaluation.run(false);
        }

        /** Runs the attack and measures it. */
        public AttackResult run() {
            return evaluation.run(true);
        }

        /** Shorthand for {@code run().report()}. */
        public RobustnessReport report() {
            return run().report().orElseThrow();
        }
    }
}
