package org.trustml.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.trustml.adversarial.internal.BatchLoop;

/**
 * Runs an {@link Attack} over host arrays batch by batch. Each batch lives in a sub-manager of
 * the caller's manager and each iteration's intermediates in a sub-manager of that, closed when the
 * iteration ends, so memory stays flat however many samples and iterations run.
 */
final class AttackRunner {
    /**
     * PGD iterations whose intermediates share one sub-manager before it is closed. Closing after
     * every iteration keeps memory lowest, but with glibc's default malloc the freed pages go back to
     * the OS each time and are faulted in again (measured 1.4x slower than a bare loop on a small CNN,
     * see BENCHMARKS.md); eight iterations per scope amortise that, and memory stays bounded by eight
     * iterations' intermediates of one batch.
     */
    static final int ITERATIONS_PER_SCOPE = 8;

    private final GradientClassifier model;
    private final NDManager parent;

    AttackRunner(GradientClassifier model, NDManager parent) {
        this.model = model;
        this.parent = parent;
    }

    /**
     * Adversarial examples for {@code x} (row-major, {@code n} samples of {@code sampleShape}).
     *
     * @param labels per sample: the true labels (or predictions) for an untargeted attack, the target classes for a targeted one
     */
    float[] generate(Attack attack, float[] x, Shape sampleShape, long[] labels) {
        SplittableRandom rng = new SplittableRandom(attack.seed());
        if (attack instanceof Fgsm fgsm) {
            return fgsm.minimal() ? minimalFgsm(fgsm, x, sampleShape, labels) : fgsm(fgsm, x, sampleShape, labels, rng);
        }
        return pgd((Pgd) attack, x, sampleShape, labels, rng);
    }

    private float[] fgsm(Fgsm a, float[] x, Shape sampleShape, long[] labels, SplittableRandom rng) {
        int d = Math.toIntExact(sampleShape.size());
        int n = x.length / d;
        float[] best = null;
        long bestSuccesses = -1;
        for (int restart = 0; restart < Math.max(1, a.numRandomInit()); restart++) {
            float[] start = a.numRandomInit() > 0 ? randomStart(x, n, d, a.eps(), a.norm(), a.clip().orElse(null), rng) : x;
            float[] adv = new float[x.length];
            long[] successes = {0};
            BatchLoop.run(parent, model.device(), x, labels, sampleShape, a.batchSize(), (bm, from, to, x0, y) -> {
                NDArray s = start == x ? x0 : bm.create(java.nio.FloatBuffer.wrap(start, from * d, (to - from) * d), x0.getShape());
                NDArray out = step(s, x0, y, a.norm(), a.eps(), a.eps(), a.targeted(), a.clip().orElse(null));
                System.arraycopy(out.toFloatArray(), 0, adv, from * d, (to - from) * d);
                if (a.numRandomInit() > 1) {
                    successes[0] += countTrue(Success.of(model, x0, out, y, a.targeted()));
                }
            });
            if (successes[0] > bestSuccesses) {
                bestSuccesses = successes[0];
                best = adv;
            }
        }
        return best;
    }

    private float[] minimalFgsm(Fgsm a, float[] x, Shape sampleShape, long[] labels) {
        int d = Math.toIntExact(sampleShape.size());
        float[] adv = x.clone();
        ClipRange clip = a.clip().orElse(null);
        BatchLoop.run(parent, model.device(), x, labels, sampleShape, a.batchSize(), (bm, from, to, x0, y) -> {
            NDArray g = Steps.withoutNaN(Steps.lossGradient(model, x0, y, 1f / (to - from)));
            NDArray dir = Steps.direction(a.targeted() ? g.neg() : g, a.norm());
            float[] current = java.util.Arrays.copyOfRange(x, from * d, to * d);
            boolean[] active = new boolean[to - from];
            java.util.Arrays.fill(active, true);
            double eps = a.epsStep();
            while (anyTrue(active) && eps <= a.eps()) {
                try (NDManager im = bm.newSubManager()) {
                    im.tempAttachAll(x0, dir, y);
                    float[] candidate = Steps.applyStep(x0, dir, (float) eps, clip).toFloatArray();
                    for (int i = 0; i < active.length; i++) {
                        if (active[i]) {
                            System.arraycopy(candidate, i * d, current, i * d, d);
                        }
                    }
                    NDArray cur = im.create(current, x0.getShape());
                    long[] predicted = Success.argMax(model.predict(cur));
                    long[] want = y.toLongArray();
                    for (int i = 0; i < active.length; i++) {
                        active[i] = a.targeted() ? predicted[i] != want[i] : predicted[i] == want[i];
                    }
                }
                eps += a.epsStep();
            }
            System.arraycopy(current, 0, adv, from * d, (to - from) * d);
        });
        return adv;
    }

