package org.trustml.adversarial.internal;

import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.trustml.core.InvalidInputException;

/**
 * A PNG sheet of adversarial images, one row per sample: original | perturbation magnified |
 * adversarial, each with a caption (predicted class). Drawn with java.awt in headless mode.
 */
public final class ImageSheet {
    private static final int CAPTION = 16;
    private static final int GAP = 6;

    private ImageSheet() {}

    /**
     * Draws the sheet: {@code rows} samples, values scaled from [{@code lo}, {@code hi}] to the grey
     * range, the perturbation magnified so that its largest |δ| per sample spans it. Predicted classes are
     * captioned with their name in {@code classNames} (by index), or with their index when it has none.
     */
    public static BufferedImage draw(float[] original, float[] adversarial, Shape sampleShape, long[] cleanPred,
            long[] advPred, int rows, float lo, float hi, List<String> classNames) {
        int channels;
        int h;
        int w;
        if (sampleShape.dimension() == 2) {
            channels = 1;
            h = Math.toIntExact(sampleShape.get(0));
            w = Math.toIntExact(sampleShape.get(1));
        } else if (sampleShape.dimension() == 3 && (sampleShape.get(0) == 1 || sampleShape.get(0) == 3)) {
            channels = Math.toIntExact(sampleShape.get(0));
            h = Math.toIntExact(sampleShape.get(1));
            w = Math.toIntExact(sampleShape.get(2));
        } else {
            throw InvalidInputException.problem("is not an image shape").value(sampleShape)
                    .expected("(H, W), (1, H, W) or (3, H, W)").build();
        }
        int scale = Math.max(1, 128 / Math.max(h, w));
        int cellW = w * scale;
        int cellH = h * scale + CAPTION;
        int width = 3 * cellW + 4 * GAP;
        int height = Math.max(1, rows) * (cellH + GAP) + GAP + CAPTION;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString("original", GAP, CAPTION - 4);
            g.drawString("perturbation, scaled", 2 * GAP + cellW, CAPTION - 4);
            g.drawString("adversarial", 3 * GAP + 2 * cellW, CAPTION - 4);
            int d = channels * h * w;
            for (int r = 0; r < rows; r++) {
                int top = CAPTION + GAP + r * (cellH + GAP);
                int off = r * d;
                float maxAbs = 0;
                for (int j = 0; j < d; j++) {
                    maxAbs = Math.max(maxAbs, Math.abs(adversarial[off + j] - original[off + j]));
                }
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int[] o = new int[3];
                        int[] p = new int[3];
                        int[] a = new int[3];
                        for (int c = 0; c < 3; c++) {
                            int ch = channels == 1 ? 0 : c;
                            int idx = off + ch * h * w + y * w + x;
                            o[c] = grey((original[idx] - lo) / (hi - lo));
                            a[c] = grey((adversarial[idx] - lo) / (hi - lo));
                            float delta = adversarial[idx] - original[idx];
                            p[c] = grey(maxAbs == 0 ? 0.5f : 0.5f + 0.5f * delta / maxAbs);
                        }
                        fill(sheet, GAP + x * scale, top + y * scale, scale, o);
                        fill(sheet, 2 * GAP + cellW + x * scale, top + y * scale, scale, p);
                        fill(sheet, 3 * GAP + 2 * cellW + x * scale, top + y * scale, scale, a);
                    }
                }
                int text = top + h * scale + CAPTION - 4;
                g.setColor(Color.BLACK);
                g.drawString("#" + r + " " + name(classNames, cleanPred[r]), GAP, text);
                g.drawString(String.format("max |d| = %.4f", maxAbs), 2 * GAP + cellW, text);
                g.setColor(advPred[r] != cleanPred[r] ? new Color(180, 0, 0) : Color.BLACK);
                g.drawString(name(classNames, advPred[r]) + (advPred[r] != cleanPred[r] ? " (flipped)" : ""),
                        3 * GAP + 2 * cellW, text);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static String name(List<String> classNames, long c) {
        return c >= 0 && c < classNames.size() ? classNames.get((int) c) : "class " + c;
    }

    private static int grey(float unit) {
        return Math.round(255 * Math.max(0f, Math.min(1f, unit)));
    }

    private static void fill(BufferedImage img, int x0, int y0, int scale, int[] rgb) {
        int v = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
        for (int y = y0; y < y0 + scale; y++) {
            for (int x = x0; x < x0 + scale; x++) {
                img.setRGB(x, y, v);
            }
        }
    }
}
