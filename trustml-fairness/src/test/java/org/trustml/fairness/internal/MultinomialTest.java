package org.trustml.fairness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * The binomial sampler against the exact probabilities (commons-math3's {@code BinomialDistribution}): Pearson's
 * goodness-of-fit statistic of seeded draws stays below the 99.9% point of its χ² distribution, and moments of draws
 * with n in the millions are within four standard errors. Seeded, so each check is one fixed outcome, not a flaky one.
 */
class MultinomialTest {
    private static void assertFits(long n, double p, int draws, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] counts = new long[(int) n + 1];
        for (int i = 0; i < draws; i++) {
            counts[(int) Multinomial.binomial(r, n, p)]++;
        }
        BinomialDistribution exact = new BinomialDistribution(null, (int) n, p);
        // adjacent values pooled left to right until a bin expects >= 5 draws; a short last bin joins the one before
        java.util.List<double[]> bins = new java.util.ArrayList<>();
        double expected = 0;
        long observed = 0;
        for (int k = 0; k <= n; k++) {
            expected += draws * exact.probability(k);
            observed += counts[k];
            if (expected >= 5) {
                bins.add(new double[] {expected, observed});
                expected = 0;
                observed = 0;
            }
        }
        double[] last = bins.get(bins.size() - 1);
        last[0] += expected;
        last[1] += observed;
        double chi2 = 0;
        for (double[] b : bins) {
            chi2 += (b[1] - b[0]) * (b[1] - b[0]) / b[0];
        }
        double critical = new ChiSquaredDistribution(null, bins.size() - 1).inverseCumulativeProbability(0.999);
        assertThat(chi2).as("Bin(%d, %s): chi2 over %d bins", n, p, bins.size()).isLessThan(critical);
    }

    @Test
    void smallAndSkewedBinomialsFitTheirProbabilities() {
        assertFits(40, 0.3, 20000, 1);
        assertFits(7, 0.05, 20000, 2);
        assertFits(25, 0.9, 20000, 3);   // p > 1/2 is drawn as n − Bin(n, 1 − p)
        assertFits(1, 0.5, 20000, 4);
        assertFits(2000, 0.001, 20000, 5);
    }

    @Test
    void aMillionTrialsHaveTheRightMeanAndVariance() {
        long n = 1_000_000;
        double p = 0.37;
        int draws = 4000;
        SplittableRandom r = new SplittableRandom(6);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < draws; i++) {
            double x = Multinomial.binomial(r, n, p);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / draws;
        double var = (sumSq - sum * sum / draws) / (draws - 1);
        double sigma2 = n * p * (1 - p);
        // the mean of 4000 draws has standard error √(σ²/4000); the sample variance ≈ σ²·(1 ± √(2/3999))
        assertThat(Math.abs(mean - n * p)).isLessThan(4 * Math.sqrt(sigma2 / draws));
        assertThat(Math.abs(var / sigma2 - 1)).isLessThan(4 * Math.sqrt(2.0 / (draws - 1)));
    }

    @Test
    void edgesAndMultinomialTotals() {
        SplittableRandom r = new SplittableRandom(7);
        assertThat(Multinomial.binomial(r, 0, 0.3)).isZero();
        assertThat(Multinomial.binomial(r, 10, 0)).isZero();
        assertThat(Multinomial.binomial(r, 10, 1)).isEqualTo(10);
        long[] sizes = {0, 5, 3, 12, 1};
        long[] out = new long[5];
        for (int i = 0; i < 100; i++) {
            Multinomial.draw(r, 21, sizes, 1, 5, out);
            assertThat(out[1] + out[2] + out[3] + out[4]).isEqualTo(21);
            assertThat(out[0]).isZero();
        }
    }
}
