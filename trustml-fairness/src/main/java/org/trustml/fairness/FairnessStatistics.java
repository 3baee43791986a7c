package org.trustml.fairness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.trustml.core.InvalidInputException;
import org.trustml.fairness.internal.Tally;

/**
 * The sufficient statistics of every fairness metric except consistency: for each group key (a
 * combination of protected values), each true class and each predicted class, the sum of instance
 * weights, the number of rows and the sum of weight × score. They take memory in the number of keys
 * and classes, never in the number of rows, so a CSV of any length can be reduced to them in one pass
 * ({@link StatisticsAccumulator}) and every metric computed from them afterwards. Immutable.
 */
public final class FairnessStatistics {
    private final List<String> keyColumns;
    private final List<List<String>> keys;
    private final boolean[] privileged;
    private final boolean[] unprivileged;
    private final List<String> classes;
    private final boolean[] favorable;
    private final boolean hasPredictions;
    private final int[] cellKey;
    private final int[] cellTrue;
    private final int[] cellPred;
    private final double[] cellWeight;
    private final long[] cellCount;
    private final double[] cellScore;

    FairnessStatistics(List<String> keyColumns, List<List<String>> keys, boolean[] privileged, boolean[] unprivileged,
                       List<String> classes, boolean[] favorable, boolean hasPredictions, int[] cellKey, int[] cellTrue,
                       int[] cellPred, double[] cellWeight, long[] cellCount, double[] cellScore) {
        this.keyColumns = List.copyOf(keyColumns);
        this.keys = keys.stream().map(List::copyOf).toList();
        this.privileged = privileged.clone();
        this.unprivileged = unprivileged.clone();
        this.classes = List.copyOf(classes);
        this.favorable = favorable.clone();
        this.hasPredictions = hasPredictions;
        this.cellKey = cellKey.clone();
        this.cellTrue = cellTrue.clone();
        this.cellPred = cellPred.clone();
        this.cellWeight = cellWeight.clone();
        this.cellCount = cellCount.clone();
        this.cellScore = cellScore.clone();
    }

    /** The columns a key is made of. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** Number of distinct keys seen. */
    public int keyCount() {
        return keys.size();
    }

    /** The values of key {@code k}, in {@link #keyColumns()} order. */
    public List<String> key(int k) {
        return keys.get(k);
    }

    public boolean isPrivileged(int k) {
        return privileged[k];
    }

    public boolean isUnprivileged(int k) {
        return unprivileged[k];
    }

    /** Label values seen, in order of first appearance (favorable first in binary mode). */
    public List<String> classes() {
        return classes;
    }

    public boolean isFavorable(int labelClass) {
        return favorable[labelClass];
    }

    public boolean hasPredictions() {
        return hasPredictions;
    }

    /** Number of non-empty cells. */
    public int cellCount() {
        return cellKey.length;
    }

    /** Total number of rows. */
    public long rows() {
        long n = 0;
        for (long c : cellCount) {
            n += c;
        }
        return n;
    }

    /** Sums over the rows of the keys that pass {@code keyFilter}. */
    public Tally tally(IntPredicate keyFilter) {
        Tally.Sum sum = new Tally.Sum();
        for (int c = 0; c < cellKey.length; c++) {
            if (keyFilter.test(cellKey[c])) {
                sum.add(favorable[cellTrue[c]], favorable[cellPred[c]], cellWeight[c], cellCount[c], cellScore[c]);
            }
        }
        return sum.build();
    }

    /** Sums over the rows of one slice. */
    public Tally tally(FairnessSlice slice) {
        return switch (slice) {
            case OVERALL -> tally(k -> true);
            case PRIVILEGED -> tally(k -> privileged[k]);
            case UNPRIVILEGED -> tally(k -> unprivileged[k]);
            default -> throw new IllegalArgumentException("no rows for slice " + slice);
        };
    }

    /**
     * Weighted counts per class of the true labels (or of the predictions) over the keys that pass the
     * filter: the label distribution used by the KL divergence.
     */
    public double[] classWeights(IntPredicate keyFilter, boolean predictions) {
        double[] w = new double[classes.size()];
        for (int c = 0; c < cellKey.length; c++) {
            if (keyFilter.test(cellKey[c])) {
                w[predictions ? cellPred[c] : cellTrue[c]] += cellWeight[c];
            }
        }
        return w;
    }

    /** Rows per class of the true labels (or of the predictions), over all keys. */
    public long[] classRows(boolean predictions) {
        long[] n = new long[classes.size()];
        for (int c = 0; c < cellKey.length; c++) {
            n[predictions ? cellPred[c] : cellTrue[c]] += cellCount[c];
        }
        return n;
    }

    /** Number of distinct label values present among the true labels (or the predictions). */
    public int presentClassCount(boolean predictions) {
        boolean[] seen = new boolean[classes.size()];
        int n = 0;
        for (int c = 0; c < cellKey.length; c++) {
            int k = predictions ? cellPred[c] : cellTrue[c];
            if (cellCount[c] > 0 && !seen[k]) {
                seen[k] = true;
                n++;
            }
        }
        return n;
    }

    /** The same statistics with other favorable classes (one-vs-rest for the per-class table). */
    public FairnessStatistics withFavorable(Collection<String> favorableClasses) {
        boolean[] f = new boolean[classes.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = favorableClasses.contains(classes.get(i));
        }
        return new FairnessStatistics(keyColumns, keys, privileged, unprivileged, classes, f, hasPredictions, cellKey,
                cellTrue, cellPred, cellWeight, cellCount, cellScore);
    }

    /**
     * The intersectional groups over {@code columns} (a subset of the key columns): each key's group
     * index and each group's values, groups sorted by value (numbers numerically), so every path lists
     * them, and sums over them, in the same order.
     */
    public Intersections intersections(List<String> columns) {
        int[] pos = new int[columns.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = keyColumns.indexOf(columns.get(i));
            if (pos[i] < 0) {
                throw InvalidInputException.problem("is not a protected column").column(columns.get(i))
                        .expected("one of " + keyColumns).build();
            }
        }
        java.util.TreeMap<List<String>, Integer> sorted = new java.util.TreeMap<>(FairnessStatistics::compareValues);
        List<List<String>> projected = new ArrayList<>(keys.size());
        for (List<String> key : keys) {
            List<String> v = new ArrayList<>(pos.length);
            for (int p : pos) {
                v.add(key.get(p));
            }
            projected.add(List.copyOf(v));
            sorted.put(projected.get(projected.size() - 1), 0);
        }
        List<List<String>> groups = new ArrayList<>(sorted.keySet());
        Map<List<String>, Integer> index = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            index.put(groups.get(g), g);
        }
        int[] ofKey = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            ofKey[k] = index.get(projected.get(k));
        }
        return new Intersections(List.copyOf(columns), groups, ofKey);
    }

    /** Orders value lists element by element, numbers numerically, numbers before text. */
    private static int compareValues(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = compareValue(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareValue(String a, String b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Intersectional groups: {@code groupOfKey[k]} is the group of key {@code k}. */
    public record Intersections(List<String> columns, List<List<String>> groups, int[] groupOfKey) {
        public Intersections {
            Objects.requireNonNull(groupOfKey, "groupOfKey");
        }

        /** {@code {sex=1, race=white}}. */
        public String describe(int group) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < columns.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(columns.get(i)).append('=').append(groups.get(group).get(i));
            }
            return sb.append('}').toString();
        }
    }
}
