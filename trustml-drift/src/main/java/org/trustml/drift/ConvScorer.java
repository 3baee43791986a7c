package org.trustml.drift;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.trustml.core.TrustmlException;
import org.trustml.drift.internal.AutoencoderNetwork;

/**
 * The convolutional autoencoder's forward pass and reconstruction error in plain Java, for scoring.
 *
 * <p>Same network and weights as {@link AutoencoderNetwork#convolutional} (read from the trained
 * block), same arithmetic up to the order of float additions: scores agree with the DJL forward
 * pass within 1e-5 relative (tested). Why not DJL: with 1–16 channels libtorch's convolutions run
 * far below the CPU's speed (about 13,000 images/s for 28×28 on 2 cores, most of it in the two
 * small upsampling layers), while this path does less work and stays in the caches:
 *
 * <ul>
 *   <li>A tile of up to {@value #LANES} images (fewer for big images: about 4 MB of input per tile)
 *       is stored channel × row × column × image, the image index innermost, so every multiply-add
 *       runs along a contiguous lane of images; activations carry a zero border, so no tap needs a
 *       bounds check.</li>
 *   <li>"Nearest 2× upsampling, then a 3×3 convolution" is computed at the low resolution: each of
 *       the four output phases (even/odd row × even/odd column) sees a 2×2 kernel whose taps are
 *       sums of the 3×3 taps that land on the same low-resolution pixel. That is 44% fewer
 *       multiply-adds than convolving the upsampled image, with the same result.</li>
 *   <li>Four output channels are computed together, so each input value is loaded once for four.</li>
 *   <li>Tiles run in parallel (common pool); each image's score depends only on that image, so
 *       scores do not depend on the tiling or the thread count.</li>
 * </ul>
 */
final class ConvScorer {
    /** Images per tile, at most. */
    static final int LANES = 128;
    /** Floats per tile's padded input, at most (4 MB), so that big images get fewer lanes, not big tiles. */
    private static final int TILE_FLOATS = 1 << 20;
    /** Output channels computed together. */
    private static final int BLOCK = 4;
    /** {@code TAPS[p][t]}: the 3×3 kernel rows (or columns) that fall on low-resolution tap {@code t} in phase {@code p}. */
    private static final int[][][] TAPS = {{{0}, {1, 2}}, {{0, 1}, {2}}};

    private final int channels;
    private final int height;
    private final int width;
    private final int f1;
    private final int f2;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final float[] phases3;
    private final float[] b3;
    private final float[] phases4;
    private final float[] b4;

    private ConvScorer(List<Integer> shape, List<float[]> p, int f1, int f2) {
        this.channels = shape.get(0);
        this.height = shape.get(1);
        this.width = shape.get(2);
        this.f1 = f1;
        this.f2 = f2;
        this.w1 = p.get(0);
        this.b1 = p.get(1);
        this.w2 = p.get(2);
        this.b2 = p.get(3);
        this.phases3 = phaseKernels(p.get(4), f1, f2);
        this.b3 = p.get(5);
        this.phases4 = phaseKernels(p.get(6), channels, f1);
        this.b4 = p.get(7);
    }

    /**
     * Reads the weights of a trained {@link AutoencoderNetwork#convolutional} block for images of
     * {@code shape = [c, h, w]} (h and w divisible by 4).
     */
    static ConvScorer of(Block block, List<Integer> shape) {
        List<float[]> values = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (Parameter parameter : block.getParameters().values()) {
            NDArray array = parameter.getArray();
            values.add(array.toFloatArray());
            shapes.add(array.getShape());
        }
        if (values.size() != 8) {
            throw new TrustmlException("not the convolutional autoencoder: " + values.size() + " parameters, expected 8");
        }
        int c = shape.get(0);
        int f1 = (int) shapes.get(0).get(0);
        int f2 = (int) shapes.get(2).get(0);
        List<Shape> expected = List.of(new Shape(f1, c, 3, 3), new Shape(f1), new Shape(f2, f1, 3, 3), new Shape(f2),
                new Shape(f1, f2, 3, 3), new Shape(f1), new Shape(c, f1, 3, 3), new Shape(c));
        if (!expected.equals(shapes)) {
            throw new TrustmlException("not the convolutional autoencoder: parameter shapes " + shapes + ", expected " + expected);
        }
        return new ConvScorer(shape, values, f1, f2);
    }

