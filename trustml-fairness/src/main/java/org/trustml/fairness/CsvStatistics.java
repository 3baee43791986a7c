package org.trustml.fairness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.CsvRecords;
import org.trustml.fairness.internal.Values;

/**
 * The streaming path: reads a CSV file (header line, comma-separated, UTF-8) record by record with
 * core's {@link CsvRecords}, under the rules every trustml CSV reader shares (strict UTF-8, unique
 * header names, no ragged rows, a longest field: {@link CsvOptions}), and feeds the
 * {@link StatisticsAccumulator}, so memory depends on the number of distinct groups and label
 * values, not on the number of rows. Only when feature columns are given (for consistency) are
 * those columns kept, n × d doubles. Errors name the file and line.
 */
final class CsvStatistics {
    private CsvStatistics() {}

    /** Statistics and, when features are requested, the feature matrix and favorable indicators. */
    record Result(FairnessStatistics statistics, double[] features, boolean[] favorable) {}

    static Result read(Path file, FairnessSpec spec) {
        StatisticsAccumulator acc = new StatisticsAccumulator(spec).reportingFile(file);
        List<String> keyCols = acc.keyColumns();
        int d = spec.features().size();
        double[] x = new double[d == 0 ? 0 : 1024 * d];
        boolean[] fav = new boolean[d == 0 ? 0 : 1024];
        int rows = 0;
        try (CsvRecords csv = CsvRecords.open(file, CsvOptions.defaults())) {
            int label = csv.columnIndex(spec.label());
            int pred = spec.prediction().map(csv::columnIndex).orElse(-1);
            int score = spec.score().map(csv::columnIndex).orElse(-1);
            int weight = spec.weights().map(csv::columnIndex).orElse(-1);
            int[] keys = keyCols.stream().mapToInt(csv::columnIndex).toArray();
            int[] feats = spec.features().stream().mapToInt(csv::columnIndex).toArray();
            List<Map<String, Integer>> keyCache = new ArrayList<>();
            keyCols.forEach(c -> keyCache.add(new HashMap<>()));
            Map<String, Integer> classCache = new HashMap<>();
            int[] codes = new int[keys.length];
            while (csv.next()) {
                long line = csv.line();
                for (int j = 0; j < keys.length; j++) {
                    String raw = field(csv, keys[j], keyCols.get(j), file, line);
                    final int col = j;
                    codes[j] = keyCache.get(j).computeIfAbsent(raw, v -> acc.keyCode(col, Values.ofText(v)));
                }
                int y = classOf(acc, classCache, field(csv, label, spec.label(), file, line), line, spec.label());
                int p = pred < 0 ? y : classOf(acc, classCache, field(csv, pred, spec.prediction().get(), file, line), line,
                        spec.prediction().get());
                double s = score < 0 ? Double.NaN : number(csv, score, spec.score().get(), file, line);
                double w = weight < 0 ? 1.0 : number(csv, weight, spec.weights().get(), file, line);
                acc.add(line, codes, y, p, s, w);
                if (d > 0) {
                    if ((rows + 1) * d > x.length) {
                        x = Arrays.copyOf(x, x.length * 2);
                        fav = Arrays.copyOf(fav, fav.length * 2);
                    }
                    for (int j = 0; j < d; j++) {
                        x[rows * d + j] = number(csv, feats[j], spec.features().get(j), file, line);
                    }
                    fav[rows] = spec.labels().favorable().contains(acc.classValue(y));
                }
                rows++;
            }
        }
        return new Result(acc.build(), d == 0 ? null : Arrays.copyOf(x, rows * d), d == 0 ? null : Arrays.copyOf(fav, rows));
    }

    private static int classOf(StatisticsAccumulator acc, Map<String, Integer> cache, String raw, long line, String column) {
        Integer c = cache.get(raw);
        if (c == null) {
            c = acc.classCode(Values.ofText(raw), line, column);
            cache.put(raw, c);
        }
        return c;
    }

    private static String field(CsvRecords rec, int i, String column, Path file, long line) {
        String v = rec.field(i);
        if (v.isEmpty()) {
            throw InvalidInputException.problem("is missing").file(file).line(line).column(column).expected("a value").build();
        }
        return v;
    }

    private static double number(CsvRecords rec, int i, String column, Path file, long line) {
        String v = field(rec, i, column, file, line);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw InvalidInputException.problem("is not a number").file(file).line(line).column(column).value(v)
                    .expected("a number").build();
        }
    }
}
