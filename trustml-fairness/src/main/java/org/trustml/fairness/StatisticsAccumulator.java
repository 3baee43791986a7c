package org.trustml.fairness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.fairness.internal.LongIntMap;
import org.trustml.fairness.internal.Values;

/**
 * Reduces rows to {@link FairnessStatistics} in one pass, in memory proportional to the number of
 * distinct (group key, true class, predicted class) cells. Feed it row by row, from a {@code Table}, a
 * streamed CSV or anything else, then {@link #build()}.
 *
 * <p>Each row is validated as it arrives: a label or prediction outside the favorable/unfavorable pair
 * (binary mode), a weight that is negative or NaN, a score outside [0, 1] is an
 * {@link InvalidInputException} naming the row (or file line), the column and the value. Not thread-safe.
 */
public final class StatisticsAccumulator {
    private final FairnessSpec spec;
    private final List<String> keyColumns;
    private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
    private final List<List<String>> dictionaryValues = new ArrayList<>();
    private final LongIntMap[] trie;
    private int[] keyCodes = new int[64];
    private int keyCount;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<String> classes = new ArrayList<>();
    private final LongIntMap cellIndex = new LongIntMap(256);
    private int cells;
    private int[] cellKey = new int[64];
    private int[] cellTrue = new int[64];
    private int[] cellPred = new int[64];
    private double[] cellWeight = new double[64];
    private long[] cellCount = new long[64];
    private double[] cellScore = new double[64];
    private Path file;
    private boolean fileLines;

    /** An empty accumulator for this specification. */
    public StatisticsAccumulator(FairnessSpec spec) {
        this.spec = spec;
        this.keyColumns = spec.keyColumns();
        this.trie = new LongIntMap[keyColumns.size()];
        for (int i = 0; i < keyColumns.size(); i++) {
            dictionaries.add(new HashMap<>());
            dictionaryValues.add(new ArrayList<>());
            trie[i] = new LongIntMap(64);
        }
        for (String f : spec.labels().favorable()) {
            classCodeUnchecked(f);
        }
        spec.labels().unfavorable().ifPresent(this::classCodeUnchecked);
    }

    /** Error messages name this file and "line" numbers instead of table rows. */
    public StatisticsAccumulator reportingFile(Path file) {
        this.file = file;
        this.fileLines = true;
        return this;
    }

    /** The key columns, in the order {@link #keyCode} and {@link #add} expect them. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** The dense code of a canonical value in key column {@code column}. */
    public int keyCode(int column, String canonicalValue) {
        Map<String, Integer> d = dictionaries.get(column);
        Integer code = d.get(canonicalValue);
        if (code == null) {
            code = d.size();
            d.put(canonicalValue, code);
            dictionaryValues.get(column).add(canonicalValue);
        }
        return code;
    }

    /**
     * The class code of a canonical label value. In binary mode the first value that is not favorable
     * becomes the unfavorable one (unless it was given), and any further value is an error.
     */
    public int classCode(String canonicalValue, long row, String column) {
        Integer c = classIndex.get(canonicalValue);
        if (c != null) {
            return c;
        }
        Labels labels = spec.labels();
        if (!labels.multiclass() && classes.size() >= 2) {
            throw at(InvalidInputException.problem("is neither the favorable nor the unfavorable label"), row)
                    .column(column).value(canonicalValue)
                    .expected(classes.get(0) + " (favorable) or " + classes.get(1) + " (unfavorable); use multiclass "
                            + "mode for more label values").build();
        }
        return classCodeUnchecked(canonicalValue);
    }

    /** The label value of class code {@code code}. */
    public String classValue(int code) {
        return classes.get(code);
    }

    private int classCodeUnchecked(String value) {
        int c = classes.size();
        classIndex.put(value, c);
        classes.add(value);
        return c;
    }

    /**
     * Adds a row given as text (canonicalised here): the key values in {@link #keyColumns()} order,
     * label, prediction (null without predictions), score (NaN without scores) and weight.
     */
    public void addRow(long row, String[] keyValues, String label, String prediction, double score, double weight) {
        int[] codes = new int[keyValues.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = keyCode(i, Values.ofText(keyValues[i]));
        }
        int y = classCode(Values.ofText(label), row, spec.label());
        int p = prediction == null ? y : classCode(Values.ofText(prediction), row, spec.prediction().orElse("prediction"));
        add(row, codes, y, p, score, weight);
    }

