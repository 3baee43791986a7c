package org.trustml.explain;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.trustml.core.pipeline.RunContext;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluator;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.ImageTensors;

/**
 * The explanation check of the evaluate stage: LIME ({@link ImageExplainer}, lime 0.2's
 * {@code LimeImageExplainer}) on {@code images} images of the evaluated
 * split, each explained for the class the model predicted. The images are chosen in split order,
 * taking the classes in turn (first image of class 0, first of class 1, …, second of class 0, …),
 * so every class is shown. The model sees each image as it saw it in training (RGB in [0, 1] at
 * its input size) and LIME's outputs are its logits turned into probabilities by a softmax.
 *
 * <p>For each image it writes two PNG artifacts: {@code explanations/image-<k>-overlay.png}, the
 * outline of the {@code features} superpixels with the largest positive weights (lime's
 * {@code get_image_and_mask(label, positive_only=True, num_features, hide_rest=False)} drawn with
 * {@code mark_boundaries}), and {@code explanations/image-<k>-heatmap.png}, every superpixel's
 * weight in red (for the class) and blue (against it). The result lists each image with its top
 * superpixel weights ({@link ExplanationReport}).
 *
 * @param images   how many images to explain (at least 1; fewer when the split is smaller)
 * @param samples  LIME's {@code num_samples} per image (at least 2; lime's default is 1,000)
 * @param features superpixels drawn in each overlay and listed per image (at least 1)
 * @param seed      seed of the perturbations
 * @param segmenter the superpixels (lime's default: {@link Quickshift#defaults()}, which on small images
 *                  such as 64×64 gives only a handful; {@link Slic} with a chosen count is finer)
 */
public record LimeEvaluator(int images, int samples, int features, long seed, Segmenter segmenter)
        implements ImageEvaluator {
    public LimeEvaluator {
        java.util.Objects.requireNonNull(segmenter, "segmenter");
        Arguments.atLeast(1, "images", images, "at least one image to explain");
        Arguments.atLeast(2, "num_samples", samples, "at least 2 samples: the image itself and one perturbation");
        Arguments.atLeast(1, "features", features, "at least one superpixel per overlay");
    }

    /** lime's default superpixels: {@link Quickshift#defaults()} with {@code seed} for its tie-breaking. */
    public LimeEvaluator(int images, int samples, int features, long seed) {
        this(images, samples, features, seed, Quickshift.defaults().withSeed(seed));
    }

    /** {@code images} images, lime's 1,000 samples and quickshift superpixels, 5 superpixels per overlay, seed 0. */
    public static LimeEvaluator of(int images) {
        return new LimeEvaluator(images, 1000, 5, 0);
    }

    /** The same with {@code n} LIME samples per image (fewer is faster and noisier). */
    public LimeEvaluator withSamples(int n) {
        return new LimeEvaluator(images, n, features, seed, segmenter);
    }

    /** The same with another seed of the perturbations. */
    public LimeEvaluator withSeed(long s) {
        return new LimeEvaluator(images, samples, features, s, segmenter);
    }

    /** The same with other superpixels. */
    public LimeEvaluator withSegmenter(Segmenter s) {
        return new LimeEvaluator(images, samples, features, seed, s);
    }

    @Override
    public String name() {
        return "explanations";
    }

    @Override
    public Object config() {
        return this;
    }

    @Override
    public ExplanationReport evaluate(ImageEvaluationInput in, RunContext context) {
        int size = in.model().inputSize();
        List<String> classes = in.model().classes();
        BatchModel model = batch -> in.loaded().getBlock()
                .forward(new ParameterStore(batch.getManager(), false), new NDList(batch), false).singletonOrThrow();
        List<ExplanationReport.ExplainedImage> out = new ArrayList<>();
        List<Integer> chosen = choose(in.truth(), classes.size(), images);
        for (int k = 0; k < chosen.size(); k++) {
            int i = chosen.get(k);
            ImageEntry entry = in.entries().get(i);
            RgbImage image = RgbImage.of(size, size, toHwc(ImageTensors.load(in.dataset().file(entry), size), size));
            int label = in.predicted()[i];
            ImageExplanation e = Lime.image().samples(samples).batchSize(50).seed(seed).segmenter(segmenter)
                    .labels(label).output(OutputKind.LOGITS).explain(model, image);
            LabelExplanation local = e.explanation(label).orElseThrow();
            String prefix = String.format("explanations/image-%d", k + 1);
            Path overlay = png(context, prefix + "-overlay.png",
                    ExplanationImages.boundaryOverlay(image, e.mask(label, true, false, features, 0.0)));
            Path heat = png(context, prefix + "-heatmap.png", ExplanationImages.heatMap(image, e, label));
            List<FeatureWeight> top = local.weights().subList(0, Math.min(features, local.weights().size()));
            out.add(new ExplanationReport.ExplainedImage(i, entry.path(), classes.get(in.truth()[i]), classes.get(label),
                    in.probabilities()[i][label], e.segmentCount(), local.score(), local.intercept(), top, overlay,
                    heat));
            context.progress("LIME", k + 1, chosen.size());
        }
        return new ExplanationReport(ExplanationReport.SCHEMA_VERSION, samples, seed, out);
    }

    /** Indices of up to {@code n} rows, taking the classes in turn in row order. */
    static List<Integer> choose(int[] truth, int classes, int n) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < truth.length; i++) {
            byClass.get(truth[i]).add(i);
        }
        List<Integer> out = new ArrayList<>();
        for (int round = 0; out.size() < Math.min(n, truth.length); round++) {
            for (List<Integer> rows : byClass) {
                if (round < rows.size() && out.size() < n) {
                    out.add(rows.get(round));
                }
            }
        }
        return out;
    }

    private static float[] toHwc(float[] chw, int size) {
        int plane = size * size;
        float[] hwc = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                hwc[3 * p + c] = chw[c * plane + p];
            }
        }
        return hwc;
    }

    private static Path png(RunContext context, String name, BufferedImage image) {
        return context.writeArtifact(name, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }
}
