package org.trustml.vision.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Decodes, resizes and augments images into CHW float arrays with values in [0, 1]. */
public final class ImageTensors {
    private ImageTensors() {}

    /**
     * The image at {@code file} as RGB {@code [3, size, size]}, resized bilinearly; decoded by
     * {@link ImageDecoder#defaults()} (which refuses images over its pixel limit).
     */
    public static float[] load(Path file, int size) {
        return fromImage(ImageDecoder.defaults().read(file), size);
    }

    /**
     * Encoded image bytes (PNG, JPEG, GIF, BMP) as RGB {@code [3, size, size]}, resized bilinearly;
     * {@code source} names where the bytes came from in the error message.
     */
    public static float[] decode(byte[] encoded, String source, int size, ImageDecoder decoder) {
        return fromImage(decoder.read(encoded, source), size);
    }

    /** A decoded image as RGB {@code [3, size, size]} with values in [0, 1], resized bilinearly. */
    public static float[] fromImage(BufferedImage src, int size) {
        BufferedImage rgb = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        float[] chw = new float[3 * size * size];
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = rgb.getRGB(x, y);
                int i = y * size + x;
                chw[i] = ((p >> 16) & 0xFF) / 255f;
                chw[plane + i] = ((p >> 8) & 0xFF) / 255f;
                chw[2 * plane + i] = (p & 0xFF) / 255f;
            }
        }
        return chw;
    }

    /**
     * Writes an augmented copy of {@code image} ({@code [3, size, size]}) into {@code out} at
     * {@code offset}: a random horizontal flip (p = 0.5) and a random crop out of the image padded
     * with {@code size / 8} zeros on each side, each if asked for.
     */
    public static void augment(float[] image, int size, boolean flip, boolean crop, SplittableRandom random,
            float[] out, int offset) {
        boolean mirror = flip && random.nextBoolean();
        int pad = crop ? Math.max(1, size / 8) : 0;
        int dx = crop ? random.nextInt(2 * pad + 1) - pad : 0;
        int dy = crop ? random.nextInt(2 * pad + 1) - pad : 0;
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                int sy = y + dy;
                for (int x = 0; x < size; x++) {
                    int sx0 = x + dx;
                    int sx = mirror ? size - 1 - sx0 : sx0;
                    float v = sy < 0 || sy >= size || sx0 < 0 || sx0 >= size ? 0f : image[c * plane + sy * size + sx];
                    out[offset + c * plane + y * size + x] = v;
                }
            }
        }
    }
}
