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
    /** Intersections by columns: they depend only on the keys, so resamples of these statistics share them. */
    private final Map<List<String>, Intersections> intersections;

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
        this.intersections = new java.util.concurrent.ConcurrentHashMap<>();
    }

    /** The same keys, labels and cells with other sums (a resample): shares everything else, the cache included. */
    private FairnessStatistics(FairnessStatistics shape, double[] cellWeight, long[] cellCount, double[] cellScore) {
        this.keyColumns = shape.keyColumns;
        this.keys = shape.keys;
        this.privileged = shape.privileged;
        this.unprivileged = shape.unprivileged;
        this.classes = shape.classes;
        this.favorable = shape.favorable;
        this.hasPredictions = shape.hasPredictions;
        this.cellKey = shape.cellKey;
        this.cellTrue = shape.cellTrue;
        this.cellPred = shape.cellPred;
        this.cellWeight = cellWeight;
        this.cellCount = cellCount;
        this.cellScore = cellScore;
        this.intersections = shape.intersections;
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

    /**
     * The statistics of this data and {@code other} together, as if one pass had read both: the same cells, keys
     * and label values, matched by value (a partition may have seen the keys and labels in another order). Sums
     * are added, so with integer or dyadic weights and scores every number equals the one-pass number exactly;
     * with arbitrary floating-point weights they agree to rounding. This is how partitions (Spark, live windows)
     * combine, and the bootstrap ({@link FairnessIntervals}) visits cells in value order, so the merged
     * statistics give the same intervals as one pass.
     *
     * @throws InvalidInputException when the two were computed under different specifications (other key columns,
     *         other favorable labels, predictions in one only, a key privileged in one and not in the other)
     */
    public FairnessStatistics merge(FairnessStatistics other) {
        Objects.requireNonNull(other, "other");
        if (!keyColumns.equals(other.keyColumns) || hasPredictions != other.hasPredictions) {
            throw InvalidInputException.problem("cannot be merged: computed with other columns").column("statistics")
                    .value(other.keyColumns + (other.hasPredictions ? " with predictions" : " without predictions"))
                    .expected(keyColumns + (hasPredictions ? " with predictions" : " without predictions")).build();
        }
        List<List<String>> mergedKeys = new ArrayList<>(keys);
        Map<List<String>, Integer> keyIndex = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            keyIndex.put(keys.get(k), k);
        }
        List<Boolean> priv = new ArrayList<>();
        List<Boolean> unpriv = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            priv.add(privileged[k]);
            unpriv.add(unprivileged[k]);
        }
        int[] keyMap = new int[other.keys.size()];
        for (int k = 0; k < other.keys.size(); k++) {
            Integer at = keyIndex.get(other.keys.get(k));
            if (at == null) {
                at = mergedKeys.size();
                mergedKeys.add(other.keys.get(k));
                keyIndex.put(other.keys.get(k), at);
                priv.add(other.privileged[k]);
                unpriv.add(other.unprivileged[k]);
            } else if (privileged[at] != other.privileged[k] || unprivileged[at] != other.unprivileged[k]) {
                throw InvalidInputException.problem("cannot be merged: the groups differ").column("statistics")
                        .value(other.keys.get(k).toString()).expected("the same privileged and unprivileged groups")
                        .build();
            }
            keyMap[k] = at;
        }
        List<String> mergedClasses = new ArrayList<>(classes);
        List<Boolean> fav = new ArrayList<>();
        for (boolean f : favorable) {
            fav.add(f);
        }
        int[] classMap = new int[other.classes.size()];
        for (int c = 0; c < other.classes.size(); c++) {
            int at = mergedClasses.indexOf(other.classes.get(c));
            if (at < 0) {
                at = mergedClasses.size();
                mergedClasses.add(other.classes.get(c));
                fav.add(other.favorable[c]);
            } else if (fav.get(at) != other.favorable[c]) {
                throw InvalidInputException.problem("cannot be merged: the favorable labels differ").column("label")
                        .value(other.classes.get(c)).expected("the same favorable labels in both").build();
            }
            classMap[c] = at;
        }
        Map<Long, Integer> cellIndex = new HashMap<>();
        int n = cellKey.length;
        int[] k2 = java.util.Arrays.copyOf(cellKey, n + other.cellKey.length);
        int[] t2 = java.util.Arrays.copyOf(cellTrue, k2.length);
        int[] p2 = java.util.Arrays.copyOf(cellPred, k2.length);
        double[] w2 = java.util.Arrays.copyOf(cellWeight, k2.length);
        long[] n2 = java.util.Arrays.copyOf(cellCount, k2.length);
        double[] s2 = java.util.Arrays.copyOf(cellScore, k2.length);
        for (int c = 0; c < n; c++) {
            cellIndex.put(cellId(cellKey[c], cellTrue[c], cellPred[c]), c);
        }
        for (int c = 0; c < other.cellKey.length; c++) {
            int key = keyMap[other.cellKey[c]];
            int y = classMap[other.cellTrue[c]];
            int pr = classMap[other.cellPred[c]];
            Integer at = cellIndex.get(cellId(key, y, pr));
            if (at == null) {
                at = n++;
                cellIndex.put(cellId(key, y, pr), at);
                k2[at] = key;
                t2[at] = y;
                p2[at] = pr;
            }
            w2[at] += other.cellWeight[c];
            n2[at] += other.cellCount[c];
            s2[at] += other.cellScore[c];
        }
        return new FairnessStatistics(keyColumns, mergedKeys, toArray(priv), toArray(unpriv), mergedClasses,
                toArray(fav), hasPredictions, java.util.Arrays.copyOf(k2, n), java.util.Arrays.copyOf(t2, n),
                java.util.Arrays.copyOf(p2, n), java.util.Arrays.copyOf(w2, n), java.util.Arrays.copyOf(n2, n),
                java.util.Arrays.copyOf(s2, n));
    }

    private static long cellId(int key, int y, int p) {
        return ((long) key << 32) | ((long) y << 16) | p;
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] a = new boolean[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    /**
     * The cells in value order: by key values (numbers numerically), then true label value, then predicted value.
     * The order depends only on the data, not on the order rows or partitions were read in.
     */
    int[] canonicalCellOrder() {
        Integer[] order = new Integer[cellKey.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int r = compareValues(keys.get(cellKey[a]), keys.get(cellKey[b]));
            if (r == 0) {
                r = compareValue(classes.get(cellTrue[a]), classes.get(cellTrue[b]));
            }
            return r != 0 ? r : compareValue(classes.get(cellPred[a]), classes.get(cellPred[b]));
        });
        int[] out = new int[order.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = order[c];
        }
        return out;
    }

    /**
     * The same statistics with the cells in value order ({@link #canonicalCellOrder()}): every sum over cells then
     * adds in an order that depends only on the data, so two accumulations of the same rows (one pass, or partitions
     * merged) give the same bits even where the sums round.
     */
    FairnessStatistics canonical() {
        int[] order = canonicalCellOrder();
        int n = order.length;
        int[] k = new int[n];
        int[] t = new int[n];
        int[] p = new int[n];
        double[] w = new double[n];
        long[] c = new long[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = cellKey[order[i]];
            t[i] = cellTrue[order[i]];
            p[i] = cellPred[order[i]];
            w[i] = cellWeight[order[i]];
            c[i] = cellCount[order[i]];
            s[i] = cellScore[order[i]];
        }
        return new FairnessStatistics(keyColumns, keys, privileged, unprivileged, classes, favorable, hasPredictions,
                k, t, p, w, c, s);
    }

    /** The key (stratum) of cell {@code c}. */
    int cellKeyOf(int c) {
        return cellKey[c];
    }

    /** The true label value of cell {@code c}. */
    String cellTrueValue(int c) {
        return classes.get(cellTrue[c]);
    }

    /** The predicted label value of cell {@code c}. */
    String cellPredictedValue(int c) {
        return classes.get(cellPred[c]);
    }

    /** Rows in cell {@code c}. */
    long cellRows(int c) {
        return cellCount[c];
    }

    /** Whether every weight is 1 (each cell's weight sum equals its row count), so weighted counts are counts. */
    boolean unitWeights() {
        for (int c = 0; c < cellKey.length; c++) {
            if (cellWeight[c] != cellCount[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The statistics of a resample that drew {@code rows[c]} rows from cell {@code c}: counts as given, weight and
     * score sums as {@code rows[c]} times the cell's mean weight and mean weight × score. Exact for the row
     * resample when every row of a cell has the same weight and weight × score (unit weights without a score
     * column, say); otherwise the resample keeps each cell's mean, not the spread within it.
     */
    FairnessStatistics resampled(long[] rows) {
        double[] w = new double[cellKey.length];
        double[] s = new double[cellKey.length];
        for (int c = 0; c < w.length; c++) {
            boolean same = rows[c] == cellCount[c];  // the cell's own sums, not count × mean rounded
            w[c] = same ? cellWeight[c] : rows[c] * (cellWeight[c] / cellCount[c]);
            s[c] = same ? cellScore[c] : rows[c] * (cellScore[c] / cellCount[c]);
        }
        return new FairnessStatistics(this, w, rows.clone(), s);
    }

    /** The cell counts, one per cell. */
    long[] cellRows() {
        return cellCount.clone();
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
        Intersections known = intersections.get(columns);
        if (known == null) {
            known = computeIntersections(List.copyOf(columns));
            intersections.put(known.columns(), known);
        }
        return known;
    }

    private Intersections computeIntersections(List<String> columns) {
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
        // Double.valueOf's last character is a digit, '.', a type suffix, Infinity's 'y', NaN's 'N' or trimmed space
        char last = s.isEmpty() ? 'x' : s.charAt(s.length() - 1);
        if (!(last >= '0' && last <= '9' || last <= ' ' || "yN.dDfF".indexOf(last) >= 0)) {
            return null;  // cannot be a number: spare the exception
        }
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
