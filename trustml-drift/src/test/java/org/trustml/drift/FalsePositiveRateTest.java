package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.drift.internal.Exceedances;
import org.trustml.drift.internal.KolmogorovSmirnov;
import org.trustml.drift.internal.SortedSample;

/**
 * Every test that gives a p-value, run on two seeded samples of one distribution many times: the
 * share flagged at alpha 0.05 must be the test's size.
 *
 * <p>Tolerance: with {@code N} simulations the flagged count is {@code Bin(N, s)}, {@code s} the
 * test's size; it must lie in the central 99.9% interval of that binomial (about
 * {@code s ± 3.3 sqrt(s(1 - s)/N)}: for N = 1000 and s = 0.05, 29 to 74 of 1000). The size
 * {@code s} is alpha for the tests with a continuous (asymptotic) null distribution; for an exact
 * test of a discrete statistic it is the largest p-value below alpha that the test can return
 * (computed here), and for a permutation test with {@code B} permutations the share of the
 * {@code B + 1} equally likely ranks whose p-value is below alpha. Sizes include unequal samples.
 * Every simulation is seeded, so the counts are the same on every run.
 */
class FalsePositiveRateTest {
    static final double ALPHA = 0.05;
    static final String[] CATEGORIES = {"a", "b", "c", "d"};
    static final double[] FOUR = {0.4, 0.3, 0.2, 0.1};
    static final double[] TWO = {0.7, 0.3};

    /** The flagged count lies in the central 99.9% interval of {@code Bin(sims, size)}. */
    static void assertCalibrated(String what, int flagged, int sims, double size) {
        BinomialDistribution b = BinomialDistribution.of(sims, size);
        int lo = b.inverseCumulativeProbability(0.0005);
        int hi = b.inverseSurvivalProbability(0.0005);
        assertThat(flagged).as("%s: %s of %s flagged, expected %s..%s (99.9%% of Bin(%s, %.4f))", what, flagged,
                sims, lo, hi, sims, size).isBetween(lo, hi);
    }

