package org.trustml.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.trustml.core.InvalidInputException;
import org.trustml.fairness.FairnessSpec;
import org.trustml.fairness.FairnessStatistics;
import org.trustml.fairness.StatisticsAccumulator;

/**
 * The fairness statistics of a DataFrame from one distributed aggregation: the rows are grouped by their raw
 * protected values, label and prediction, and each group sums the weights, counts the rows, sums weight ×
 * score and keeps the id of its first row (and of its first missing or invalid weight, score and feature).
 * Spark aggregates within each partition and merges the partial sums (its hash aggregate); only the groups
 * reach the driver, where they are checked and merged, in the order of their first rows, into the fairness
 * module's {@link StatisticsAccumulator} — so keys, label classes and cells are listed as the {@code Table}
 * path lists them and every metric is computed by the same code.
 *
 * <p>Errors are those of the {@code Table} path, in its order: a missing protected value (column by column),
 * a missing label, a third label value in binary mode, a missing prediction, a prediction outside the label
 * pair, a score or weight column that is not numeric or has a missing value (null in an integer column),
 * then the first row with an invalid weight (negative, NaN, infinite; null in a float column is NaN) or
 * score (outside [0, 1]). Each names the 1-based row in the DataFrame's order ({@link RowNumbers}).
 */
public final class FairnessAggregation {
    private static final String FIRST = "first";

    private final Dataset<Row> df;
    private final FairnessSpec spec;
    private final List<String> keys;
    private final RowNumbers rows;
    private final Map<String, Integer> at = new HashMap<>();
    private List<Row> groups;

    private FairnessAggregation(Dataset<Row> df, FairnessSpec spec) {
        this.df = df;
        this.spec = spec;
        this.keys = spec.keyColumns();
        this.rows = new RowNumbers(df);
    }

    /** The statistics, and what consistency needs to check its features; one Spark job (more only to name an error's row). */
    public static FairnessAggregation run(Dataset<Row> df, FairnessSpec spec) {
        FairnessAggregation a = new FairnessAggregation(df, spec);
        a.checkColumns();
        a.aggregate();
        return a;
    }

    private void checkColumns() {
        SparkColumns.require(df, spec.label(), "label");
        spec.prediction().ifPresent(c -> SparkColumns.require(df, c, "prediction"));
        spec.score().ifPresent(c -> SparkColumns.require(df, c, "score"));
        spec.weights().ifPresent(c -> SparkColumns.require(df, c, "weights"));
        keys.forEach(c -> SparkColumns.require(df, c, "protected"));
        spec.features().forEach(c -> SparkColumns.require(df, c, "feature"));
    }

    private void aggregate() {
        List<Column> in = new ArrayList<>();
        List<Column> groupBy = new ArrayList<>();
        for (int j = 0; j < keys.size(); j++) {
            in.add(SparkColumns.column(keys.get(j)).as("k" + j));
            groupBy.add(col("k" + j));
        }
        in.add(SparkColumns.column(spec.label()).as("y"));
        groupBy.add(col("y"));
        spec.prediction().ifPresent(p -> {
            in.add(SparkColumns.column(p).as("p"));
            groupBy.add(col("p"));
        });
        Column id = col(RowNumbers.ID);
        List<Column> aggs = new ArrayList<>();
        Column w = lit(1.0);
        if (numeric(spec.weights())) {
            in.add(SparkColumns.column(spec.weights().get()).cast("double").as("wt"));
            w = col("wt");
            Column invalid = w.isNull().or(isnan(w)).or(w.lt(0)).or(w.equalTo(lit(Double.POSITIVE_INFINITY)));
            aggs.add(min(when(invalid, id)).as("w_bad"));
            aggs.add(missingIn(spec.weights().get(), "wt", "w_missing"));
        }
        aggs.add(count(lit(1)).as("n"));
        aggs.add(min(id).as(FIRST));
        if (numeric(spec.score())) {
            in.add(SparkColumns.column(spec.score().get()).cast("double").as("sc"));
            Column s = col("sc");
            aggs.add(sum(w.multiply(s)).as("ws"));
            aggs.add(min(when(s.isNull().or(isnan(s)).or(s.lt(0)).or(s.gt(1)), id)).as("s_bad"));
            aggs.add(missingIn(spec.score().get(), "sc", "s_missing"));
        }
        for (int j = 0; j < spec.features().size(); j++) {
            String f = spec.features().get(j);
            if (SparkColumns.isNumberLike(SparkColumns.type(df, f))) {
                in.add(SparkColumns.column(f).cast("double").as("f" + j));
                Column x = col("f" + j);
                aggs.add(min(when(x.isNull().or(isnan(x)).or(x.equalTo(lit(Double.POSITIVE_INFINITY)))
                        .or(x.equalTo(lit(Double.NEGATIVE_INFINITY))), id)).as("f" + j + "_bad"));
                aggs.add(missingIn(f, "f" + j, "f" + j + "_missing"));
            }
        }
        aggs.add(0, sum(w).as("w"));
        in.add(RowNumbers.id());
        Dataset<Row> grouped = df.select(in.toArray(Column[]::new)).groupBy(groupBy.toArray(Column[]::new))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
        String[] names = grouped.schema().fieldNames();
        for (int i = 0; i < names.length; i++) {
            at.put(names[i], i);
        }
        groups = grouped.collectAsList();
    }

