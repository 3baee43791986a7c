package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.trustml.core.io.AtomicFiles;

/**
 * Pictures of explanations, drawn with {@code java.awt} (works headless) and written as PNG through
 * {@link AtomicFiles}, so a reader never sees half a file.
 */
public final class ExplanationImages {
    private ExplanationImages() {}

    /**
     * The image with the outline of the mask's regions in yellow, like scikit-image's
     * {@code mark_boundaries(image, mask)} in lime's tutorials: a pixel is on the outline when one of its
     * 4 neighbours has a different mask value.
     */
    public static BufferedImage boundaryOverlay(RgbImage image, ImageMask mask) {
        checkSize(image, mask.width(), mask.height());
        BufferedImage out = image.toBufferedImage();
        int w = mask.width();
        int h = mask.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = mask.at(x, y);
                boolean edge = (x > 0 && mask.at(x - 1, y) != v) || (x + 1 < w && mask.at(x + 1, y) != v)
                        || (y > 0 && mask.at(x, y - 1) != v) || (y + 1 < h && mask.at(x, y + 1) != v);
                if (edge) {
                    out.setRGB(x, y, 0xFFFF00);
                }
            }
        }
        return out;
    }

    /** The binary mask: white where the mask is non-zero, black elsewhere. */
    public static BufferedImage binaryMask(ImageMask mask) {
        BufferedImage out = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                out.setRGB(x, y, mask.at(x, y) != 0 ? 0xFFFFFF : 0x000000);
            }
        }
        return out;
    }

    /**
     * A heat map of the superpixel weights of {@code label}: each pixel takes its superpixel's weight
     * divided by the largest |weight|, drawn red for positive and blue for negative with opacity
     * proportional to the magnitude, over a grey copy of the image.
     */
    public static BufferedImage heatMap(RgbImage image, ImageExplanation explanation, int label) {
        Segmentation seg = explanation.segmentation();
        checkSize(image, seg.width(), seg.height());
        LabelExplanation e = explanation.explanation(label).orElseThrow(() -> org.trustml.core.InvalidInputException
                .problem("is not in the explanation").column("label").value(label).build());
        double[] weight = new double[seg.count()];
        double max = 0;
        for (FeatureWeight f : e.weights()) {
            weight[f.feature()] = f.weight();
            max = Math.max(max, Math.abs(f.weight()));
        }
        BufferedImage out = new BufferedImage(seg.width(), seg.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < seg.height(); y++) {
            for (int x = 0; x < seg.width(); x++) {
                double grey = 0.299 * image.get(x, y, 0) + 0.587 * image.get(x, y, 1) + 0.114 * image.get(x, y, 2);
                double a = max == 0 ? 0 : weight[seg.at(x, y)] / max;
                double r = grey;
                double g = grey;
                double b = grey;
                double alpha = Math.abs(a) * 0.7;
                if (a > 0) {
                    r = (1 - alpha) * grey + alpha;
                    g = (1 - alpha) * grey;
                    b = (1 - alpha) * grey;
                } else if (a < 0) {
                    r = (1 - alpha) * grey;
                    g = (1 - alpha) * grey;
                    b = (1 - alpha) * grey + alpha;
                }
                out.setRGB(x, y, (RgbImage.to8((float) r) << 16) | (RgbImage.to8((float) g) << 8) | RgbImage.to8((float) b));
            }
        }
        return out;
    }

    /** Writes a PNG atomically. */
    public static Path writePng(BufferedImage image, Path target) {
        requireNonNull(image, "image");
        return AtomicFiles.writeImage(target, image, "png");
    }

    private static void checkSize(RgbImage image, int w, int h) {
        if (image.width() != w || image.height() != h) {
            throw org.trustml.core.InvalidInputException.problem("does not match the explanation's " + w + "x" + h)
                    .column("image size").value(image.width() + "x" + image.height()).build();
        }
    }
}
