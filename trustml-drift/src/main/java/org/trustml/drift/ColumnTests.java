package org.trustml.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustml.drift.internal.Binning;
import org.trustml.drift.internal.CategoryCounts;
import org.trustml.drift.internal.CramerVonMises;
import org.trustml.drift.internal.KolmogorovSmirnov;
import org.trustml.drift.spi.NumericColumnPair;

/** Runs the requested tests on one column pair; thresholds are the uncorrected ones. */
final class ColumnTests {
    /** Evidently: reference sizes up to this use KS/chi-square/z by default, above it distances. */
    static final int EVIDENTLY_SMALL_REFERENCE = 1000;
    /** Evidently's floor on the reference standard deviation when normalising W1. */
    static final double MIN_STD = 0.001;

    private ColumnTests() {}

    /** Evidently's default test for a numeric column (its chi-square being the two-sample one here). */
    static DriftTest defaultNumeric(NumericColumnPair pair) {
        long distinct = pair.pooledDistinct(5);
        if (pair.referenceCount() <= EVIDENTLY_SMALL_REFERENCE) {
            return distinct <= 5 ? (distinct > 2 ? DriftTest.CHI_SQUARE : DriftTest.Z) : DriftTest.KS;
        }
        return distinct <= 5 ? DriftTest.JENSEN_SHANNON : DriftTest.WASSERSTEIN;
    }

    /** Evidently's default test for a categorical column (its chi-square being the two-sample one here). */
    static DriftTest defaultCategorical(CategoryCounts counts) {
        if (counts.referenceTotal() <= EVIDENTLY_SMALL_REFERENCE) {
            return counts.categoryCount() > 2 ? DriftTest.CHI_SQUARE : DriftTest.Z;
        }
        return DriftTest.JENSEN_SHANNON;
    }

    /** Numeric tests. {@code thresholds[t.ordinal()]} is each test's threshold. */
    static List<TestResult> numeric(NumericColumnPair pair, Set<DriftTest> tests,
            double[] thresholds, PsiBinning binning, int psiBins) {
        List<TestResult> out = new ArrayList<>();
        for (DriftTest t : tests) {
            double th = thresholds[t.ordinal()];
            switch (t) {
                case KS -> {
                    KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(pair.ksStatistic(), pair.referenceCount(),
                            pair.currentCount());
                    out.add(p(t, r.statistic(), r.pValue(), th, r.exact() ? "exact" : "asymptotic", null));
                }
                case CRAMER_VON_MISES -> {
                    if (pair.referenceCount() < 2 || pair.currentCount() < 2) {
                        throw new IllegalArgumentException("Cramér–von Mises needs at least two values on each side");
                    }
                    CramerVonMises.Result r = CramerVonMises.test(pair.cramerVonMisesSums(), pair.referenceCount(),
                            pair.currentCount());
                    out.add(p(t, r.statistic(), r.pValue(), th, r.exact() ? "exact" : "asymptotic", null));
                }
                case WASSERSTEIN -> {
                    double w = pair.wasserstein();
                    double std = pair.referenceStd();
                    double norm = w / Math.max(std, MIN_STD);
                    String note = std < MIN_STD ? "reference standard deviation " + std + " below " + MIN_STD
                            + ": normalised by " + MIN_STD + " (Evidently)" : null;
                    out.add(new TestResult(t, norm, Optional.empty(), Optional.of(norm), th, norm >= th,
                            Optional.of(w), Optional.of(norm), Optional.of("W1 / max(std_ref, 0.001)"),
                            Optional.ofNullable(note)));
                }
                case PSI, JENSEN_SHANNON -> {
                    Binning.Shares s = binning == PsiBinning.EVIDENTLY
                            ? Binning.evidentlyBins(pair) : Binning.quantileBins(pair, psiBins);
                    out.add(distance(t, s, th));
                }
                case CHI_SQUARE, CHI_SQUARE_GOODNESS_OF_FIT, Z, MMD -> {
                    // not per-column numeric tests: chi-square/z run on categorical columns, MMD on the table
                }
            }
        }
        return out;
    }

    /** Categorical tests. */
    static List<TestResult> categorical(CategoryCounts counts, Set<DriftTest> tests, double[] thresholds) {
        List<TestResult> out = new ArrayList<>();
        List<String> unseen = counts.unseenInReference();
        String unseenNote = unseen.isEmpty() ? null : "categories not in the reference: " + String.join(", ", unseen);
        for (DriftTest t : tests) {
            double th = thresholds[t.ordinal()];
            switch (t) {
                case CHI_SQUARE -> {
                    CategoryCounts.ChiSquare c = counts.chiSquareContingency();
                    out.add(p(t, c.statistic(), c.pValue(), th, "two-sample 2x" + (c.degreesOfFreedom() + 1)
                            + " contingency table, no continuity correction, " + c.degreesOfFreedom()
                            + " degrees of freedom", unseenNote));
                }
                case CHI_SQUARE_GOODNESS_OF_FIT -> {
                    CategoryCounts.ChiSquare c = counts.chiSquareGoodnessOfFit();
                    out.add(p(t, c.statistic(), c.pValue(), th, "one-sample goodness of fit to the reference shares, "
                            + c.degreesOfFreedom() + " degrees of freedom", unseenNote));
                }
                case Z -> {
                    CategoryCounts.ZTest z = counts.zTest();
                    String note = counts.categoryCount() > 2
                            ? "more than two categories: first category (sorted) against the rest" : unseenNote;
                    out.add(p(t, z.statistic(), z.pValue(), th, "pooled two-proportion z", note));
                }
                case PSI, JENSEN_SHANNON -> out.add(distance(t, counts.binShares(), th));
                default -> {
                    // numeric-only tests do not apply
                }
            }
        }
        return out;
    }

    private static TestResult distance(DriftTest t, Binning.Shares s, double th) {
        double d = t == DriftTest.PSI ? Binning.psi(s) : Binning.jensenShannon(s.reference(), s.current());
        String method = t == DriftTest.PSI ? s.note() + ", empty bins filled (1e-4)" : s.note();
        return new TestResult(t, d, Optional.empty(), Optional.of(d), th, d >= th, Optional.empty(),
                Optional.empty(), Optional.of(method), Optional.empty());
    }

    private static TestResult p(DriftTest t, double stat, double p, double th, String method, String note) {
        return new TestResult(t, stat, Optional.of(p), Optional.empty(), th, p < th, Optional.empty(),
                Optional.empty(), Optional.ofNullable(method), Optional.ofNullable(note));
    }
}