    /** {@code min(id)} of the rows where an integer column is null (a float column's null is NaN instead). */
    private Column missingIn(String column, String alias, String name) {
        return SparkColumns.isFractional(SparkColumns.type(df, column)) ? lit(null).cast("long").as(name)
                : min(when(col(alias).isNull(), col(RowNumbers.ID))).as(name);
    }

    private boolean numeric(Optional<String> column) {
        return column.isPresent() && SparkColumns.isNumberLike(SparkColumns.type(df, column.get()));
    }

    /** The merged statistics, checked as the {@code Table} path checks them. */
    public FairnessStatistics statistics() {
        StatisticsAccumulator acc = new StatisticsAccumulator(spec);
        int k = keys.size();
        List<Map<String, Long>> keyFirst = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            keyFirst.add(firstRows("k" + j, keys.get(j)));
        }
        for (int j = 0; j < k; j++) {
            final int column = j;
            keyFirst.get(j).keySet().forEach(v -> acc.keyCode(column, v));
        }
        codeClasses(acc, firstRows("y", spec.label()), spec.label());
        if (spec.prediction().isPresent()) {
            codeClasses(acc, firstRows("p", spec.prediction().get()), spec.prediction().get());
        }
        checkNumbers(spec.score(), "s_missing");
        checkNumbers(spec.weights(), "w_missing");
        long bad = Math.min(firstOf("w_bad"), firstOf("s_bad"));
        if (bad != Long.MAX_VALUE) {
            Row r = rows.values(bad, spec.weights().map(c -> SparkColumns.column(c).cast("double")).orElse(lit(1.0)),
                    spec.score().map(c -> SparkColumns.column(c).cast("double")).orElse(lit(Double.NaN)));
            // the accumulator checks the row (weight, then score) and throws its own message
            acc.add(rows.rowOf(bad), new int[k], 0, 0, r.isNullAt(1) ? Double.NaN : r.getDouble(1),
                    r.isNullAt(0) ? Double.NaN : r.getDouble(0));
            throw new IllegalStateException("row id " + bad + " held an invalid weight or score in the aggregation but not "
                    + "when read again: the DataFrame is not deterministic");
        }
        List<Row> ordered = new ArrayList<>(groups);
        ordered.sort(Comparator.comparingLong(g -> g.getLong(at.get(FIRST))));
        int[] codes = new int[k];
        boolean predicted = spec.prediction().isPresent();
        for (Row g : ordered) {
            for (int j = 0; j < k; j++) {
                codes[j] = acc.keyCode(j, SparkColumns.canonical(g.get(at.get("k" + j))));
            }
            int y = acc.classCode(SparkColumns.canonical(g.get(at.get("y"))), 0, spec.label());
            int p = predicted ? acc.classCode(SparkColumns.canonical(g.get(at.get("p"))), 0, spec.prediction().get()) : y;
            double ws = at.containsKey("ws") ? g.getDouble(at.get("ws")) : Double.NaN;
            acc.addCell(codes, y, p, g.getDouble(at.get("w")), g.getLong(at.get("n")), ws);
        }
        return acc.build();
    }

    /**
     * Each canonical value of a grouped column with the id of its first row, in the order of first rows;
     * a missing value is an error naming its first row.
     */
    private Map<String, Long> firstRows(String alias, String column) {
        int i = at.get(alias);
        int first = at.get(FIRST);
        long missing = Long.MAX_VALUE;
        Map<String, Long> values = new HashMap<>();
        for (Row g : groups) {
            long id = g.getLong(first);
            Object v = g.get(i);
            if (SparkColumns.isMissing(v)) {
                missing = Math.min(missing, id);
            } else {
                values.merge(SparkColumns.canonical(v), id, Math::min);
            }
        }
        if (missing != Long.MAX_VALUE) {
            throw InvalidInputException.problem("is missing").row(rows.rowOf(missing)).column(column).expected("a value").build();
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * Codes label values in the order of their first rows. The row only matters when the accumulator
     * refuses a value (a third one in binary mode): then it is looked up and the refusal repeated with it.
     */
    private void codeClasses(StatisticsAccumulator acc, Map<String, Long> firstRows, String column) {
        firstRows.forEach((value, id) -> {
            try {
                acc.classCode(value, 0, column);
            } catch (InvalidInputException e) {
                acc.classCode(value, rows.rowOf(id), column);
                throw e;
            }
        });
    }

    private void checkNumbers(Optional<String> column, String missingAlias) {
        if (column.isEmpty()) {
            return;
        }
        DataType t = SparkColumns.type(df, column.get());
        if (!SparkColumns.isNumberLike(t)) {
            throw InvalidInputException.problem("is not numeric").column(column.get()).value(t.simpleString() + " column")
                    .expected("a number column").build();
        }
        long missing = firstOf(missingAlias);
        if (missing != Long.MAX_VALUE) {
            throw InvalidInputException.problem("is missing").row(rows.rowOf(missing)).column(column.get())
                    .expected("a number").build();
        }
    }

    /** The smallest id of an aggregated {@code min(when(…, id))} column over all groups; MAX_VALUE when none. */
    private long firstOf(String alias) {
        Integer i = at.get(alias);
        long first = Long.MAX_VALUE;
        if (i == null) {
            return first;
        }
        for (Row g : groups) {
            if (!g.isNullAt(i)) {
                first = Math.min(first, g.getLong(i));
            }
        }
        return first;
    }

    /**
     * Checks the feature columns as the {@code Table} path does before consistency: each must be numeric and
     * have no missing value (null in an integer column), then every value must be finite; an error names the
     * first such row (and, unlike the {@code Table} path, the column).
     */
    public void checkFeatures() {
        List<String> features = spec.features();
        for (int j = 0; j < features.size(); j++) {
            checkNumbers(Optional.of(features.get(j)), "f" + j + "_missing");
        }
        long bad = Long.MAX_VALUE;
        for (int j = 0; j < features.size(); j++) {
            bad = Math.min(bad, firstOf("f" + j + "_bad"));
        }
        if (bad == Long.MAX_VALUE) {
            return;
        }
        Column[] cols = features.stream().map(f -> SparkColumns.column(f).cast("double")).toArray(Column[]::new);
        Row r = rows.values(bad, cols);
        for (int j = 0; j < features.size(); j++) {
            double x = r.isNullAt(j) ? Double.NaN : r.getDouble(j);
            if (!Double.isFinite(x)) {
                throw InvalidInputException.problem("is not a finite feature value").row(rows.rowOf(bad))
                        .column(features.get(j)).value(Double.toString(x)).expected("a finite number for consistency").build();
            }
        }
    }
}
