package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;
import org.trustml.core.run.ContentAddressable;

/**
 * Immutable, columnar, typed data: the value every trustml stage reads and writes.
 *
 * <p>A table is a list of equally long {@link Column}s with unique names. Every operation returns
 * a new table and shares unchanged columns with the old one, so derived tables are cheap. Columns
 * give their primitive arrays without copying ({@link #doubles(String)} and friends) for numerical
 * code that must be fast.
 *
 * <pre>{@code
 * Table t = Table.readCsv(Path.of("metadata.csv"));
 * Table adults = t.filter(r -> r.number("age") >= 18)
 *                 .deriveDouble("age_decades", r -> r.number("age") / 10);
 * }</pre>
 */
public final class Table implements ContentAddressable {
    private final List<Column> columns;
    private final Schema schema;
    private final Map<String, Integer> index;
    private final int rowCount;

    private Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
        List<Schema.Field> fields = new ArrayList<>(columns.size());
        Map<String, Integer> idx = new HashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (int i = 0; i < columns.size(); i++) {
            Column c = requireNonNull(columns.get(i), "column");
            if (c.size() != rows) {
                throw InvalidInputException.problem("has " + c.size() + " rows")
                        .column(c.name())
                        .expected(rows + " rows like column '" + columns.get(0).name() + "'")
                        .build();
            }
            fields.add(new Schema.Field(c.name(), c.type()));
            idx.put(c.name(), i);
        }
        this.schema = new Schema(fields); // rejects duplicate names
        this.index = idx;
        this.rowCount = rows;
    }

    /** A table of these columns, which must have equal sizes and unique names. */
    public static Table of(Column... columns) {
        return new Table(Arrays.asList(columns));
    }

    /** A table of these columns, which must have equal sizes and unique names. */
    public static Table of(List<? extends Column> columns) {
        return new Table(new ArrayList<>(columns));
    }

    // ---------------------------------------------------------------- reading and writing

    /** Reads a CSV file with a header line, inferring column types ({@link CsvOptions#defaults()}). */
    public static Table readCsv(Path file) {
        return readCsv(file, CsvOptions.defaults());
    }

    /** Reads a CSV file with a header line. */
    public static Table readCsv(Path file, CsvOptions options) {
        return CsvTableReader.read(requireNonNull(file, "file"), requireNonNull(options, "options"));
    }

    /** Parses CSV text with a header line; errors name {@code sourceName} as the file. */
    public static Table parseCsv(String sourceName, String csv, CsvOptions options) {
        return CsvTableReader.parse(requireNonNull(sourceName, "sourceName"), csv, requireNonNull(options, "options"));
    }

    /** Reads JSON Lines: one JSON object per line; keys become columns, in order of first appearance. */
    public static Table readJsonLines(Path file) {
        return readJsonLines(file, Map.of());
    }

    /** Reads JSON Lines with some column types given instead of inferred. */
    public static Table readJsonLines(Path file, Map<String, ColumnType> types) {
        return JsonLinesTableReader.read(requireNonNull(file, "file"), Map.copyOf(types));
    }

    /**
     * Writes this table as CSV (header line, comma separator, UTF-8), atomically: a reader never
     * sees half a file. Missing values are empty fields; an empty string, or a string that equals
     * a missing-value token, is quoted so that it reads back as itself.
     */
    public Path writeCsv(Path file) {
        return CsvTableWriter.write(this, requireNonNull(file, "file"), CsvOptions.defaults());
    }

    /** This table as {@link #writeCsv} writes it, for {@code RunContext.writeArtifact} or another stream. */
    public org.trustml.core.io.AtomicFiles.Content csvContent() {
        return CsvTableWriter.content(this, CsvOptions.defaults());
    }

    // ---------------------------------------------------------------- shape and access

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<String> columnNames() {
        return schema.names();
    }

    public List<Column> columns() {
        return columns;
    }

    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** The named column; a missing name is an {@link InvalidInputException} listing the columns that exist. */
    public Column column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw InvalidInputException.problem("does not exist")
                    .column(name)
                    .expected("one of " + String.join(", ", columnNames()))
                    .build();
        }
        return columns.get(i);
    }

    public Column column(int position) {
        return columns.get(position);
    }

    public DoubleColumn doubleColumn(String name) {
        return typed(name, DoubleColumn.class, "a double column");
    }

    public LongColumn longColumn(String name) {
        return typed(name, LongColumn.class, "a long column");
    }

    public StringColumn stringColumn(String name) {
        return typed(name, StringColumn.class, "a string column");
    }

    public BooleanColumn booleanColumn(String name) {
        return typed(name, BooleanColumn.class, "a boolean column");
    }

    /** The named DOUBLE column's storage, without copying. Read only; missing rows are NaN. */
    public double[] doubles(String name) {
        return doubleColumn(name).values();
    }

    /** The named LONG column's storage, without copying. Read only. */
    public long[] longs(String name) {
        return longColumn(name).values();
    }

    /** The named BOOLEAN column's storage, without copying. Read only. */
    public boolean[] booleans(String name) {
        return booleanColumn(name).values();
    }

    private <C extends Column> C typed(String name, Class<C> type, String expected) {
        Column c = column(name);
        if (!type.isInstance(c)) {
            throw wrongType(c, expected);
        }
        return type.cast(c);
    }

    static InvalidInputException wrongType(Column c, String expected) {
        return InvalidInputException.problem("has type " + c.type().label())
                .column(c.name())
                .expected(expected)
                .build();
    }

    // ---------------------------------------------------------------- operations

    /** The named columns, in the order given. */
    public Table select(String... names) {
        List<Column> out = new ArrayList<>(names.length);
        for (String n : names) {
            out.add(column(n));
        }
        return new Table(out);
    }

    /** All columns but the named ones (each must exist). */
    public Table drop(String... names) {
        Set<String> gone = new LinkedHashSet<>();
        for (String n : names) {
            gone.add(column(n).name());
        }
        return new Table(columns.stream().filter(c -> !gone.contains(c.name())).collect(Collectors.toList()));
    }

    /** The rows for which {@code predicate} holds, in their order. */
    public Table filter(Predicate<Row> predicate) {
        requireNonNull(predicate, "predicate");
        Row row = new Row(this);
        int[] keep = new int[rowCount];
        int n = 0;
        for (int i = 0; i < rowCount; i++) {
            if (predicate.test(row.at(i))) {
                keep[n++] = i;
            }
        }
        return n == rowCount ? this : take(Arrays.copyOf(keep, n));
    }

    /** The rows at these indices, in this order (indices may repeat). */
    public Table take(int[] rows) {
        for (int r : rows) {
            if (r < 0 || r >= rowCount) {
                throw InvalidInputException.problem("is not a row index").value(r)
                        .expected("0 to " + (rowCount - 1)).build();
            }
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.take(rows));
        }
        return new Table(out);
    }

    /** The first {@code n} rows (all of them if there are fewer). */
    public Table head(int n) {
        if (n < 0) {
            throw InvalidInputException.problem("is negative").value(n).expected("n >= 0").build();
        }
        int k = Math.min(n, rowCount);
        int[] rows = new int[k];
        Arrays.setAll(rows, i -> i);
        return k == rowCount ? this : take(rows);
    }

    /** Adds {@code column}, or replaces the column of the same name in its position. */
    public Table withColumn(Column column) {
        requireNonNull(column, "column");
        List<Column> out = new ArrayList<>(columns);
        Integer i = index.get(column.name());
        if (i == null) {
            out.add(column);
        } else {
            out.set(i, column);
        }
        return new Table(out);
    }

    /** Replaces a STRING column's values by {@code f(value)}; {@code f} sees each distinct value once. */
    public Table mapStrings(String name, UnaryOperator<String> f) {
        return withColumn(stringColumn(name).map(requireNonNull(f, "f")));
    }

    /** Replaces a DOUBLE column's present values by {@code f(value)}. */
    public Table mapDoubles(String name, DoubleUnaryOperator f) {
        return withColumn(doubleColumn(name).map(requireNonNull(f, "f")));
    }

    /** Replaces a LONG column's present values by {@code f(value)}. */
    public Table mapLongs(String name, LongUnaryOperator f) {
        return withColumn(longColumn(name).map(requireNonNull(f, "f")));
    }

    /** Adds (or replaces) a DOUBLE column computed from each row; NaN results are missing. */
    public Table deriveDouble(String name, ToDoubleFunction<Row> f) {
        requireNonNull(f, "f");
        Row row = new Row(this);
        double[] out = new double[rowCount];
        for (int i = 0; i < rowCount; i++) {
            out[i] = f.applyAsDouble(row.at(i));
        }
        return withColumn(new DoubleColumn(name, out, ColumnBuilders.nanMask(out)));
    }

    /** Adds (or replaces) a LONG column computed from each row. */
    public Table deriveLong(String name, ToLongFunction<Row> f) {
        requireNonNull(f, "f");
        Row row = new Row(this);
        long[] out = new long[rowCount];
        for (int i = 0; i < rowCount; i++) {
            out[i] = f.applyAsLong(row.at(i));
        }
        return withColumn(new LongColumn(name, out, Missing.none()));
    }

    /** Adds (or replaces) a STRING column computed from each row; null results are missing. */
    public Table deriveString(String name, Function<Row, String> f) {
        requireNonNull(f, "f");
        Row row = new Row(this);
        String[] out = new String[rowCount];
        for (int i = 0; i < rowCount; i++) {
            out[i] = f.apply(row.at(i));
        }
        return withColumn(StringColumn.of(name, out));
    }

    /** Adds (or replaces) a BOOLEAN column computed from each row. */
    public Table deriveBoolean(String name, Predicate<Row> f) {
        requireNonNull(f, "f");
        Row row = new Row(this);
        boolean[] out = new boolean[rowCount];
        for (int i = 0; i < rowCount; i++) {
            out[i] = f.test(row.at(i));
        }
        return withColumn(new BooleanColumn(name, out, Missing.none()));
    }

    /**
     * Counts the rows of each combination of values of the named columns: a table with those
     * columns and a LONG column {@code count}, largest group first (ties in order of first
     * appearance). A missing value forms a group of its own.
     */
    public Table groupCounts(String... names) {
        return GroupCounts.of(this, names);
    }

    /** Per-column statistics: counts, missing, min/max/mean/std for numbers, top values for text. */
    public TableDescription describe() {
        return TableDescription.of(this);
    }

    /**
     * The named numeric (or boolean) columns as a {@code [rows, columns]} float32 NDArray in
     * {@code manager}. A missing value is an {@link InvalidInputException} naming row and column.
     */
    public NDArray toNDArray(NDManager manager, String... names) {
        return toNDArray(manager, DataType.FLOAT32, names);
    }

    /** As {@link #toNDArray(NDManager, String...)} with FLOAT32 or FLOAT64 elements. */
    public NDArray toNDArray(NDManager manager, DataType dataType, String... names) {
        return TableArrays.toNDArray(this, manager, dataType, names);
    }

    /** SHA-256 of the schema and every value, {@code sha256:<hex>}; equal tables hash equal. */
    @Override
    public String contentHash() {
        return TableHasher.hash(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && t.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "Table[" + rowCount + " rows: "
                + schema.fields().stream().map(f -> f.name() + " " + f.type().label()).collect(Collectors.joining(", "))
                + "]";
    }
}