    /**
     * Per-sample scores of {@code rows} (each {@code c·h·w} values, C-order), as
     * {@link AutoencoderTraining#score} defines them.
     */
    double[] score(float[][] rows, ScoreKind kind, double percent) {
        double[] scores = new double[rows.length];
        int pixels = channels * height * width;
        int keep = (int) Math.ceil(percent / 100 * pixels);
        int perImage = channels * (height + 2) * (width + 2);
        int lanes = Math.max(1, Math.min(Math.min(LANES, Math.max(8, TILE_FLOATS / perImage)), rows.length));
        int tiles = (rows.length + lanes - 1) / lanes;
        IntStream.range(0, tiles).parallel().forEach(t -> {
            int from = t * lanes;
            scoreTile(rows, from, Math.min(lanes, rows.length - from), lanes, kind, keep, scores);
        });
        return scores;
    }

    private void scoreTile(float[][] rows, int from, int n, int lanes, ScoreKind kind, int keep, double[] scores) {
        int halfH = height / 2;
        int halfW = width / 2;
        int quarterH = height / 4;
        int quarterW = width / 4;
        float[] x = new float[channels * (height + 2) * (width + 2) * lanes];
        for (int b = 0; b < n; b++) {
            float[] row = rows[from + b];
            int p = 0;
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    int at = ((c * (height + 2) + y + 1) * (width + 2) + 1) * lanes + b;
                    for (int col = 0; col < width; col++, p++, at += lanes) {
                        x[at] = row[p];
                    }
                }
            }
        }
        float[] a1 = new float[f1 * (halfH + 2) * (halfW + 2) * lanes];
        float[] a2 = new float[f2 * (quarterH + 2) * (quarterW + 2) * lanes];
        float[] a3 = new float[f1 * (halfH + 2) * (halfW + 2) * lanes];
        float[] logits = new float[channels * height * width * lanes];
        downConv(x, channels, height, width, w1, b1, f1, a1, lanes);
        downConv(a1, f1, halfH, halfW, w2, b2, f2, a2, lanes);
        upConv(a2, f2, quarterH, quarterW, phases3, b3, f1, a3, 1, true, lanes);
        upConv(a3, f1, halfH, halfW, phases4, b4, channels, logits, 0, false, lanes);
        squaredErrors(x, logits, lanes);
        int pixels = channels * height * width;
        if (kind == ScoreKind.L2 || keep >= pixels) {
            double[] sum = new double[lanes];
            for (int p = 0; p < pixels; p++) {
                int at = p * lanes;
                for (int b = 0; b < lanes; b++) {
                    sum[b] += logits[at + b];
                }
            }
            for (int b = 0; b < n; b++) {
                scores[from + b] = kind == ScoreKind.L2 ? Math.sqrt(sum[b]) : sum[b] / pixels;
            }
        } else {
            float[] errors = new float[pixels];
            for (int b = 0; b < n; b++) {
                for (int p = 0; p < pixels; p++) {
                    errors[p] = logits[p * lanes + b];
                }
                scores[from + b] = AutoencoderTraining.meanOfLargest(errors, keep);
            }
        }
    }

    /** Replaces each logit by the squared error {@code (x - sigmoid(logit))²} (x is padded, logits are not). */
    private void squaredErrors(float[] x, float[] logits, int lanes) {
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int col = 0; col < width; col++) {
                    int out = ((c * height + y) * width + col) * lanes;
                    int in = ((c * (height + 2) + y + 1) * (width + 2) + col + 1) * lanes;
                    for (int b = 0; b < lanes; b++) {
                        float d = x[in + b] - (float) (1 / (1 + Math.exp(-logits[out + b])));
                        logits[out + b] = d * d;
                    }
                }
            }
        }
    }

    /**
     * 3×3 convolution, stride 2, zero padding 1, then ReLU: {@code in} is {@code inC × (h+2) × (w+2)}
     * with a zero border, {@code out} is {@code outC × (h/2+2) × (w/2+2)} and its border stays zero.
     */
    static void downConv(float[] in, int inC, int h, int w, float[] weight, float[] bias, int outC, float[] out,
            int lanes) {
        int oh = h / 2;
        int ow = w / 2;
        int inRow = (w + 2) * lanes;
        int inPlane = (h + 2) * inRow;
        int outPlane = (oh + 2) * (ow + 2) * lanes;
        for (int f = 0; f < outC; f += BLOCK) {
            int block = Math.min(BLOCK, outC - f);
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int o = ((f * (oh + 2) + oy + 1) * (ow + 2) + ox + 1) * lanes;
                    fillBias(out, o, outPlane, bias, f, block, lanes);
                    for (int c = 0; c < inC; c++) {
                        int r0 = c * inPlane + (2 * oy) * inRow + (2 * ox) * lanes;
                        for (int k = 0; k < block; k++) {
                            int wk = ((f + k) * inC + c) * 9;
                            int ok = o + k * outPlane;
                            float k0 = weight[wk];
                            float k1 = weight[wk + 1];
                            float k2 = weight[wk + 2];
                            float k3 = weight[wk + 3];
                            float k4 = weight[wk + 4];
                            float k5 = weight[wk + 5];
                            float k6 = weight[wk + 6];
                            float k7 = weight[wk + 7];
                            float k8 = weight[wk + 8];
                            int r1 = r0 + inRow;
                            int r2 = r1 + inRow;
                            for (int b = 0; b < lanes; b++) {
                                out[ok + b] += k0 * in[r0 + b] + k1 * in[r0 + lanes + b] + k2 * in[r0 + 2 * lanes + b]
                                        + k3 * in[r1 + b] + k4 * in[r1 + lanes + b] + k5 * in[r1 + 2 * lanes + b]
                                        + k6 * in[r2 + b] + k7 * in[r2 + lanes + b] + k8 * in[r2 + 2 * lanes + b];
                            }
                        }
                    }
                    relu(out, o, outPlane, block, lanes);
                }
            }
        }
    }

    /**
     * Nearest 2× upsampling, then a 3×3 convolution with zero padding 1 (then ReLU if asked), computed
     * at the input's resolution with the four phases' 2×2 kernels ({@link #phaseKernels}). {@code in}
     * is {@code inC × (h+2) × (w+2)} with a zero border; {@code out} is {@code outC × 2h × 2w} with a
     * border of {@code pad} (0 or 1) zeros.
     */
    static void upConv(float[] in, int inC, int h, int w, float[] phases, float[] bias, int outC, float[] out, int pad,
            boolean relu, int lanes) {
        int oh = 2 * h;
        int ow = 2 * w;
        int inRow = (w + 2) * lanes;
        int inPlane = (h + 2) * inRow;
        int outPlane = (oh + 2 * pad) * (ow + 2 * pad) * lanes;
        for (int f = 0; f < outC; f += BLOCK) {
            int block = Math.min(BLOCK, outC - f);
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int o = ((f * (oh + 2 * pad) + oy + pad) * (ow + 2 * pad) + ox + pad) * lanes;
                    fillBias(out, o, outPlane, bias, f, block, lanes);
                    int phase = (oy & 1) * 2 + (ox & 1);
                    // taps at rows y-1+py+ty, columns x-1+px+tx (ty, tx in {0, 1}); +1 for the border
                    int top = (oy >> 1) + (oy & 1);
                    int left = (ox >> 1) + (ox & 1);
                    for (int c = 0; c < inC; c++) {
                        int r0 = c * inPlane + top * inRow + left * lanes;
                        int r1 = r0 + inRow;
                        if (block == BLOCK) {
                            upConvBlock(in, r0, r1, phases, ((phase * outC + f) * inC + c) * 4, inC * 4, out, o, outPlane,
                                    lanes);
                        } else {
                            for (int k = 0; k < block; k++) {
                                int wk = ((phase * outC + f + k) * inC + c) * 4;
                                int ok = o + k * outPlane;
                                float k0 = phases[wk];
                                float k1 = phases[wk + 1];
                                float k2 = phases[wk + 2];
                                float k3 = phases[wk + 3];
                                for (int b = 0; b < lanes; b++) {
                                    out[ok + b] += k0 * in[r0 + b] + k1 * in[r0 + lanes + b] + k2 * in[r1 + b]
                                            + k3 * in[r1 + lanes + b];
                                }
                            }
                        }
                    }
                    if (relu) {
                        relu(out, o, outPlane, block, lanes);
                    }
                }
            }
        }
    }

    /** Four output channels of one phase and one input channel: each input value loaded once. */
    private static void upConvBlock(float[] in, int r0, int r1, float[] phases, int wk, int channelStride, float[] out,
            int o, int outPlane, int lanes) {
        float a0 = phases[wk];
        float a1 = phases[wk + 1];
        float a2 = phases[wk + 2];
        float a3 = phases[wk + 3];
        int wb = wk + channelStride;
        float b0 = phases[wb];
        float b1 = phases[wb + 1];
        float b2 = phases[wb + 2];
        float b3 = phases[wb + 3];
        int wc = wb + channelStride;
        float c0 = phases[wc];
        float c1 = phases[wc + 1];
        float c2 = phases[wc + 2];
        float c3 = phases[wc + 3];
        int wd = wc + channelStride;
        float d0 = phases[wd];
        float d1 = phases[wd + 1];
        float d2 = phases[wd + 2];
        float d3 = phases[wd + 3];
        int o1 = o + outPlane;
        int o2 = o1 + outPlane;
        int o3 = o2 + outPlane;
        for (int b = 0; b < lanes; b++) {
            float v0 = in[r0 + b];
            float v1 = in[r0 + lanes + b];
            float v2 = in[r1 + b];
            float v3 = in[r1 + lanes + b];
            out[o + b] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
            out[o1 + b] += b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
            out[o2 + b] += c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3;
            out[o3 + b] += d0 * v0 + d1 * v1 + d2 * v2 + d3 * v3;
        }
    }

    private static void fillBias(float[] out, int o, int plane, float[] bias, int f, int block, int lanes) {
        for (int k = 0; k < block; k++) {
            Arrays.fill(out, o + k * plane, o + k * plane + lanes, bias[f + k]);
        }
    }

    private static void relu(float[] out, int o, int plane, int block, int lanes) {
        for (int k = 0; k < block; k++) {
            int ok = o + k * plane;
            for (int b = 0; b < lanes; b++) {
                out[ok + b] = Math.max(out[ok + b], 0f);
            }
        }
    }

    /**
     * The 2×2 kernels of the four phases of "upsample 2×, then 3×3 convolution": for output row
     * parity {@code py}, kernel rows {0} read the low-resolution row above and {1, 2} the row itself
     * when {@code py = 0}; {0, 1} the row itself and {2} the row below when {@code py = 1} (columns
     * alike). Layout {@code [phase = 2·py + px][out][in][ty][tx]}.
     */
    static float[] phaseKernels(float[] weight, int outC, int inC) {
        float[] phases = new float[4 * outC * inC * 4];
        for (int py = 0; py < 2; py++) {
            for (int px = 0; px < 2; px++) {
                for (int f = 0; f < outC; f++) {
                    for (int c = 0; c < inC; c++) {
                        for (int ty = 0; ty < 2; ty++) {
                            for (int tx = 0; tx < 2; tx++) {
                                float sum = 0;
                                for (int ky : TAPS[py][ty]) {
                                    for (int kx : TAPS[px][tx]) {
                                        sum += weight[((f * inC + c) * 3 + ky) * 3 + kx];
                                    }
                                }
                                phases[(((((py * 2 + px) * outC + f) * inC + c) * 2 + ty) * 2) + tx] = sum;
                            }
                        }
                    }
                }
            }
        }
        return phases;
    }
}