    /**
     * Adds a row of codes. {@code p} is ignored when the specification has no prediction column;
     * {@code score} is NaN when it has no score column (the prediction indicator is used, as AIF360
     * copies labels into scores).
     */
    public void add(long row, int[] codes, int y, int p, double score, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw at(InvalidInputException.problem("is not a valid instance weight"), row)
                    .column(spec.weights().orElse("weight")).value(Values.ofDouble(weight))
                    .expected("a finite number >= 0").build();
        }
        boolean predicted = spec.prediction().isPresent();
        int pred = predicted ? p : y;
        double s;
        if (spec.score().isPresent()) {
            if (!(score >= 0 && score <= 1)) {
                throw at(InvalidInputException.problem("is not a score in [0, 1]"), row).column(spec.score().get())
                        .value(Double.isNaN(score) ? "NaN" : Double.toString(score))
                        .expected("the probability of the favorable label, 0 <= score <= 1").build();
            }
            s = score;
        } else {
            s = spec.labels().favorable().contains(classes.get(pred)) ? 1.0 : 0.0;
        }
        int c = cellOf(codes, y, pred);
        cellWeight[c] += weight;
        cellCount[c]++;
        cellScore[c] += weight * s;
    }

    /**
     * Adds {@code rows} rows of one cell at once, summed elsewhere: a partition's or a distributed
     * aggregation's sums (trustml-spark merges them on the driver this way). The caller has checked each
     * row as {@link #add} does (weights finite and ≥ 0, scores in [0, 1]). {@code weightedScore} is
     * Σ weight × score over the rows; without a score column it is ignored and the prediction indicator is
     * the score, as in {@link #add}. Cells are listed in the order of their first {@code add} or
     * {@code addCell}, keys likewise, so rows added in their original order give the same statistics.
     *
     * @param codes         key codes ({@link #keyCode}) in {@link #keyColumns()} order
     * @param y             class code of the true label ({@link #classCode})
     * @param p             class code of the prediction (ignored without a prediction column)
     * @param weight        Σ weight over the rows
     * @param rows          number of rows, ≥ 1
     * @param weightedScore Σ weight × score over the rows (NaN without a score column)
     */
    public void addCell(int[] codes, int y, int p, double weight, long rows, double weightedScore) {
        if (rows < 1 || !(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("a cell needs rows >= 1 and a finite weight sum >= 0, got " + rows
                    + " rows of weight " + weight);
        }
        int pred = spec.prediction().isPresent() ? p : y;
        double s = spec.score().isPresent() ? weightedScore
                : spec.labels().favorable().contains(classes.get(pred)) ? weight : 0.0;
        int c = cellOf(codes, y, pred);
        cellWeight[c] += weight;
        cellCount[c] += rows;
        cellScore[c] += s;
    }

    private int cellOf(int[] codes, int y, int pred) {
        int key = keyOf(codes);
        long ck = ((long) key << 32) | ((long) y << 16) | pred;
        int c = cellIndex.get(ck);
        if (c < 0) {
            c = newCell(key, y, pred);
            cellIndex.put(ck, c);
        }
        return c;
    }

    private int keyOf(int[] codes) {
        long prefix = 0;
        for (int i = 0; i < codes.length; i++) {
            long k = (prefix << 32) | codes[i];
            int next = trie[i].get(k);
            if (next < 0) {
                next = i == codes.length - 1 ? newKey(codes) : trie[i].size();
                trie[i].put(k, next);
            }
            prefix = next;
        }
        return codes.length == 0 ? newKeyIfNone() : (int) prefix;
    }

    private int newKeyIfNone() {
        return keyCount == 0 ? newKey(new int[0]) : 0;
    }

    private int newKey(int[] codes) {
        int n = codes.length;
        if ((keyCount + 1) * n > keyCodes.length) {
            keyCodes = Arrays.copyOf(keyCodes, Math.max(keyCodes.length * 2, (keyCount + 1) * n));
        }
        System.arraycopy(codes, 0, keyCodes, keyCount * n, n);
        return keyCount++;
    }

    private int newCell(int key, int y, int p) {
        if (cells == cellKey.length) {
            int n = cells * 2;
            cellKey = Arrays.copyOf(cellKey, n);
            cellTrue = Arrays.copyOf(cellTrue, n);
            cellPred = Arrays.copyOf(cellPred, n);
            cellWeight = Arrays.copyOf(cellWeight, n);
            cellCount = Arrays.copyOf(cellCount, n);
            cellScore = Arrays.copyOf(cellScore, n);
        }
        cellKey[cells] = key;
        cellTrue[cells] = y;
        cellPred[cells] = p;
        return cells++;
    }

    private InvalidInputException.Builder at(InvalidInputException.Builder b, long row) {
        if (file != null) {
            b.file(file);
        }
        return fileLines ? b.line(row) : b.row(row);
    }

    /**
     * The statistics, with each key's membership of the privileged and unprivileged groups evaluated.
     *
     * @throws InvalidInputException when no row was added, or a condition of either group matches no row
     */
    public FairnessStatistics build() {
        if (cells == 0) {
            throw at(InvalidInputException.problem("has no rows"), 0).column(spec.label()).expected("at least one row").build();
        }
        int n = keyColumns.size();
        List<List<String>> keys = new ArrayList<>(keyCount);
        for (int k = 0; k < keyCount; k++) {
            List<String> v = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                v.add(dictionaryValues.get(j).get(keyCodes[k * n + j]));
            }
            keys.add(v);
        }
        boolean[] priv = new boolean[keyCount];
        boolean[] unpriv = new boolean[keyCount];
        Optional<Group> unprivileged = spec.unprivileged();
        for (int k = 0; k < keyCount; k++) {
            List<String> v = keys.get(k);
            priv[k] = spec.privileged().matches(c -> v.get(keyColumns.indexOf(c)));
            unpriv[k] = unprivileged.map(g -> g.matches(c -> v.get(keyColumns.indexOf(c)))).orElse(!priv[k]);
            if (priv[k] && unpriv[k]) {
                throw InvalidInputException.problem("is in both the privileged group " + spec.privileged()
                                + " and the unprivileged group " + unprivileged.get()).column("unprivileged")
                        .value(describe(v)).expected("disjoint groups: no row in both").build();
            }
        }
        checkNotEmpty(spec.privileged(), "privileged", keys);
        if (unprivileged.isPresent()) {
            checkNotEmpty(unprivileged.get(), "unprivileged", keys);
        } else if (!anyTrue(unpriv)) {
            throw InvalidInputException.problem("is empty: every row is privileged").column("unprivileged")
                    .value("not " + spec.privileged()).expected("at least one row outside the privileged group").build();
        }
        boolean[] fav = new boolean[classes.size()];
        for (int i = 0; i < fav.length; i++) {
            fav[i] = spec.labels().favorable().contains(classes.get(i));
        }
        return new FairnessStatistics(keyColumns, keys, priv, unpriv, classes, fav, spec.prediction().isPresent(),
                Arrays.copyOf(cellKey, cells), Arrays.copyOf(cellTrue, cells), Arrays.copyOf(cellPred, cells),
                Arrays.copyOf(cellWeight, cells), Arrays.copyOf(cellCount, cells), Arrays.copyOf(cellScore, cells));
    }

    private void checkNotEmpty(Group group, String which, List<List<String>> keys) {
        for (Condition c : group.conditions()) {
            boolean any = false;
            for (List<String> v : keys) {
                if (c.matches(col -> v.get(keyColumns.indexOf(col)))) {
                    any = true;
                    break;
                }
            }
            if (any) {
                continue;
            }
            for (Map.Entry<String, String> e : c.values().entrySet()) {
                int col = keyColumns.indexOf(e.getKey());
                if (!dictionaries.get(col).containsKey(e.getValue())) {
                    List<String> seen = new ArrayList<>(dictionaryValues.get(col));
                    seen.sort(null);
                    throw InvalidInputException.problem("matches no row, so the " + which + " group " + c + " is empty")
                            .column(e.getKey()).value(e.getValue())
                            .expected("a value present in the column: " + abbreviate(seen)).build();
                }
            }
            throw InvalidInputException.problem("matches no row: the " + which + " group is empty").column(which)
                    .value(c.toString()).expected("a combination of values present in the data").build();
        }
    }

    private String describe(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int j = 0; j < keyColumns.size(); j++) {
            sb.append(j == 0 ? "" : ", ").append(keyColumns.get(j)).append('=').append(values.get(j));
        }
        return sb.append('}').toString();
    }

    private static String abbreviate(List<String> values) {
        return values.size() <= 10 ? String.join(", ", values) : String.join(", ", values.subList(0, 10)) + ", ...";
    }

    static boolean anyTrue(boolean[] a) {
        for (boolean b : a) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
