package org.trustml.adversarial;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.adversarial.internal.NativeMemory;
import org.trustml.adversarial.internal.PerturbationNorms;
import org.trustml.core.InvalidInputException;

/** Validates an attack's inputs, runs it and measures it. Immutable; {@link #run} does the work. */
final class AttackEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(AttackEvaluation.class);

    private final GradientClassifier crafter;
    private final Classifier target;
    private final boolean transfer;
    private final Attack attack;
    private final float[] x;
    private final Shape sampleShape;
    private final long[] labels;
    private final long[] targets;
    private final NDManager manager;
    private final NativeHeap heap;

    AttackEvaluation(GradientClassifier crafter, Classifier target, boolean transfer, Attack attack, float[] x,
            Shape sampleShape, long[] labels, long[] targets, NDManager manager, NativeHeap heap) {
        this.crafter = crafter;
        this.target = target;
        this.transfer = transfer;
        this.attack = attack;
        this.x = x;
        this.sampleShape = sampleShape;
        this.labels = labels;
        this.targets = targets;
        this.manager = manager;
        this.heap = heap;
    }

    AttackEvaluation withTargets(long[] targetLabels) {
        return new AttackEvaluation(crafter, target, transfer, attack, x, sampleShape, labels, targetLabels, manager,
                heap);
    }

    AttackEvaluation withNativeHeap(NativeHeap newHeap) {
        return new AttackEvaluation(crafter, target, transfer, attack, x, sampleShape, labels, targets, manager,
                newHeap);
    }

    /**
     * Validates, attacks and (if asked) measures. Whatever happens, with {@link NativeHeap#TRIM} the native
     * memory the batches freed is then handed back to the operating system ({@link NativeMemory#releaseFreed}),
     * so that attacks run back to back do not keep the process at its largest peak.
     */
    AttackResult run(boolean withReport) {
        try {
            return attackAndMeasure(withReport);
        } finally {
            if (heap == NativeHeap.TRIM) {
                NativeMemory.releaseFreed();
            }
        }
    }

    private AttackResult attackAndMeasure(boolean withReport) {
        int d = Math.toIntExact(sampleShape.size());
        int n = x.length / d;
        checkFinite(d);
        checkCount("labels", labels, n);
        if (attack.targeted() && targets == null) {
            throw InvalidInputException.problem("is targeted but no target labels were given").value(attack.artName())
                    .expected("target labels (the classes to reach), one per input").build();
        }
        checkCount("target labels", targets, n);
        Batches.Predictions clean = Batches.predict(target, x, sampleShape, attack.batchSize(), manager, crafter.device());
        Batches.Predictions crafterClean = transfer
                ? Batches.predict(crafter, x, sampleShape, attack.batchSize(), manager, crafter.device()) : clean;
        if (crafterClean.classes() != clean.classes()) {
            throw InvalidInputException.problem("has " + crafterClean.classes() + " outputs but the target model has "
                    + clean.classes()).value(crafter.name()).expected("a surrogate with the target's classes").build();
        }
        checkRange("labels", labels, clean.classes());
        checkRange("target labels", targets, clean.classes());
        long[] attackLabels = attack.targeted() ? targets : labels != null ? labels : crafterClean.labels();
        if (labels == null && !attack.targeted()) {
            LOG.info("no labels given: using {}'s predictions as labels (as ART does)", crafter.name());
        }
        float[] adv = new AttackRunner(crafter, manager).generate(attack, x, sampleShape, attackLabels);
        long[] advPred = Batches.predict(target, adv, sampleShape, attack.batchSize(), manager, crafter.device()).labels();
        RobustnessReport report = withReport ? report(clean, crafterClean, adv, advPred) : null;
        return new AttackResult(x, adv, sampleShape, clean.labels(), advPred, report);
    }

    private RobustnessReport report(Batches.Predictions clean, Batches.Predictions crafterClean, float[] adv,
            long[] advPred) {
        int d = Math.toIntExact(sampleShape.size());
        int n = x.length / d;
        long[] truth = labels != null ? labels : clean.labels();
        boolean[] success = new boolean[n];
        TreeMap<Long, int[]> perClass = new TreeMap<>();
        int cleanOk = 0;
        int advOk = 0;
        int succeeded = 0;
        for (int i = 0; i < n; i++) {
            success[i] = attack.targeted() ? advPred[i] == targets[i] : advPred[i] != clean.labels()[i];
            boolean c = clean.labels()[i] == truth[i];
            boolean a = advPred[i] == truth[i];
            cleanOk += c ? 1 : 0;
            advOk += a ? 1 : 0;
            succeeded += success[i] ? 1 : 0;
            int[] counts = perClass.computeIfAbsent(truth[i], k -> new int[4]);
            counts[0]++;
            counts[1] += c ? 1 : 0;
            counts[2] += a ? 1 : 0;
            counts[3] += success[i] ? 1 : 0;
        }
        List<ClassRobustness> classes = new ArrayList<>();
        perClass.forEach((label, c) -> classes.add(new ClassRobustness(label, c[0], ratio(c[1], c[0]),
                ratio(c[2], c[0]), ratio(c[3], c[0]))));
        double[][] norms = PerturbationNorms.of(x, adv, d);
        Empirical empirical = empiricalRobustness(crafterClean.labels());
        long[] sensitivityLabels = labels != null ? labels : crafterClean.labels();
        double sensitivity = Batches.lossSensitivity(crafter, x, sampleShape, sensitivityLabels, attack.batchSize(), manager);
        return new RobustnessReport(RobustnessReport.SCHEMA_VERSION, transfer ? "transfer" : "white_box",
                crafter.name(), target.name(), attack.artName(), attack, n, clean.classes(),
                labels != null ? "given" : "model_predictions", ratio(cleanOk, n), ratio(advOk, n),
                ratio(succeeded, n), NormStats.of(norms[0]), NormStats.of(norms[1]), NormStats.of(norms[2]), classes,
                empirical.value(), empirical.reason(), sensitivity);
    }

    /** ART's empirical robustness and, when it is not a finite number, why. */
    private record Empirical(double value, Optional<String> reason) {}

    /**
     * ART's {@code empirical_robustness}: minimal FGSM (the attack's norm, eps and eps_step, on the
     * crafting model, its predictions as labels), then the mean of ‖δ‖_p / ‖x‖_p over the samples whose
     * predicted class changed. NaN when none changed (ART returns 0); +∞ when a changed sample is all zeros
     * (‖x‖_p = 0; ART divides by zero too), each with the reason.
     */
    private Empirical empiricalRobustness(long[] predictions) {
        Fgsm minimal = Fgsm.builder().norm(attack.norm()).eps(attack.eps()).epsStep(attack.epsStep())
                .batchSize(attack.batchSize()).minimal(true).clip(attack.clip().orElse(null)).build();
        float[] adv = new AttackRunner(crafter, manager).generate(minimal, x, sampleShape, predictions);
        long[] advPred = Batches.predict(crafter, adv, sampleShape, attack.batchSize(), manager, crafter.device()).labels();
        int d = Math.toIntExact(sampleShape.size());
        double[][] deltaNorms = PerturbationNorms.of(x, adv, d);
        double[][] xNorms = PerturbationNorms.of(x, d);
        int index = attack.norm() == Norm.INF ? 0 : attack.norm() == Norm.L1 ? 1 : 2;
        double sum = 0;
        int flipped = 0;
        int zeroInput = -1;
        for (int i = 0; i < predictions.length; i++) {
            if (advPred[i] != predictions[i]) {
                sum += deltaNorms[index][i] / xNorms[index][i];
                flipped++;
                if (zeroInput < 0 && xNorms[index][i] == 0) {
                    zeroInput = i;
                }
            }
        }
        if (flipped == 0) {
            return new Empirical(Double.NaN, Optional.of("no sample changed class under minimal FGSM up to eps = "
                    + attack.eps() + " (ART returns 0 here)"));
        }
        if (zeroInput >= 0) {
            return new Empirical(Double.POSITIVE_INFINITY, Optional.of("sample " + (zeroInput + 1) + " is all zeros "
                    + "and changed class: its relative perturbation ||delta|| / ||x|| is infinite (ART divides by zero too)"));
        }
        return new Empirical(sum / flipped, Optional.empty());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private void checkFinite(int d) {
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw InvalidInputException.problem("in inputs is not a finite number").row(i / d + 1L)
                        .column("feature " + (i % d)).value(x[i]).expected("finite inputs (no NaN or infinity)")
                        .build();
            }
        }
    }

    private static void checkCount(String what, long[] values, int n) {
        if (values != null && values.length != n) {
            throw InvalidInputException.problem("has " + values.length + " " + what + " for " + n + " inputs")
                    .value(what).expected("one label per input").build();
        }
    }

    private static void checkRange(String what, long[] values, int classes) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classes) {
                throw InvalidInputException.problem("in " + what + " is out of range").row(i + 1L).value(values[i])
                        .expected("a class in 0.." + (classes - 1) + ", the model has " + classes + " outputs")
                        .build();
            }
        }
    }
}
