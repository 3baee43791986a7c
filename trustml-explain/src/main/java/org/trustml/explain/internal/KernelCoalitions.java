package org.trustml.explain.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The coalitions KernelSHAP evaluates and their weights, chosen as shap 0.4x's {@code KernelExplainer.explain}
 * chooses them (Lundberg and Lee 2017, §4.1 and the shap source):
 *
 * <ol>
 * <li>the Shapley kernel over subset sizes {@code s = 1 … ⌈(M−1)/2⌉}: {@code (M−1) / (s (M−s))}, doubled for the
 * sizes whose complement has another size ({@code s ≤ ⌊(M−1)/2⌋}), normalised to sum 1;</li>
 * <li>whole sizes first: size {@code s} (with its complements) is enumerated when the samples left times its
 * share of the remaining weight covers every subset of that size ({@code ≥ 1 − 10⁻⁸} per subset); each enumerated
 * coalition weighs {@code kernel(s) / C(M, s)}, halved when paired with its complement;</li>
 * <li>the rest drawn at random: a size from the remaining kernel (paired sizes' weight halved, as each draw adds
 * two coalitions), a uniformly random subset of that size, then its complement; a coalition drawn again adds 1
 * to its count (and its complement's) instead of a new row; at most {@code 4 × samples left} draws; the counts
 * are finally scaled to the kernel weight the enumerated sizes left.</li>
 * </ol>
 *
 * <p>Sampling is incremental ({@link #sampleUpTo}), so an "anytime" explainer can stop between rounds; the rows
 * and counts after {@code n} coalitions do not depend on where it paused. Draw {@code k} of the random part belongs
 * to batch {@code k mod B}; {@link #drainIncrements} reports each count with its batch, from which the explainer
 * keeps {@code B} smaller estimates for the batch-means standard error. Random numbers come from the caller's
 * {@link SplittableRandom}.
 */
public final class KernelCoalitions {
    private final int m;
    private final int budget;
    private final int batches;
    private final List<boolean[]> masks = new ArrayList<>();
    /** Weights of the enumerated coalitions (the first {@link #fixed} rows). */
    private final double[] fixedWeights;
    private final int fixed;
    private final boolean exact;
    private final double weightLeft;
    /** Draw counts of the sampled rows (row {@code fixed + i} at index {@code i}). */
    private double[] counts = new double[16];
    private final Map<Key, Integer> drawn = new HashMap<>();
    private final List<int[]> increments = new ArrayList<>();
    private final SplittableRandom random;
    private final double[] sizeCdf;
    private final int firstRandomSize;
    private final int pairedSizes;
    private final long maxDraws;
    private long draws;

    /**
     * The design for {@code m ≥ 2} players and a budget of {@code samples} coalitions (capped at {@code 2^M − 2}
     * for {@code M ≤ 30}, as shap caps {@code nsamples}); the enumerated part is built at once.
     */
    public KernelCoalitions(int m, int samples, int batches, SplittableRandom random) {
        if (m < 2) {
            throw new IllegalArgumentException("KernelSHAP needs at least 2 players, got " + m);
        }
        this.m = m;
        this.budget = m <= 30 ? (int) Math.min(samples, (1L << m) - 2) : samples;
        this.batches = batches;
        this.random = random;
        int sizes = (m - 1 + 1) / 2; // ⌈(M−1)/2⌉
        int paired = (m - 1) / 2; // ⌊(M−1)/2⌋
        this.pairedSizes = paired;
        double[] kernel = new double[sizes];
        double sum = 0;
        for (int s = 1; s <= sizes; s++) {
            kernel[s - 1] = (m - 1.0) / (s * (double) (m - s)) * (s <= paired ? 2 : 1);
            sum += kernel[s - 1];
        }
        for (int i = 0; i < sizes; i++) {
            kernel[i] /= sum;
        }
        double[] remaining = kernel.clone();
        double left = budget;
        int full = 0;
        List<Double> weights = new ArrayList<>();
        for (int s = 1; s <= sizes; s++) {
            double subsets = binomial(m, s) * (s <= paired ? 2 : 1);
            if (left * remaining[s - 1] / subsets < 1.0 - 1e-8) {
                break;
            }
            full++;
            left -= subsets;
            if (remaining[s - 1] < 1.0) {
                double r = 1 - remaining[s - 1];
                for (int i = 0; i < sizes; i++) {
                    remaining[i] /= r;
                }
            }
            double w = kernel[s - 1] / binomial(m, s) / (s <= paired ? 2 : 1);
            int[] combination = new int[s];
            for (int i = 0; i < s; i++) {
                combination[i] = i;
            }
            do {
                boolean[] mask = new boolean[m];
                for (int i : combination) {
                    mask[i] = true;
                }
                masks.add(mask);
                weights.add(w);
                if (s <= paired) {
                    masks.add(complement(mask));
                    weights.add(w);
                }
            } while (next(combination, m));
        }
        this.fixed = masks.size();
        this.fixedWeights = weights.stream().mapToDouble(Double::doubleValue).toArray();
        this.exact = full == sizes;
        double wl = 0;
        for (int i = full; i < sizes; i++) {
            wl += kernel[i];
        }
        this.weightLeft = wl;
        this.firstRandomSize = full + 1;
        double[] draw = new double[sizes - full];
        double drawSum = 0;
        for (int i = full; i < sizes; i++) {
            draw[i - full] = kernel[i] / (i + 1 <= paired ? 2 : 1);
            drawSum += draw[i - full];
        }
        this.sizeCdf = new double[draw.length];
        double acc = 0;
        for (int i = 0; i < draw.length; i++) {
            acc += draw[i] / drawSum;
            sizeCdf[i] = acc;
        }
        this.maxDraws = exact ? 0 : 4L * (budget - fixed);
    }

    /** The number of players. */
    public int players() {
        return m;
    }

    /** The budget of coalitions after shap's cap. */
    public int budget() {
        return budget;
    }

    /** True when every subset size was enumerated: the estimate is then exact (no random part). */
    public boolean exact() {
        return exact;
    }

    /** Coalitions so far (enumerated first, then sampled), in the order they were added. */
    public List<boolean[]> masks() {
        return masks;
    }

    /** Number of enumerated coalitions. */
    public int fixedCount() {
        return fixed;
    }

    /** True when no further coalition can be drawn (budget reached, draws exhausted or nothing random). */
    public boolean finished() {
        return exact || masks.size() >= budget || draws >= maxDraws;
    }

    /**
     * Draws until there are {@code target} coalitions (at most the budget) or draws run out, as shap's loop
     * {@code while samples_left > 0 and ind_set_pos < len(ind_set)}.
     */
    public void sampleUpTo(int target) {
        int goal = Math.min(target, budget);
        int[] order = new int[m];
        while (!exact && masks.size() < goal && draws < maxDraws) {
            int batch = (int) (draws % batches);
            draws++;
            int sizeIndex = pick(random.nextDouble());
            int size = sizeIndex + firstRandomSize;
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            boolean[] mask = new boolean[m];
            for (int t = 0; t < size; t++) { // the first `size` of a uniform random permutation
                int j = t + random.nextInt(m - t);
                int tmp = order[t];
                order[t] = order[j];
                order[j] = tmp;
                mask[order[t]] = true;
            }
            Key key = new Key(mask);
            Integer seen = drawn.get(key);
            boolean paired = size <= pairedSizes;
            if (seen == null) {
                int row = masks.size();
                drawn.put(key, row);
                add(mask, batch);
                if (paired && masks.size() < budget) {
                    add(complement(mask), batch);
                }
            } else {
                count(seen - fixed, batch);
                if (paired && masks.size() < budget) {
                    count(seen + 1 - fixed, batch);
                }
            }
        }
    }

    private void add(boolean[] mask, int batch) {
        masks.add(mask);
        int i = masks.size() - 1 - fixed;
        if (i >= counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
        }
        count(i, batch);
    }

    private void count(int sampled, int batch) {
        counts[sampled] += 1;
        increments.add(new int[] {fixed + sampled, batch});
    }

    /**
     * The draws counted since the last call, in order, as {@code {row, batch}}: a new row's first count or a
     * repeated draw's extra count (what incremental normal equations add).
     */
    public List<int[]> drainIncrements() {
        List<int[]> out = List.copyOf(increments);
        increments.clear();
        return out;
    }

    /** The kernel weight the sampled rows share: what the enumerated sizes left. */
    public double weightLeft() {
        return weightLeft;
    }

    /** The enumerated rows' weights (a new array). */
    public double[] fixedWeights() {
        return fixedWeights.clone();
    }

    /** The kernel weight of every coalition so far: enumerated weights, then draw counts scaled to the weight left. */
    public double[] weights() {
        int n = masks.size();
        double[] w = new double[n];
        System.arraycopy(fixedWeights, 0, w, 0, fixed);
        double total = 0;
        for (int i = 0; i < n - fixed; i++) {
            total += counts[i];
        }
        for (int i = 0; i < n - fixed; i++) {
            w[fixed + i] = counts[i] * weightLeft / total;
        }
        return w;
    }

    /** Number of batches the draws are spread over. */
    public int batches() {
        return batches;
    }

    private int pick(double u) {
        for (int i = 0; i < sizeCdf.length; i++) {
            if (u < sizeCdf[i]) {
                return i;
            }
        }
        return sizeCdf.length - 1;
    }

    private static boolean[] complement(boolean[] mask) {
        boolean[] c = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            c[i] = !mask[i];
        }
        return c;
    }

    /** Next combination of {@code k = c.length} out of {@code n} in lexicographic order (itertools.combinations). */
    private static boolean next(int[] c, int n) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int j = i + 1; j < k; j++) {
            c[j] = c[j - 1] + 1;
        }
        return true;
    }

    /** {@code C(n, k)} as a double (scipy.special.binom). */
    public static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    private record Key(boolean[] mask) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(mask, k.mask);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(mask);
        }
    }
}
