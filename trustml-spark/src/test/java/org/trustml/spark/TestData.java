package org.trustml.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.trustml.core.table.BooleanColumn;
import org.trustml.core.table.Column;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * The same rows as a trustml {@link Table} and as a Spark DataFrame split into partitions of chosen sizes
 * (order kept: partition 0 holds the first rows). Column types: long, double, string, boolean; a null cell is
 * missing (NaN in the table's double column, null in the DataFrame).
 */
record TestData(List<String> names, List<DataType> types, List<Object[]> rows) {

    TestData {
        names = List.copyOf(names);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    int size() {
        return rows.size();
    }

    Table table() {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            final int c = j;
            DataType t = types.get(j);
            String n = names.get(j);
            if (t.equals(DataTypes.LongType)) {
                cols.add(LongColumn.ofNullable(n, rows.stream().map(r -> (Long) r[c]).toArray(Long[]::new)));
            } else if (t.equals(DataTypes.DoubleType)) {
                cols.add(DoubleColumn.of(n, rows.stream().mapToDouble(r -> r[c] == null ? Double.NaN : (Double) r[c]).toArray()));
            } else if (t.equals(DataTypes.BooleanType)) {
                cols.add(BooleanColumn.ofNullable(n, rows.stream().map(r -> (Boolean) r[c]).toArray(Boolean[]::new)));
            } else {
                cols.add(StringColumn.of(n, rows.stream().map(r -> (String) r[c]).toList()));
            }
        }
        return Table.of(cols);
    }

    StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            fields.add(DataTypes.createStructField(names.get(j), types.get(j), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The rows in {@code partitions} contiguous, nearly equal slices. */
    Dataset<Row> frame(SparkSession spark, int partitions) {
        int[] sizes = new int[partitions];
        for (int p = 0; p < partitions; p++) {
            sizes[p] = (int) ((long) size() * (p + 1) / partitions - (long) size() * p / partitions);
        }
        return frame(spark, sizes);
    }

    /** The rows in contiguous slices of these sizes (zeros make empty partitions). */
    Dataset<Row> frame(SparkSession spark, int... sizes) {
        if (Arrays.stream(sizes).sum() != size()) {
            throw new IllegalArgumentException("partition sizes " + Arrays.toString(sizes) + " do not add up to " + size());
        }
        List<ArrayList<Row>> chunks = new ArrayList<>();
        int at = 0;
        for (int s : sizes) {
            ArrayList<Row> chunk = new ArrayList<>();
            for (int i = at; i < at + s; i++) {
                chunk.add(RowFactory.create(rows.get(i)));
            }
            chunks.add(chunk);
            at += s;
        }
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(chunks, chunks.size())
                .flatMap(ArrayList::iterator);
        return spark.createDataFrame(rdd, schema());
    }

    /** The same rows in a seeded random order. */
    TestData shuffled(long seed) {
        List<Object[]> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, new Random(seed));
        return new TestData(names, types, copy);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    TestData slice(int from, int to) {
        return new TestData(names, types, rows.subList(from, to));
    }

    /** A copy with one cell replaced. */
    TestData with(int row, String column, Object value) {
        List<Object[]> copy = new ArrayList<>(rows);
        Object[] r = copy.get(row).clone();
        r[names.indexOf(column)] = value;
        copy.set(row, r);
        return new TestData(names, types, copy);
    }

    /**
     * Seeded rows of the fairness schema: {@code sex} (long 0/1), {@code race} (string, three values),
     * {@code age} (string, three groups), {@code y} and {@code yhat} (long 0/1, the prediction agreeing with the
     * label 70% of the time), {@code p} (score, a multiple of 1/16), {@code w} (weight) and two features
     * {@code a}, {@code b}. With {@code exact} the weights are small integers and every sum is exact, so the
     * order of summation cannot change a bit; otherwise weights and scores are arbitrary doubles.
     */
    static TestData fairness(long seed, int n, boolean exact) {
        Random r = new Random(seed);
        String[] races = {"white", "black", "asian"};
        String[] ages = {"<25", "25-59", ">59"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long sex = i < 2 ? i : r.nextInt(2);
            long y = r.nextDouble() < 0.4 + 0.2 * sex ? 1 : 0;
            long yhat = r.nextDouble() < 0.7 ? y : 1 - y;
            double p = exact ? (yhat * 8 + r.nextInt(8)) / 16.0 : Math.min(1, Math.max(0, 0.5 * yhat + 0.5 * r.nextDouble()));
            double w = exact ? 1 + r.nextInt(3) : 0.1 + 2 * r.nextDouble();
            rows.add(new Object[] {sex, races[r.nextInt(3)], ages[r.nextInt(3)], y, yhat, p, w,
                    r.nextGaussian() + y, (double) r.nextInt(5)});
        }
        return new TestData(List.of("sex", "race", "age", "y", "yhat", "p", "w", "a", "b"),
                List.of(DataTypes.LongType, DataTypes.StringType, DataTypes.StringType, DataTypes.LongType,
                        DataTypes.LongType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType,
                        DataTypes.DoubleType), rows);
    }

    /**
     * Seeded rows of a drift table: {@code x} (normal, shifted by {@code shift}), {@code t} (long 0–4: ties),
     * {@code e} (double with about 10% missing and a few {@code -0.0}), {@code color} (string, four categories,
     * the last one more frequent when {@code shift > 0}), {@code flag} (boolean), {@code y} (long 0/1 label).
     */
    static TestData drift(long seed, int n, double shift) {
        Random r = new Random(seed);
        String[] colors = {"red", "green", "blue", "purple"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double e = r.nextDouble() < 0.1 ? Double.NaN : Math.round(r.nextGaussian() * 4) / 4.0;
            rows.add(new Object[] {r.nextGaussian() + shift, (long) r.nextInt(5), Double.isNaN(e) ? null : e == 0 ? -0.0 : e,
                    colors[r.nextDouble() < shift / 4 ? 3 : r.nextInt(4)], r.nextBoolean(), (long) (r.nextDouble() < 0.3 + shift / 4 ? 1 : 0)});
        }
        return new TestData(List.of("x", "t", "e", "color", "flag", "y"),
                List.of(DataTypes.DoubleType, DataTypes.LongType, DataTypes.DoubleType, DataTypes.StringType,
                        DataTypes.BooleanType, DataTypes.LongType), rows);
    }

    /** The rows of a table (long, double, string and boolean columns keep their types; missing is null). */
    static TestData of(Table table) {
        List<DataType> types = new ArrayList<>();
        for (Column c : table.columns()) {
            types.add(switch (c.type()) {
                case LONG -> DataTypes.LongType;
                case DOUBLE -> DataTypes.DoubleType;
                case BOOLEAN -> DataTypes.BooleanType;
                case STRING -> DataTypes.StringType;
            });
        }
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] row = new Object[table.columnCount()];
            for (int j = 0; j < row.length; j++) {
                row[j] = table.column(j).get(r);
            }
            rows.add(row);
        }
        return new TestData(table.columnNames(), types, rows);
    }
}
