package org.trustml.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.TrustmlException;
import org.trustml.torch.internal.NativeSwitches;
import org.trustml.torch.internal.ReferenceConvolution;

/**
 * Makes libtorch's convolution gradients right in this process before trustml trains a network or takes a
 * gradient, whatever the environment, or refuses.
 *
 * <p>Why: libtorch 2.7.1 (DJL 0.35.1's PyTorch engine) runs convolutions on oneDNN, whose AVX2/AVX-512 JIT
 * {@code backward_data} kernels return wrong input gradients on some CPUs (measured on AMD EPYC with
 * AVX-512: 2,875 of 3,072 entries of a 3×3 convolution's input gradient wrong, by up to 11.5 against values
 * of at most 31.6, in two of three runs of the same JVM; sometimes NaN). Forward passes are right. The
 * SSE4.1 kernels and libtorch's own (non-oneDNN) convolutions are right. See docs/adversarial.md, "Known
 * platform issue".
 *
 * <p>What {@link #ensureCorrect()} does, once per process (later calls return the first outcome), under the
 * {@link GradientPolicy} chosen by the system property {@value GradientPolicy#PROPERTY}:
 * <ol>
 *   <li>{@link GradientPolicy#AUTO AUTO} only: if the environment does not set {@code ONEDNN_MAX_CPU_ISA}, set
 *       it to {@code SSE41} in this process (libc {@code setenv}). oneDNN reads it once, when it first picks
 *       kernels (measured: at the first convolution or matrix product, not when libtorch is loaded nor on
 *       element-wise work), so it takes effect unless one of those already ran in this process.</li>
 *   <li>Check: the input gradient of Σ conv2d(x, w)·u for two small convolutions (3×3, 3→8 channels; and a
 *       depthwise 3×3 with stride 2), {@value #REPETITIONS} times each, against the exact gradient computed
 *       in Java in double precision ({@link ReferenceConvolution}). An entry is wrong when it differs by more
 *       than {@value #ABS_TOLERANCE} + {@value #REL_TOLERANCE}·|exact| (float32 rounding of these sums stays
 *       below 1e-5).</li>
 *   <li>{@code AUTO} only: unless the cap certainly holds (it was set before libtorch was loaded, or the JVM
 *       started with {@code ONEDNN_MAX_CPU_ISA=SSE41}), switch oneDNN off in libtorch
 *       ({@code torch.backends.mkldnn.enabled = False}) and check again. A passing check alone is not trusted:
 *       the faulty kernels are wrong in runs of calls, so eight right answers in a row happen (seen here).</li>
 *   <li>If the gradients are still wrong (or wrong under {@link GradientPolicy#CHECK CHECK}): throw a
 *       {@link TrustmlException} that names the fix. {@code CHECK} can miss the fault for the same reason.</li>
 * </ol>
 * Both switches act on the whole process (they are process-wide in oneDNN and libtorch); they make other
 * libtorch users in the process right too. {@link GradientPolicy#TRUST TRUST} does nothing.
 *
 * <p>Thread-safe. The check takes a few milliseconds and does not use DJL's {@code GradientCollector} (only
 * one of which may collect at a time in a JVM), so it can run while another thread trains.
 */
public final class ConvolutionGradients {
    /** The environment variable oneDNN reads to limit the instruction sets of its kernels. */
    public static final String ISA_VARIABLE = "ONEDNN_MAX_CPU_ISA";
    /** The value trustml sets: oneDNN's SSE4.1 kernels, whose gradients are right. */
    public static final String SAFE_ISA = "SSE41";
    static final int REPETITIONS = 4;
    static final double ABS_TOLERANCE = 1e-3;
    static final double REL_TOLERANCE = 1e-4;
    private static final String ENGINE = "PyTorch";
    private static final Logger LOG = LoggerFactory.getLogger(ConvolutionGradients.class);
    /** The convolutions checked: a plain 3×3 one and a depthwise stride-2 one, as in MobileNetV2. */
    private static final List<ReferenceConvolution> CASES = List.of(
            new ReferenceConvolution(4, 3, 16, 16, 8, 3, 1, 1, 1),
            new ReferenceConvolution(2, 8, 12, 12, 8, 3, 2, 1, 8));
    private static final Object LOCK = new Object();
    private static volatile GradientCheck outcome;

    private ConvolutionGradients() {}

    /**
     * Makes sure libtorch's convolution gradients are right in this process (see the class comment); cheap
     * after the first call.
     *
     * @return what was found and done
     * @throws TrustmlException if the gradients are wrong and could not be made right
     */
    public static GradientCheck ensureCorrect() {
        GradientCheck done = outcome;
        if (done != null) {
            return done;
        }
        synchronized (LOCK) {
            if (outcome == null) {
                outcome = establish(GradientPolicy.fromSystemProperty());
            }
            return outcome;
        }
    }

    /**
     * {@link #ensureCorrect()} when {@code manager} belongs to DJL's PyTorch engine; nothing for other engines
     * (TensorFlow in DJL has no gradients).
     */
    public static void ensureCorrectFor(NDManager manager) {
        if (outcome == null && ENGINE.equals(manager.getEngine().getEngineName())) {
            ensureCorrect();
        }
    }

