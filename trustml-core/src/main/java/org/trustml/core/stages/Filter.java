package org.trustml.core.stages;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Predicate;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.Row;
import org.trustml.core.table.Table;

/**
 * Stages that keep some rows of a table. Each logs {@code rows_in}, {@code rows_out} and
 * {@code rows_dropped}.
 */
public final class Filter implements Stage<Table, Table> {

    /**
     * @param operation   rows or drop_missing
     * @param columns     the columns looked at (drop_missing)
     * @param description what the predicate keeps, as the caller said
     */
    public record Config(String operation, List<String> columns, String description) {
        public Config {
            requireNonNull(operation, "operation");
            columns = List.copyOf(columns);
            requireNonNull(description, "description");
        }
    }

    private final Config config;
    private final Predicate<Row> keep;

    private Filter(Config config, Predicate<Row> keep) {
        this.config = config;
        this.keep = keep;
    }

    /** Keeps the rows for which {@code keep} holds. */
    public static Filter rows(Predicate<Row> keep) {
        return rows("(predicate not described)", keep);
    }

    /** Keeps the rows for which {@code keep} holds; {@code description} goes to the record. */
    public static Filter rows(String description, Predicate<Row> keep) {
        return new Filter(new Config("rows", List.of(), description), requireNonNull(keep, "keep"));
    }

    /** Keeps the rows in which none of these columns is missing. */
    public static Filter dropMissing(String... columns) {
        List<String> cols = List.of(columns);
        return new Filter(new Config("drop_missing", cols, "rows with no missing value in " + cols),
                r -> cols.stream().noneMatch(r::isMissing));
    }

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Table apply(Table input, RunContext context) {
        for (String c : config.columns()) {
            input.column(c); // a missing column is an error even on an empty table
        }
        return counted(input, input.filter(keep), context);
    }

    /**
     * Logs {@code rows_in}, {@code rows_out} and {@code rows_dropped} of a filtering stage that kept {@code out} of
     * {@code in}, as every filter stage does (this one, the expression filter of pipeline files); returns {@code out}.
     */
    public static Table counted(Table in, Table out, RunContext context) {
        context.logMetric("rows_in", in.rowCount());
        context.logMetric("rows_out", out.rowCount());
        context.logMetric("rows_dropped", in.rowCount() - out.rowCount());
        return out;
    }
}
