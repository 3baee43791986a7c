package org.trustml.drift.internal;

import java.util.SortedMap;
import java.util.TreeMap;
import org.trustml.drift.spi.NumericColumnPair;

/** A numeric column of two in-memory tables: two {@link SortedSample}s, every query answered from the arrays. */
public final class SortedSamplePair implements NumericColumnPair {
    private final SortedSample ref;
    private final SortedSample cur;

    public SortedSamplePair(SortedSample reference, SortedSample current) {
        this.ref = reference;
        this.cur = current;
    }

    /** The reference sample. */
    public SortedSample reference() {
        return ref;
    }

    /** The current sample. */
    public SortedSample current() {
        return cur;
    }

    @Override
    public long referenceCount() {
        return ref.size();
    }

    @Override
    public long currentCount() {
        return cur.size();
    }

    @Override
    public long referenceMissing() {
        return ref.missing();
    }

    @Override
    public long currentMissing() {
        return cur.missing();
    }

    @Override
    public double ksStatistic() {
        return KolmogorovSmirnov.statistic(ref.values(), cur.values());
    }

    @Override
    public double wasserstein() {
        return Wasserstein.distance(ref.values(), cur.values());
    }

    @Override
    public double[] cramerVonMisesSums() {
        return CramerVonMises.midrankSums(ref.values(), cur.values());
    }

    @Override
    public double referenceMean() {
        return ref.mean();
    }

    @Override
    public double referenceStd() {
        return ref.std();
    }

    @Override
    public long pooledDistinct(int cap) {
        double[] a = ref.values();
        double[] b = cur.values();
        int i = 0;
        int j = 0;
        long count = 0;
        while (i < a.length || j < b.length) {
            double x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            count++;
            if (count > cap) {
                return count;
            }
            while (i < a.length && a[i] == x) {
                i++;
            }
            while (j < b.length && b[j] == x) {
                j++;
            }
        }
        return count;
    }

    @Override
    public long referenceDistinct(int cap) {
        return ref.distinctCount();
    }

    @Override
    public double[] pooledRange() {
        double[] a = ref.values();
        double[] b = cur.values();
        return new double[] {Math.min(a[0], b[0]), Math.max(a[a.length - 1], b[b.length - 1])};
    }

    @Override
    public double[] referenceAt(long[] ranks) {
        double[] out = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = ref.values()[Math.toIntExact(ranks[i])];
        }
        return out;
    }

    @Override
    public long[][] countAtMost(double[] x) {
        long[][] out = new long[2][x.length];
        for (int i = 0; i < x.length; i++) {
            out[0][i] = ref.countAtMost(x[i]);
            out[1][i] = cur.countAtMost(x[i]);
        }
        return out;
    }

    @Override
    public long[][] countBelow(double[] x) {
        long[][] out = new long[2][x.length];
        for (int i = 0; i < x.length; i++) {
            out[0][i] = ref.countBelow(x[i]);
            out[1][i] = cur.countBelow(x[i]);
        }
        return out;
    }

    @Override
    public SortedMap<Double, long[]> pooledValues() {
        SortedMap<Double, long[]> out = new TreeMap<>();
        for (double v : ref.values()) {
            out.computeIfAbsent(v, k -> new long[2])[0]++;
        }
        for (double v : cur.values()) {
            out.computeIfAbsent(v, k -> new long[2])[1]++;
        }
        return out;
    }
}