    private static GradientCheck establish(GradientPolicy policy) {
        String preset = System.getenv(ISA_VARIABLE);
        String isa = preset == null ? "" : preset;
        if (policy == GradientPolicy.TRUST) {
            LOG.warn("{}=trust: libtorch's convolution gradients are not checked", GradientPolicy.PROPERTY);
            return new GradientCheck(policy, GradientRemedy.NOT_CHECKED, Double.NaN, Double.NaN, isa);
        }
        // The cap certainly holds only if it was in the environment before libtorch (and so oneDNN) was loaded:
        // oneDNN fixes its kernels at its first convolution or matrix product, and which ran is not observable.
        boolean loadedBefore = NativeSwitches.loadedLibtorch().isPresent();
        boolean capCertain = SAFE_ISA.equalsIgnoreCase(isa.strip())
                || policy == GradientPolicy.AUTO && preset == null
                        && NativeSwitches.setenvIfAbsent(ISA_VARIABLE, SAFE_ISA) && !loadedBefore;
        Engine engine = Engine.getEngine(ENGINE);
        Measurement first = measure(engine);
        Measurement last = first;
        GradientRemedy remedy = capCertain && preset == null ? GradientRemedy.ISA_CAPPED : GradientRemedy.NONE_NEEDED;
        // The faulty kernels are wrong in runs of calls, not always, so a passing check cannot prove oneDNN safe:
        // unless the cap certainly holds, auto switches oneDNN off in libtorch whatever the check said.
        if (policy == GradientPolicy.AUTO && (!capCertain || !first.right()) && NativeSwitches.setOneDnnEnabled(false)) {
            remedy = GradientRemedy.NATIVE_CONVOLUTIONS;
            last = measure(engine);
            LOG.info("oneDNN may run its faulty AVX2/AVX-512 convolution kernels in this process (libtorch was loaded "
                    + "before trustml's first check, or {} chose other kernels; largest error then {}): oneDNN is now "
                    + "switched off in libtorch (start the JVM with {}={} to keep oneDNN's SSE4.1 kernels)",
                    ISA_VARIABLE, first.maxAbsError(), ISA_VARIABLE, SAFE_ISA);
        }
        if (!last.right()) {
            throw new TrustmlException(String.format(Locale.ROOT,
                    "libtorch computes wrong convolution gradients in this process (largest error %.3g on a small "
                            + "convolution's input gradient, tolerance %.0e + %.0e·|exact|; oneDNN's AVX2/AVX-512 "
                            + "backward kernels, docs/adversarial.md 'Known platform issue'), and trustml could not "
                            + "switch to correct kernels (policy %s, %s %s). Fix: start the JVM with %s=%s in its "
                            + "environment, or leave the system property %s unset (auto)",
                    last.maxAbsError(), ABS_TOLERANCE, REL_TOLERANCE, policy.name().toLowerCase(Locale.ROOT),
                    ISA_VARIABLE, isa.isEmpty() ? "unset" : "= " + isa, ISA_VARIABLE, SAFE_ISA,
                    GradientPolicy.PROPERTY));
        }
        GradientCheck check = new GradientCheck(policy, remedy, last.maxAbsError(), first.maxAbsError(), isa);
        LOG.info("libtorch convolution gradients checked: {}", check);
        return check;
    }

    /** The largest absolute error over every case and repetition, and whether every entry was in tolerance. */
    record Measurement(double maxAbsError, boolean right) {}

    static Measurement measure(Engine engine) {
        double worst = 0;
        boolean right = true;
        SplittableRandom random = new SplittableRandom(20261206L);
        for (ReferenceConvolution c : CASES) {
            float[] x = gaussian(random, c.inputSize());
            float[] w = gaussian(random, c.weightSize());
            float[] u = gaussian(random, c.outputSize());
            double[] exact = c.inputGradient(toDouble(w), toDouble(u));
            for (int rep = 0; rep < REPETITIONS; rep++) {
                float[] g = libtorchInputGradient(engine, c, x, w, u);
                for (int i = 0; i < g.length; i++) {
                    double error = Math.abs(g[i] - exact[i]);
                    if (!(error <= ABS_TOLERANCE + REL_TOLERANCE * Math.abs(exact[i]))) {
                        right = false;
                    }
                    worst = Double.isNaN(error) || Double.isNaN(worst) ? Double.NaN : Math.max(worst, error);
                }
            }
        }
        return new Measurement(worst, right);
    }

    /** ∂(Σ conv2d(x, w)·u)/∂x from libtorch in float32, with autograd driven directly (see the class comment). */
    private static float[] libtorchInputGradient(Engine engine, ReferenceConvolution c, float[] x, float[] w,
            float[] u) {
        boolean gradMode = JniUtils.isGradMode();
        try (NDManager m = engine.newBaseManager(Device.cpu())) {
            JniUtils.setGradMode(true);
            NDArray input = m.create(x, new Shape(c.batch(), c.channels(), c.height(), c.width()));
            NDArray weight = m.create(w, new Shape(c.filters(), c.channels() / c.groups(), c.kernel(), c.kernel()));
            NDArray upstream = m.create(u, new Shape(c.batch(), c.filters(), c.outHeight(), c.outWidth()));
            input.setRequiresGradient(true);
            NDArray y = Conv2d.conv2d(input, weight, null, new Shape(c.stride(), c.stride()),
                    new Shape(c.padding(), c.padding()), new Shape(1, 1), c.groups()).singletonOrThrow();
            NDArray loss = y.mul(upstream).sum();
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
            return input.getGradient().toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            // Box–Muller; the values only need to be generic, not exactly normal.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            a[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return a;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
