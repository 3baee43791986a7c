package org.trustml.core.stages;

import static java.util.Objects.requireNonNull;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.Row;
import org.trustml.core.table.Table;

/**
 * Stages that change or add columns of a table.
 *
 * <p>A Java lambda carries no description of itself, so the run record can only say which
 * column was changed and how the caller described it: pass a description (for example
 * {@code "replace / with _"}) to make the provenance say what the function does.
 */
public final class Transform implements Stage<Table, Table> {

    /**
     * @param operation   map_strings, map_doubles, derive_string or derive_double
     * @param column      the column changed or added
     * @param description what the function does, as the caller said
     */
    public record Config(String operation, String column, String description) {
        public Config {
            requireNonNull(operation, "operation");
            requireNonNull(column, "column");
            requireNonNull(description, "description");
        }
    }

    private static final String UNDESCRIBED = "(function not described)";

    private final Config config;
    private final UnaryOperator<Table> operation;

    private Transform(Config config, UnaryOperator<Table> operation) {
        this.config = config;
        this.operation = operation;
    }

    /** Replaces each value of a STRING column by {@code f(value)}. */
    public static Transform column(String column, UnaryOperator<String> f) {
        return column(column, UNDESCRIBED, f);
    }

    /** Replaces each value of a STRING column by {@code f(value)}; {@code description} goes to the record. */
    public static Transform column(String column, String description, UnaryOperator<String> f) {
        requireNonNull(f, "f");
        return new Transform(new Config("map_strings", column, description), t -> t.mapStrings(column, f));
    }

    /** Replaces each present value of a DOUBLE column by {@code f(value)}. */
    public static Transform doubles(String column, String description, DoubleUnaryOperator f) {
        requireNonNull(f, "f");
        return new Transform(new Config("map_doubles", column, description), t -> t.mapDoubles(column, f));
    }

    /** Adds (or replaces) a STRING column computed from each row. */
    public static Transform deriveString(String column, String description, Function<Row, String> f) {
        requireNonNull(f, "f");
        return new Transform(new Config("derive_string", column, description), t -> t.deriveString(column, f));
    }

    /** Adds (or replaces) a DOUBLE column computed from each row. */
    public static Transform deriveDouble(String column, String description, ToDoubleFunction<Row> f) {
        requireNonNull(f, "f");
        return new Transform(new Config("derive_double", column, description), t -> t.deriveDouble(column, f));
    }

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Table apply(Table input, RunContext context) {
        return operation.apply(requireNonNull(input, "input"));
    }
}
