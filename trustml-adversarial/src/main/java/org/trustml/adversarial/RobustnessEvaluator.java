package org.trustml.adversarial;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.pipeline.RunContext;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluator;
import org.trustml.vision.images.ImageTensors;

/**
 * The robustness check of the evaluate stage: attacks the evaluated images with PGD (or FGSM when
 * {@code maxIter} is 0, and for eps 0) at each eps, inputs in [0, 1] as the model was trained, and reports every
 * {@link RobustnessReport} metric on the slice {@code eps=<eps>} (per class: {@code eps=<eps>,
 * class=<label>}), so a gate reads
 * {@code Gate.on(RobustnessMetric.ADVERSARIAL_ACCURACY).inSlice(Slice.of("eps", 0.03))}.
 * Labels are the true classes. At most {@code maxImages} images are attacked (the first ones of
 * the split), to bound the cost; the report says how many.
 *
 * <p>For each eps it also writes the first {@code examples} adversarial examples as a PNG sheet,
 * {@code robustness/adversarial-eps<eps>.png}: per row the original, the perturbation magnified so
 * that its largest |δ| spans the grey range, and the adversarial example, captioned with the predicted
 * classes; the result ({@link RobustnessEvaluation}) lists the sheets for reports.
 *
 * @param norm      the norm of the eps-ball
 * @param eps       the perturbation budgets
 * @param maxIter   PGD iterations; 0 for FGSM
 * @param maxImages how many of the split's images to attack
 * @param seed      seed of the random start (PGD uses one random start)
 * @param examples  adversarial examples drawn per eps (0 for none)
 * @param nativeHeap what each attack does with the native memory it freed ({@link NativeHeap#KEEP} unless told;
 *                  {@link NativeHeap#TRIM} acts on the whole process)
 */
public record RobustnessEvaluator(Norm norm, List<Double> eps, int maxIter, int maxImages, long seed, int examples,
        NativeHeap nativeHeap) implements ImageEvaluator {
    /** Rows of the example sheet per eps unless told otherwise. */
    public static final int DEFAULT_EXAMPLES = 6;

    public RobustnessEvaluator {
        requireNonNull(norm, "norm");
        requireNonNull(nativeHeap, "nativeHeap");
        eps = List.copyOf(eps);
        if (eps.isEmpty()) {
            throw InvalidInputException.problem("is empty").column("eps").expected("at least one eps").build();
        }
        if (maxIter < 0 || maxImages < 1) {
            throw InvalidInputException.problem("is out of range").column("maxIter/maxImages")
                    .value(maxIter + "/" + maxImages).expected("maxIter >= 0 and maxImages >= 1").build();
        }
        if (examples < 0) {
            throw InvalidInputException.problem("is negative").column("examples").value(examples)
                    .expected("0 (no example sheets) or more").build();
        }
    }

    /** An evaluator that leaves freed native memory with the allocator. */
    public RobustnessEvaluator(Norm norm, List<Double> eps, int maxIter, int maxImages, long seed, int examples) {
        this(norm, eps, maxIter, maxImages, seed, examples, NativeHeap.KEEP);
    }

    /** An evaluator drawing {@value #DEFAULT_EXAMPLES} examples per eps. */
    public RobustnessEvaluator(Norm norm, List<Double> eps, int maxIter, int maxImages, long seed) {
        this(norm, eps, maxIter, maxImages, seed, DEFAULT_EXAMPLES);
    }

    /** The same evaluator with {@code heap} as what each attack does with the native memory it freed. */
    public RobustnessEvaluator withNativeHeap(NativeHeap heap) {
        return new RobustnessEvaluator(norm, eps, maxIter, maxImages, seed, examples, heap);
    }

    /** PGD-10 in the ∞-norm at these eps, on up to 64 images. */
    public static RobustnessEvaluator pgd(double... eps) {
        List<Double> e = new ArrayList<>();
        for (double x : eps) {
            e.add(x);
        }
        return new RobustnessEvaluator(Norm.INF, e, 10, 64, 0, DEFAULT_EXAMPLES);
    }

    @Override
    public String name() {
        return "robustness";
    }

    @Override
    public Object config() {
        return this;
    }

    @Override
    public RobustnessEvaluation evaluate(ImageEvaluationInput in, RunContext context) {
        int n = Math.min(maxImages, in.entries().size());
        int size = in.model().inputSize();
        int plane = 3 * size * size;
        float[] x = new float[n * plane];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ImageTensors.load(in.files().get(i), size), 0, x, i * plane, plane);
            labels[i] = in.truth()[i];
        }
        GradientClassifier model = Models.block(in.model().architecture().name(), in.loaded().getBlock(),
                ClassifierOutput.LOGITS, Device.cpu());
        List<org.trustml.core.evaluation.MetricValue> out = new ArrayList<>();
        List<RobustnessEvaluation.ExampleSheet> sheets = new ArrayList<>();
        try (NDManager m = in.loaded().getNDManager().newSubManager()) {
            NDArray inputs = m.create(x, new Shape(n, 3, size, size));
            for (double e : eps) {
                Attack attack = maxIter == 0 || e == 0 // PGD needs 0 < eps_step <= eps; eps 0 is the clean case
                        ? Fgsm.builder().norm(norm).eps((float) e).clip(0, 1).build()
                        : Pgd.builder().norm(norm).eps((float) e).epsStep((float) (e / 4)).maxIter(maxIter)
                                .randomInit(1, seed).clip(0, 1).build();
                AttackResult result = Robustness.of(model).attack(attack).on(inputs, labels).nativeHeap(nativeHeap).run();
                RobustnessReport r = result.report().orElseThrow();
                String epsText = String.format(Locale.ROOT, "%s", e);
                Slice at = Slice.of("eps", epsText);
                if (examples > 0) {
                    java.awt.image.BufferedImage sheet = result.imageSheet(examples, in.model().classes());
                    java.nio.file.Path file = context.writeArtifact("robustness/adversarial-eps" + epsText + ".png",
                            o -> {
                                if (!javax.imageio.ImageIO.write(sheet, "png", o)) {
                                    throw new java.io.IOException("no PNG writer available");
                                }
                            });
                    long flipped = 0;
                    long[] clean = result.cleanPredictions();
                    long[] adv = result.adversarialPredictions();
                    int rows = Math.min(examples, n);
                    for (int i = 0; i < rows; i++) {
                        flipped += clean[i] != adv[i] ? 1 : 0;
                    }
                    sheets.add(new RobustnessEvaluation.ExampleSheet(e, rows, (int) flipped, file));
                }
                for (RobustnessValue v : r.metrics()) {
                    Slice s = v.slice().equals("all") ? at : at.and("class", label(in, v.slice()));
                    out.add(new org.trustml.core.evaluation.MetricValue(v.metric().jsonName(), s, v.value(), v.reason()));
                }
            }
        }
        context.logMetric("attacked_images", n);
        return new RobustnessEvaluation(RobustnessEvaluation.SCHEMA_VERSION, out, sheets);
    }

    /** The class label of a {@code class=<index or label>} slice. */
    private static String label(ImageEvaluationInput in, String slice) {
        String c = slice.substring(slice.indexOf('=') + 1);
        try {
            int i = Integer.parseInt(c);
            return i >= 0 && i < in.model().classes().size() ? in.model().classes().get(i) : c;
        } catch (NumberFormatException e) {
            return c;
        }
    }
}
