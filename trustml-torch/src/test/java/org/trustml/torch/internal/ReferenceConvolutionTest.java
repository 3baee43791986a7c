package org.trustml.torch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceConvolutionTest {
    static ReferenceConvolution[] shapes() {
        return new ReferenceConvolution[] {
            new ReferenceConvolution(2, 3, 7, 6, 4, 3, 1, 1, 1),
            new ReferenceConvolution(1, 4, 9, 9, 4, 3, 2, 1, 4),
            new ReferenceConvolution(2, 4, 8, 5, 6, 2, 2, 0, 2),
        };
    }

    /**
     * The exact input gradient against central finite differences of {@link ReferenceConvolution#forward}:
     * L is linear in x, so (L(x + h·e) − L(x − h·e))/2h equals ∂L/∂x up to rounding (h = 0.5, expected
     * agreement ~1e-13 on values of order 1–10; 1e-9 allowed).
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void inputGradientEqualsCentralFiniteDifferences(ReferenceConvolution c) {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = r.doubles(c.inputSize(), -1, 1).toArray();
        double[] w = r.doubles(c.weightSize(), -1, 1).toArray();
        double[] u = r.doubles(c.outputSize(), -1, 1).toArray();
        double[] g = c.inputGradient(w, u);
        double h = 0.5;
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double up = dot(c.forward(x, w), u);
            x[i] = keep - h;
            double down = dot(c.forward(x, w), u);
            x[i] = keep;
            assertThat(g[i]).as("dL/dx[%d]", i).isCloseTo((up - down) / (2 * h), within(1e-9));
        }
    }

    /** A hand-computed case: 1×1×3×3 input, one 2×2 all-ones filter, stride 1, no padding, u all ones. */
    @org.junit.jupiter.api.Test
    void handComputedCase() {
        ReferenceConvolution c = new ReferenceConvolution(1, 1, 3, 3, 1, 2, 1, 0, 1);
        double[] y = c.forward(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new double[] {1, 1, 1, 1});
        // 1+2+4+5, 2+3+5+6, 4+5+7+8, 5+6+8+9
        assertThat(y).containsExactly(12, 16, 24, 28);
        // each input entry counted once per 2×2 window that covers it
        assertThat(c.inputGradient(new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1}))
                .containsExactly(1, 2, 1, 2, 4, 2, 1, 2, 1);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
