package org.trustml.drift.spi;

import java.util.SortedMap;

/**
 * One numeric column in the reference and the current table, as the drift tests read it: the non-missing values
 * of each side in ascending order ({@code -0.0} counted as {@code 0.0}, infinities kept, NaN and empty cells
 * missing), and their pooled distinct values. The queries come in batches, so an engine that holds the values
 * elsewhere answers each batch with one pass. Ranks and counts are exact; no query is approximate.
 *
 * <p>The statistics that walk both samples in merge order are defined by that walk, so that every engine gives
 * the same double: at each pooled distinct value {@code x}, with {@code i} reference and {@code j} current values
 * {@code <= x} ({@code n} and {@code m} in all), and {@code prev} the pooled distinct value before {@code x}
 * ({@code x} itself for the first).
 */
public interface NumericColumnPair {
    /** Non-missing reference values, {@code n}. */
    long referenceCount();

    /** Non-missing current values, {@code m}. */
    long currentCount();

    /** Missing reference values. */
    long referenceMissing();

    /** Missing current values. */
    long currentMissing();

    /**
     * The two-sample Kolmogorov–Smirnov statistic: the largest {@code Math.abs((double) i / n - (double) j / m)}
     * over the pooled distinct values.
     */
    double ksStatistic();

    /**
     * The first Wasserstein distance: the sum, in ascending order of {@code x}, of
     * {@code Math.abs((double) i' / n - (double) j' / m) * (x - prev)} with {@code i'}, {@code j'} the counts
     * below {@code x} (scipy's {@code wasserstein_distance}). An engine that adds partial sums of consecutive
     * ranges agrees to rounding.
     */
    double wasserstein();

    /**
     * The midrank sums of the two-sample Cramér–von Mises statistic: {@code {Σ_a (r_a − a)², Σ_b (s_b − b)²}}
     * over the reference values (1-based position {@code a} among them) and the current values ({@code b}),
     * {@code r} and {@code s} their 1-based midranks in the pooled sample.
     */
    double[] cramerVonMisesSums();

    /** Population mean of the reference values. */
    double referenceMean();

    /** Population standard deviation of the reference values (ddof 0, two-pass: Σ (v − mean)² / n). */
    double referenceStd();

    /** The number of pooled distinct values, or any number above {@code cap} when there are more. */
    long pooledDistinct(int cap);

    /** The number of distinct reference values, or any number above {@code cap} when there are more. */
    long referenceDistinct(int cap);

    /** The smallest and the largest pooled value. */
    double[] pooledRange();

    /** The reference values at these 0-based positions in ascending order (each {@code < n}). */
    double[] referenceAt(long[] ranks);

    /** {@code {reference counts, current counts}} of values {@code <= x} for each {@code x}. */
    long[][] countAtMost(double[] x);

    /** {@code {reference counts, current counts}} of values {@code < x} for each {@code x}. */
    long[][] countBelow(double[] x);

    /**
     * Every pooled distinct value with its {@code {reference count, current count}}, ascending; asked only when
     * the reference has few distinct values (one bin per value). An engine may refuse more values than it can
     * hand over.
     */
    SortedMap<Double, long[]> pooledValues();
}
