package org.trustml.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An image whose superpixels are switched on and off, fed to a model in batches: what LIME's perturbations and
 * SHAP's coalitions over superpixels both need. A pixel keeps its colour when its superpixel is kept, else takes
 * the fill (lime's {@code temp[mask] = fudged_image[mask]}). Each batch is composed in Java into one reused direct
 * float buffer and handed to the model as one NDArray (composing in Java was measured 8× faster than broadcasting
 * {@code fill + (image − fill)·keep} with NDArray operations on this machine).
 */
final class MaskedImages {
    /** Whether sample {@code sample} keeps superpixel {@code segment}. */
    @FunctionalInterface
    interface Keep {
        boolean keep(int sample, int segment);
    }

    private final int width;
    private final int height;
    private final boolean channelsLast;
    private final float[] image;
    private final float[] fill;
    private final int[] segmentOf;

    MaskedImages(RgbImage image, Segmentation seg, HideColor hideColor, boolean channelsLast) {
        if (seg.width() != image.width() || seg.height() != image.height()) {
            throw org.trustml.core.InvalidInputException.problem("does not match the image size " + image.width() + "x"
                    + image.height()).column("segmentation").value(seg.width() + "x" + seg.height()).build();
        }
        this.width = image.width();
        this.height = image.height();
        this.channelsLast = channelsLast;
        int pixels = width * height;
        this.image = layout(image.toChw(), pixels);
        this.fill = layout(fillChw(image, seg, hideColor), pixels);
        this.segmentOf = seg.labels();
    }

    /** The model's output rows for samples {@code 0 … samples−1}, {@code batchSize} images per call. */
    double[][] predict(BatchModel model, int samples, Keep keep, int batchSize, OutputKind kind, NDManager parent) {
        int pixels = width * height;
        int per = 3 * pixels;
        float[] batchData = new float[Math.min(batchSize, samples) * per];
        // one direct buffer reused for every batch: DJL hands a direct buffer to the engine without another copy
        ByteBuffer direct = ByteBuffer.allocateDirect(batchData.length * 4).order(ByteOrder.nativeOrder());
        double[][] outputs = new double[samples][];
        try (NDManager manager = parent.newSubManager()) {
            for (int start = 0; start < samples; start += batchSize) {
                int end = Math.min(samples, start + batchSize);
                int b = end - start;
                for (int i = 0; i < b; i++) {
                    int sample = start + i;
                    int base = i * per;
                    for (int p = 0; p < pixels; p++) {
                        float[] src = keep.keep(sample, segmentOf[p]) ? image : fill;
                        if (channelsLast) {
                            int q = 3 * p;
                            batchData[base + q] = src[q];
                            batchData[base + q + 1] = src[q + 1];
                            batchData[base + q + 2] = src[q + 2];
                        } else {
                            batchData[base + p] = src[p];
                            batchData[base + pixels + p] = src[pixels + p];
                            batchData[base + 2 * pixels + p] = src[2 * pixels + p];
                        }
                    }
                }
                try (NDManager batchManager = manager.newSubManager()) {
                    Shape shape = channelsLast ? new Shape(b, height, width, 3) : new Shape(b, 3, height, width);
                    direct.clear();
                    direct.asFloatBuffer().put(batchData, 0, b * per);
                    direct.limit(b * per * 4);
                    NDArray batch = batchManager.create(direct, shape, DataType.FLOAT32);
                    double[][] rows = ModelOutputs.rows(model.predict(batch), b, start, kind);
                    System.arraycopy(rows, 0, outputs, start, rows.length);
                }
            }
        }
        int classes = outputs.length == 0 ? 0 : outputs[0].length;
        for (double[] row : outputs) {
            if (row.length != classes) {
                throw org.trustml.core.InvalidInputException.problem("changed width between batches")
                        .column("model output").value(row.length).expected(classes + " outputs per row").build();
            }
        }
        return outputs;
    }

    /** CHW as the model's layout (CHW, or HWC when channels come last). */
    private float[] layout(float[] chw, int pixels) {
        if (!channelsLast) {
            return chw;
        }
        float[] hwc = new float[chw.length];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < 3; c++) {
                hwc[3 * p + c] = chw[c * pixels + p];
            }
        }
        return hwc;
    }

    /** lime's {@code fudged_image}: each superpixel's mean colour, or the constant colour; CHW. */
    private static float[] fillChw(RgbImage image, Segmentation seg, HideColor hideColor) {
        int n = image.width() * image.height();
        float[] out = new float[3 * n];
        if (!hideColor.mean()) {
            Arrays.fill(out, 0, n, hideColor.r());
            Arrays.fill(out, n, 2 * n, hideColor.g());
            Arrays.fill(out, 2 * n, 3 * n, hideColor.b());
            return out;
        }
        float[] hwc = image.data();
        int[] labels = seg.labels();
        double[][] sum = new double[seg.count()][3];
        int[] count = new int[seg.count()];
        for (int i = 0; i < n; i++) {
            int s = labels[i];
            count[s]++;
            sum[s][0] += hwc[3 * i];
            sum[s][1] += hwc[3 * i + 1];
            sum[s][2] += hwc[3 * i + 2];
        }
        for (int i = 0; i < n; i++) {
            int s = labels[i];
            for (int c = 0; c < 3; c++) {
                out[c * n + i] = (float) (sum[s][c] / count[s]);
            }
        }
        return out;
    }
}
