package org.trustml.torch.internal;


/**
 * A 2-D convolution (cross-correlation, as {@code torch.nn.functional.conv2d}) computed directly from its
 * definition in double precision, and its exact gradient with respect to the input. The reference the
 * gradient check compares libtorch with.
 *
 * <p>For input x of shape (N, C, H, W), weight w of shape (K, C/g, R, S), stride s, zero padding p and g
 * groups, output y has shape (N, K, H', W') with H' = ⌊(H + 2p − R)/s⌋ + 1 (likewise W'), and
 * <pre>
 *   y[n,k,i,j] = Σ_{c in group(k)} Σ_{r,t} x[n,c,s·i+r−p, s·j+t−p] · w[k,c mod (C/g),r,t]
 * </pre>
 * (terms outside x are 0). For L = Σ y·u with a fixed u of y's shape, ∂L/∂x[n,c,a,b] is the sum of
 * u[n,k,i,j]·w[k,c mod (C/g),r,t] over every (k,i,j,r,t) with s·i+r−p = a and s·j+t−p = b: the transposed
 * convolution that {@link #inputGradient} accumulates term by term.
 *
 * @param batch N
 * @param channels C
 * @param height H
 * @param width W
 * @param filters K
 * @param kernel R = S
 * @param stride s
 * @param padding p
 * @param groups g (C and K divisible by g)
 */
public record ReferenceConvolution(int batch, int channels, int height, int width, int filters, int kernel,
        int stride, int padding, int groups) {

    public ReferenceConvolution {
        if (channels % groups != 0 || filters % groups != 0) {
            throw new IllegalArgumentException("channels " + channels + " and filters " + filters
                    + " must be divisible by groups " + groups);
        }
    }

    public int outHeight() {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    public int outWidth() {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    public int inputSize() {
        return batch * channels * height * width;
    }

    public int weightSize() {
        return filters * (channels / groups) * kernel * kernel;
    }

    public int outputSize() {
        return batch * filters * outHeight() * outWidth();
    }

    /** y = conv(x, w), row-major (N, K, H', W'). */
    public double[] forward(double[] x, double[] w) {
        double[] y = new double[outputSize()];
        visit((xi, wi, yi) -> y[yi] += x[xi] * w[wi]);
        return y;
    }

    /** ∂(Σ conv(x, w)·u)/∂x, row-major (N, C, H, W); it does not depend on x. */
    public double[] inputGradient(double[] w, double[] u) {
        double[] g = new double[inputSize()];
        visit((xi, wi, yi) -> g[xi] += u[yi] * w[wi]);
        return g;
    }

    private interface Term {
        void accept(int inputIndex, int weightIndex, int outputIndex);
    }

    /** Calls {@code term} once per product x[·]·w[·] that contributes to y[·]. */
    private void visit(Term term) {
        int oh = outHeight();
        int ow = outWidth();
        int perGroupIn = channels / groups;
        int perGroupOut = filters / groups;
        for (int n = 0; n < batch; n++) {
            for (int k = 0; k < filters; k++) {
                int group = k / perGroupOut;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        int yi = ((n * filters + k) * oh + i) * ow + j;
                        for (int cg = 0; cg < perGroupIn; cg++) {
                            int c = group * perGroupIn + cg;
                            for (int r = 0; r < kernel; r++) {
                                int a = stride * i + r - padding;
                                if (a < 0 || a >= height) {
                                    continue;
                                }
                                for (int t = 0; t < kernel; t++) {
                                    int b = stride * j + t - padding;
                                    if (b < 0 || b >= width) {
                                        continue;
                                    }
                                    int xi = ((n * channels + c) * height + a) * width + b;
                                    int wi = ((k * perGroupIn + cg) * kernel + r) * kernel + t;
                                    term.accept(xi, wi, yi);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