    private float[] pgd(Pgd a, float[] x, Shape sampleShape, long[] labels, SplittableRandom rng) {
        int d = Math.toIntExact(sampleShape.size());
        float[] adv = new float[x.length];
        ClipRange clip = a.clip().orElse(null);
        BatchLoop.run(parent, model.device(), x, labels, sampleShape, a.batchSize(), (bm, from, to, x0, y) -> {
            float[] xSlice = java.util.Arrays.copyOfRange(x, from * d, to * d);
            for (int restart = 0; restart < Math.max(1, a.numRandomInit()); restart++) {
                NDArray cur = a.numRandomInit() > 0
                        ? bm.create(randomStart(xSlice, to - from, d, a.eps(), a.norm(), clip, rng), x0.getShape())
                        : x0;
                NDArray momentum = a.decay().isPresent() ? x0.zerosLike() : null;
                for (int it = 0; it < a.maxIter(); it += ITERATIONS_PER_SCOPE) {
                    NDArray before = cur;
                    NDArray momentumBefore = momentum;
                    try (NDManager im = bm.newSubManager()) {
                        im.tempAttachAll(cur == x0 ? new NDArray[] {x0, y} : new NDArray[] {x0, y, cur});
                        if (momentum != null) {
                            im.tempAttachAll(momentum);
                        }
                        for (int k = it; k < Math.min(a.maxIter(), it + ITERATIONS_PER_SCOPE); k++) {
                            NDArray[] next = stepWithMomentum(cur, x0, y, a, clip, momentum);
                            cur = next[0];
                            momentum = next[1];
                        }
                        cur.attach(bm);
                        if (momentum != null) {
                            momentum.attach(bm);
                        }
                    }
                    if (before != x0) {
                        before.close();
                    }
                    if (momentumBefore != null) {
                        momentumBefore.close();
                    }
                }
                if (restart == 0) {
                    System.arraycopy(cur.toFloatArray(), 0, adv, from * d, (to - from) * d);
                } else {
                    boolean[] ok = Success.of(model, x0, cur, y, a.targeted());
                    float[] values = cur.toFloatArray();
                    for (int i = 0; i < ok.length; i++) {
                        if (ok[i]) {
                            System.arraycopy(values, i * d, adv, (from + i) * d, d);
                        }
                    }
                }
                if (cur != x0) {
                    cur.close();
                }
                if (momentum != null) {
                    momentum.close();
                }
            }
        });
        return adv;
    }

    private NDArray[] stepWithMomentum(NDArray cur, NDArray x0, NDArray y, Pgd a, ClipRange clip, NDArray momentum) {
        NDArray g = Steps.withoutNaN(Steps.lossGradient(model, cur, y, 1f / cur.getShape().get(0)));
        if (a.targeted()) {
            g = g.neg();
        }
        NDArray nextMomentum = null;
        if (momentum != null) {
            nextMomentum = Steps.momentum(g, momentum, a.decay().getAsDouble());
            g = nextMomentum;
        }
        NDArray moved = Steps.applyStep(cur, Steps.direction(g, a.norm()), a.epsStep(), clip);
        return new NDArray[] {Steps.project(moved, x0, a.eps(), a.norm()), nextMomentum};
    }

    private NDArray step(NDArray cur, NDArray x0, NDArray y, Norm norm, float eps, float epsStep, boolean targeted,
            ClipRange clip) {
        NDArray g = Steps.withoutNaN(Steps.lossGradient(model, cur, y, 1f / cur.getShape().get(0)));
        NDArray moved = Steps.applyStep(cur, Steps.direction(targeted ? g.neg() : g, norm), epsStep, clip);
        return Steps.project(moved, x0, eps, norm);
    }

    private static float[] randomStart(float[] x, int n, int d, float eps, Norm norm, ClipRange clip, SplittableRandom rng) {
        float[] noise = RandomSphere.sample(rng, n, d, eps, norm);
        for (int i = 0; i < noise.length; i++) {
            float v = x[i] + noise[i];
            noise[i] = clip == null ? v : Math.min(clip.max(), Math.max(clip.min(), v));
        }
        return noise;
    }

    private static boolean anyTrue(boolean[] b) {
        for (boolean v : b) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    private static long countTrue(boolean[] b) {
        long c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }
}
