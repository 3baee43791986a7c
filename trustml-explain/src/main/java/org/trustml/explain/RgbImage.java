package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.trustml.core.InvalidInputException;
import org.trustml.vision.images.ImageDecoder;

/**
 * An RGB image with float channels in [0, 1], stored row-major as height × width × 3 (HWC), the
 * layout lime's image explainer works in. Grey images are converted like scikit-image's
 * {@code gray2rgb} (the grey value copied to R, G and B); an alpha channel is dropped (colour values
 * are kept as they are, not composited). The array is owned by the image; accessors copy.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final float[] hwc;

    private RgbImage(int width, int height, float[] hwc) {
        this.width = width;
        this.height = height;
        this.hwc = hwc;
    }

    /** An image from HWC floats in [0, 1] (copied). */
    public static RgbImage of(int width, int height, float[] hwc) {
        requireNonNull(hwc, "hwc");
        if (width < 1 || height < 1) {
            throw InvalidInputException.problem("is not a valid image size").column("width x height")
                    .value(width + "x" + height).expected("both at least 1").build();
        }
        if (hwc.length != width * height * 3) {
            throw InvalidInputException.problem("does not match width*height*3 = " + (width * height * 3))
                    .column("hwc.length").value(hwc.length).expected("an RGB HWC array").build();
        }
        for (int i = 0; i < hwc.length; i++) {
            float v = hwc[i];
            if (!(v >= 0f && v <= 1f)) {
                throw InvalidInputException.problem("is outside [0, 1]").column("hwc[" + i + "]").value(v)
                        .expected("RGB values in [0, 1]").build();
            }
        }
        return new RgbImage(width, height, hwc.clone());
    }

    /** A grey image (HW floats in [0, 1]) converted like {@code gray2rgb}. */
    public static RgbImage ofGray(int width, int height, float[] gray) {
        requireNonNull(gray, "gray");
        float[] rgb = new float[width * height * 3];
        for (int i = 0; i < gray.length && i < width * height; i++) {
            rgb[3 * i] = gray[i];
            rgb[3 * i + 1] = gray[i];
            rgb[3 * i + 2] = gray[i];
        }
        if (gray.length != width * height) {
            throw InvalidInputException.problem("does not match width*height = " + (width * height))
                    .column("gray.length").value(gray.length).expected("a grey HW array").build();
        }
        return of(width, height, rgb);
    }

    /** Converts a decoded image: 8 or 16-bit grey → gray2rgb, RGBA → RGB (alpha dropped). */
    public static RgbImage of(BufferedImage image) {
        requireNonNull(image, "image");
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[w * h * 3];
        var raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean grey = bands <= 2 && image.getColorModel().getNumColorComponents() == 1
                && image.getType() != BufferedImage.TYPE_BYTE_INDEXED;
        if (grey) {
            double max = (1L << image.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = (float) (raster.getSample(x, y, 0) / max);
                    int i = 3 * (y * w + x);
                    out[i] = v;
                    out[i + 1] = v;
                    out[i + 2] = v;
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = image.getRGB(x, y);
                    int i = 3 * (y * w + x);
                    out[i] = ((argb >> 16) & 0xff) / 255f;
                    out[i + 1] = ((argb >> 8) & 0xff) / 255f;
                    out[i + 2] = (argb & 0xff) / 255f;
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * Reads PNG, JPEG, BMP or GIF with {@link ImageDecoder#defaults()}. A file that is missing, cannot
     * be decoded or has more pixels than the decoder's limit is an {@link InvalidInputException}
     * naming the file.
     */
    public static RgbImage read(Path file) {
        return read(file, ImageDecoder.defaults());
    }

    /** As {@link #read(Path)}, decoded by {@code decoder} (its pixel limit is checked before decoding). */
    public static RgbImage read(Path file, ImageDecoder decoder) {
        requireNonNull(file, "file");
        requireNonNull(decoder, "decoder");
        return of(decoder.read(file));
    }

    /** This image scaled to {@code width × height} with bilinear interpolation. */
    public RgbImage resize(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        BufferedImage src = toBufferedImage();
        BufferedImage dst = new BufferedImage(newWidth, newHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, newWidth, newHeight, null);
        g.dispose();
        return of(dst);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Channel {@code c} (0 R, 1 G, 2 B) at column {@code x}, row {@code y}. */
    public float get(int x, int y, int c) {
        return hwc[3 * (y * width + x) + c];
    }

    /** A copy of the HWC data. */
    public float[] toHwc() {
        return hwc.clone();
    }

    /** The data as CHW (planar), the layout DJL vision models take. */
    public float[] toChw() {
        int n = width * height;
        float[] chw = new float[3 * n];
        for (int i = 0; i < n; i++) {
            chw[i] = hwc[3 * i];
            chw[n + i] = hwc[3 * i + 1];
            chw[2 * n + i] = hwc[3 * i + 2];
        }
        return chw;
    }

    /** The image as 8-bit sRGB. */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = 3 * (y * width + x);
                out.setRGB(x, y, (to8(hwc[i]) << 16) | (to8(hwc[i + 1]) << 8) | to8(hwc[i + 2]));
            }
        }
        return out;
    }

    static int to8(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }

    /** Package access to the backing array for the explainers (never handed out). */
    float[] data() {
        return hwc;
    }
}