    static String[] categories(SplittableRandom r, int n, double[] p) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int k = 0;
            double upTo = p[0];
            while (u >= upTo && k < p.length - 1) {
                k++;
                upTo += p[k];
            }
            out[i] = CATEGORIES[k];
        }
        return out;
    }

    static double[] normal(SplittableRandom r, int n) {
        return DriftTestsTest.normal(r.nextLong(), n, 0);
    }

    static Table numeric(double[] x) {
        return Table.of(DoubleColumn.of("x", x));
    }

    static Table categorical(String[] x) {
        return Table.of(StringColumn.of("x", x));
    }

    /** How many of {@code sims} pairs of categorical samples of {@code p} the test flags. */
    static int flaggedCategorical(DriftTest test, double[] p, int n, int m, int sims, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int flagged = 0;
        for (int s = 0; s < sims; s++) {
            Table ref = categorical(categories(r, n, p));
            Table cur = categorical(categories(r, m, p));
            flagged += Drift.between(ref, cur).tests(test).alpha(ALPHA).report().drifted() ? 1 : 0;
        }
        return flagged;
    }

    /** How many of {@code sims} pairs of standard normal samples the test flags. */
    static int flaggedNumeric(DriftTest test, int n, int m, int sims, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int flagged = 0;
        for (int s = 0; s < sims; s++) {
            flagged += Drift.between(numeric(normal(r, n)), numeric(normal(r, m))).tests(test).alpha(ALPHA).report()
                    .drifted() ? 1 : 0;
        }
        return flagged;
    }

    /** The exact KS test's size: its largest p-value below alpha ({@code p} falls as {@code D} grows). */
    static double exactKsSize(int n, int m, double alpha) {
        long lcm = n / gcd(n, m) * (long) m;
        long lo = 1;
        long hi = lcm;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (KolmogorovSmirnov.exactPValue(n, m, mid) < alpha) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return KolmogorovSmirnov.exactPValue(n, m, lo);
    }

    static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Test
    void twoSampleChiSquareFlagsTwoSamplesOfOneDistributionAtAlpha() {
        // the case (5,000 and 4,000 rows, four categories): 22% with the one-sample test
        assertCalibrated("chisquare 5000/4000", flaggedCategorical(DriftTest.CHI_SQUARE, FOUR, 5000, 4000, 400, 1), 400,
                ALPHA);
        for (int[] size : new int[][] {{50, 40}, {200, 500}}) {
            int flagged = flaggedCategorical(DriftTest.CHI_SQUARE, FOUR, size[0], size[1], 1000, size[0]);
            assertCalibrated("chisquare " + size[0] + "/" + size[1], flagged, 1000, ALPHA);
        }
    }

    @Test
    void chiSquareIsTheDefaultForFewCategoriesAndFlagsAtAlpha() {
        SplittableRandom r = new SplittableRandom(11);
        int flagged = 0;
        for (int s = 0; s < 1000; s++) {
            DriftReport report = Drift.between(categorical(categories(r, 120, FOUR)), categorical(categories(r, 80, FOUR)))
                    .report();
            assertThat(report.columns().get(0).tests().get(0).test()).isEqualTo(DriftTest.CHI_SQUARE);
            flagged += report.drifted() ? 1 : 0;
        }
        assertCalibrated("default test 120/80", flagged, 1000, ALPHA);
    }

    @Test
    void goodnessOfFitIsCalibratedAgainstAKnownDistributionOnly() {
        // reference = the distribution itself: 1,000 rows in the exact shares 40/30/20/10 %
        String[] exact = new String[1000];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = i < 400 ? "a" : i < 700 ? "b" : i < 900 ? "c" : "d";
        }
        Table known = categorical(exact);
        for (int m : new int[] {100, 1000}) {
            SplittableRandom r = new SplittableRandom(m);
            int flagged = 0;
            for (int s = 0; s < 1000; s++) {
                flagged += Drift.between(known, categorical(categories(r, m, FOUR)))
                        .tests(DriftTest.CHI_SQUARE_GOODNESS_OF_FIT).report().drifted() ? 1 : 0;
            }
            assertCalibrated("chisquare_goodness_of_fit, known reference, " + m + " current", flagged, 1000, ALPHA);
        }
        // with a sampled reference it ignores the reference's sampling error: far above alpha
        // (measured 52.6% for 200 reference and 500 current rows, 1,000 simulations)
        int flagged = flaggedCategorical(DriftTest.CHI_SQUARE_GOODNESS_OF_FIT, FOUR, 200, 500, 400, 3);
        assertThat(flagged).as("one-sample chi-square on two samples").isGreaterThan(
                BinomialDistribution.of(400, ALPHA).inverseSurvivalProbability(0.0005));
    }

    @Test
    void zTestFlagsAtAlpha() {
        for (int[] size : new int[][] {{60, 40}, {200, 200}, {1000, 300}}) {
            int flagged = flaggedCategorical(DriftTest.Z, TWO, size[0], size[1], 1000, 17L * size[0] + size[1]);
            assertCalibrated("z " + size[0] + "/" + size[1], flagged, 1000, ALPHA);
        }
    }

    @Test
    void ksFlagsAtItsExactSize() {
        for (int[] size : new int[][] {{40, 60}, {100, 100}, {300, 120}}) {
            double exactSize = exactKsSize(size[0], size[1], ALPHA);
            int flagged = flaggedNumeric(DriftTest.KS, size[0], size[1], 1000, 31L * size[0] + size[1]);
            assertCalibrated("ks " + size[0] + "/" + size[1], flagged, 1000, exactSize);
        }
        // the asymptotic path (larger sample above 10,000): 300 simulations
        assertCalibrated("ks 12000/10500", flaggedNumeric(DriftTest.KS, 12000, 10500, 300, 5), 300, ALPHA);
    }

    @Test
    void cramerVonMisesFlagsAtAlpha() {
        for (int[] size : new int[][] {{40, 60}, {300, 120}}) {
            int flagged = flaggedNumeric(DriftTest.CRAMER_VON_MISES, size[0], size[1], 1000, 37L * size[0] + size[1]);
            assertCalibrated("cvm " + size[0] + "/" + size[1], flagged, 1000, ALPHA);
        }
        // 8/11 takes the exact path (both <= 20), which enumerates the null distribution on each call:
        // 200 simulations (interval 2..21 of 200)
        assertCalibrated("cvm 8/11", flaggedNumeric(DriftTest.CRAMER_VON_MISES, 8, 11, 200, 307), 200, ALPHA);
    }

    /** How many of {@code sims} pairs of two-column normal tables MMD flags at {@code threshold}. */
    static int flaggedMmd(int n, int m, int permutations, double threshold, int sims, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int flagged = 0;
        for (int s = 0; s < sims; s++) {
            Table ref = Table.of(DoubleColumn.of("a", normal(r, n)), DoubleColumn.of("b", normal(r, n)));
            Table cur = Table.of(DoubleColumn.of("a", normal(r, m)), DoubleColumn.of("b", normal(r, m)));
            flagged += Drift.between(ref, cur).tests(DriftTest.MMD).mmd(permutations, 500)
                    .threshold(DriftTest.MMD, threshold).seed(s).report().mmd().orElseThrow().drifted() ? 1 : 0;
        }
        return flagged;
    }

    /** A permutation test's size: the share of the B + 1 equally likely ranks whose p-value is below u. */
    static double permutationSize(int permutations, double u) {
        int below = 0;
        for (int a = 0; a <= permutations; a++) {
            below += (1.0 + a) / (1.0 + permutations) < u ? 1 : 0;
        }
        return (double) below / (permutations + 1);
    }

    @Test
    void mmdFlagsAtItsPermutationSizeAtEveryThreshold() {
        // 100 permutations: size 5/101 at 0.05. Small samples keep 1,000 simulations cheap.
        for (int[] size : new int[][] {{20, 30}, {40, 40}}) {
            int flagged = flaggedMmd(size[0], size[1], 100, ALPHA, 1000, 41L * size[0] + size[1]);
            assertCalibrated("mmd " + size[0] + "/" + size[1], flagged, 1000, permutationSize(100, ALPHA));
        }
        // at a threshold below 1/(B + 1) no p-value can pass: alibi-detect's A/B was 0 in 1/(B + 1) of
        // the simulations (measured 1.0% at 0.001 and 18.4% at 0.05 with 5 permutations)
        assertThat(permutationSize(100, 0.001)).isZero();
        assertThat(flaggedMmd(20, 30, 100, 0.001, 1000, 43)).as("mmd at threshold 0.001").isZero();
        assertThat(flaggedMmd(20, 20, 5, ALPHA, 1000, 47)).as("mmd with 5 permutations").isZero();
    }

    @Test
    void autoencoderCheckersTestsFlagABatchOfTheReferenceDistributionAtAlpha() {
        // The checker's decision on scores (BatchTests, as AutoencoderChecker.check runs it), with
        // calibration and batch scores drawn from one distribution: m calibration scores set the high
        // threshold at their 0.95-quantile; n batch scores are tested against them.
        AutoencoderConfig config = AutoencoderConfig.defaults();
        for (int[] size : new int[][] {{200, 100}, {200, 500}, {60, 30}}) {
            int m = size[0];
            int n = size[1];
            SplittableRandom r = new SplittableRandom(53L * m + n);
            int countFlagged = 0;
            int ksFlagged = 0;
            int verdicts = 0;
            int sims = 1000;
            for (int s = 0; s < sims; s++) {
                SortedSample calibration = SortedSample.of(normal(r, m));
                double high = calibration.quantile(config.highQuantile());
                double low = calibration.quantile(config.lowQuantile());
                BatchVerdict v = BatchTests.verdict(normal(r, n), calibration.values(), high, low, config);
                countFlagged += v.binomialPValue() < ALPHA ? 1 : 0;
                ksFlagged += v.ksPValue() < ALPHA ? 1 : 0;
                verdicts += v.drifted() ? 1 : 0;
            }
            String what = "checker, " + m + " calibration scores, batch of " + n;
            assertCalibrated(what + ", anomaly count", countFlagged, sims, exceedanceSize(m, n, config, ALPHA));
            assertCalibrated(what + ", KS", ksFlagged, sims, exactKsSize(n, m, ALPHA));
            // the verdict: either test at alpha/2, so at most alpha
            assertThat(verdicts).as(what + ", verdict").isLessThanOrEqualTo(
                    BinomialDistribution.of(sims, ALPHA).inverseSurvivalProbability(0.0005));
        }
    }

    /** The exceedance test's size: its largest p-value below alpha. */
    static double exceedanceSize(int m, int n, AutoencoderConfig config, double alpha) {
        int j = Exceedances.rankAtOrBelow(m, config.highQuantile());
        return IntStream.rangeClosed(0, n).mapToDouble(x -> Exceedances.survival(m, j, n, x)).filter(p -> p < alpha)
                .max().orElse(0.0);
    }
}
