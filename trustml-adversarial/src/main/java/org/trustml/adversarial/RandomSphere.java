package org.trustml.adversarial;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.trustml.adversarial.internal.IncompleteGamma;

/**
 * Random starting perturbations inside the eps-ball, drawn as ART's {@code art.utils.random_sphere}
 * draws them (the distributions, not numpy's random stream):
 * <ul>
 *   <li>∞: each coordinate uniform in [−r, r];</li>
 *   <li>2: a ~ N(0, I), s = ‖a‖², δ = a · P(d/2, s/2)^(1/d) · r / √s (uniform in the L2 ball);</li>
 *   <li>1: the d spacings of d sorted uniforms, each with a random sign, times r.</li>
 * </ul>
 */
final class RandomSphere {
    private RandomSphere() {}

    /** {@code n} perturbations of {@code d} features, row-major. */
    static float[] sample(RandomGenerator rng, int n, int d, float radius, Norm norm) {
        float[] out = new float[Math.multiplyExact(n, d)];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            switch (norm) {
                case INF -> {
                    for (int j = 0; j < d; j++) {
                        row[j] = -radius + 2.0 * radius * rng.nextDouble();
                    }
                }
                case L2 -> {
                    double s2 = 0;
                    for (int j = 0; j < d; j++) {
                        row[j] = rng.nextGaussian();
                        s2 += row[j] * row[j];
                    }
                    double base = s2 == 0 ? 0
                            : Math.pow(IncompleteGamma.regularizedP(d / 2.0, s2 / 2.0), 1.0 / d) * radius / Math.sqrt(s2);
                    for (int j = 0; j < d; j++) {
                        row[j] *= base;
                    }
                }
                case L1 -> {
                    for (int j = 0; j < d; j++) {
                        row[j] = rng.nextDouble();
                    }
                    Arrays.sort(row);
                    double previous = 0;
                    for (int j = 0; j < d; j++) {
                        double spacing = row[j] - previous;
                        previous = row[j];
                        row[j] = radius * spacing * (rng.nextBoolean() ? 1 : -1);
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) row[j];
            }
        }
        return out;
    }
}
