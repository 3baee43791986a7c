package org.trustml.samples.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.trustml.adversarial.AttackResult;
import org.trustml.adversarial.Pgd;
import org.trustml.adversarial.Robustness;
import org.trustml.explain.ExplanationImages;
import org.trustml.explain.ImageExplanation;
import org.trustml.explain.Lime;
import org.trustml.explain.RgbImage;
import org.trustml.explain.Slic;
import org.trustml.samples.gates.TinyData;
import org.trustml.samples.gates.TinyModel;

/** The pictures of the trusted-pipeline notebook: a LIME overlay and an adversarial example. */
public final class Figures {
    /** How much the 8×8 patches are enlarged for the page. */
    public static final int SCALE = 24;

    private Figures() {}

    /**
     * LIME (lime 0.2's image explainer, 300 samples, SLIC with about 8 superpixels) on image
     * {@code index}, overlaid as a heat map of the predicted class's superpixel weights: red supports
     * it, blue speaks against it, over a grey copy of the patch (at 8×8 an outline of the top
     * superpixels would cover whole pixels, so the weights show more).
     */
    public static BufferedImage limeOverlay(TinyModel model, TinyData data, int index, long seed) {
        RgbImage image = RgbImage.of(data.picture(index));
        ImageExplanation e = Lime.image().samples(300).segmenter(Slic.defaults().withSegments(8)).seed(seed)
                .explain(model.forLime(), image);
        return Notebook.enlarge(ExplanationImages.heatMap(image, e, e.topLabel()), SCALE);
    }

    /**
     * An adversarial example: PGD (L∞, {@code eps}, 20 steps of eps/8, one seeded random start)
     * against image {@code index}; the original left, the adversarial image right, each captioned with
     * the model's class.
     */
    public static BufferedImage adversarialExample(TinyModel model, TinyData data, int index, double eps, long seed) {
        TinyData one = data.rows(index, index + 1);
        AttackResult r;
        try (NDManager m = model.manager().newSubManager()) {
            NDArray x = m.create(one.images(), new Shape(1, 3, TinyData.SIZE, TinyData.SIZE));
            r = Robustness.of(model.forAttacks()).attack(Pgd.builder().eps((float) eps).epsStep((float) (eps / 8))
                    .maxIter(20).randomInit(1, seed).clip(0, 1).build()).on(x, one.labels()).run();
        }
        BufferedImage left = Notebook.enlarge(one.picture(0), SCALE);
        BufferedImage right = Notebook.enlarge(TinyData.picture(r.adversarialValues(), 0), SCALE);
        int w = left.getWidth();
        BufferedImage both = new BufferedImage(2 * w + 8, w + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, w + 8, 0, null);
        g.setColor(Color.BLACK);
        g.drawString("clean: " + TinyData.CLASSES.get((int) r.cleanPredictions()[0]), 4, w + 15);
        g.drawString("eps " + eps + ": " + TinyData.CLASSES.get((int) r.adversarialPredictions()[0]), w + 12, w + 15);
        g.dispose();
        return both;
    }
}
