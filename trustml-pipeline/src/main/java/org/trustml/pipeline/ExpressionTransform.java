package org.trustml.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.Table;

/**
 * The {@code transform} stage of pipeline files: adds or replaces columns, each the value of a CEL expression over
 * the row ({@link RowExpression}), in the order given; each expression sees the columns the ones before it made.
 * Every expression is type-checked against the table it will see before any row is evaluated, so a type error in
 * the third column stops the stage before the first is computed. A column's type is its expression's (string,
 * int → long, double, bool); a {@code null} value is missing. Logs {@code columns_added} and
 * {@code columns_replaced}.
 *
 * <pre>{@code
 * ExpressionTransform.of(Map.of("bmi", "weight / (height * height)", "adult", "age != null && age >= 18"))
 * }</pre>
 */
public final class ExpressionTransform implements Stage<Table, Table> {

    /**
     * The stage's configuration: what the run record keeps.
     *
     * @param columns column name → CEL expression, in order
     */
    public record Config(Map<String, String> columns) {
        public Config {
            if (requireNonNull(columns, "columns").isEmpty()) {
                throw InvalidInputException.problem("is empty").column("columns")
                        .expected("at least one column: name → CEL expression").build();
            }
            columns.forEach((name, expression) -> {
                if (name == null || name.isBlank()) {
                    throw InvalidInputException.problem("is blank").column("columns")
                            .expected("a column name for each expression").build();
                }
                RowExpression.parse(requireNonNull(expression, "expression"), "columns." + name);
            });
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    private final Config config;
    private final Path file;
    private final String where;

    private ExpressionTransform(Config config, Path file, String where) {
        this.config = config;
        this.file = file;
        this.where = where;
    }

    /** Adds or replaces these columns (name → expression, in the map's order). */
    public static ExpressionTransform of(Map<String, String> columns) {
        return new ExpressionTransform(new Config(columns), null, "transform");
    }

    /** The same, its errors naming the pipeline file {@code file} (may be null) and the field {@code where}. */
    public static ExpressionTransform of(Map<String, String> columns, Path file, String where) {
        return new ExpressionTransform(new Config(columns), file, requireNonNull(where, "where"));
    }

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public Config config() {
        return config;
    }

    /** Checks every expression against the table each will see, before any is evaluated; returns them in order. */
    private Map<String, RowExpression> compile(Table input) {
        Map<String, RowExpression> compiled = new LinkedHashMap<>();
        Table shape = input.head(0);
        for (Map.Entry<String, String> e : config.columns().entrySet()) {
            RowExpression x = RowExpression.compile(e.getValue(), shape.schema(), file, where + ".columns." + e.getKey());
            compiled.put(e.getKey(), x);
            shape = shape.withColumn(x.values(shape, e.getKey()));
        }
        return compiled;
    }

    @Override
    public Table apply(Table input, RunContext context) {
        requireNonNull(input, "input");
        int added = 0;
        int replaced = 0;
        Table out = input;
        for (Map.Entry<String, RowExpression> e : compile(input).entrySet()) {
            if (out.hasColumn(e.getKey())) {
                replaced++;
            } else {
                added++;
            }
            out = out.withColumn(e.getValue().values(out, e.getKey()));
        }
        context.logMetric("columns_added", added);
        context.logMetric("columns_replaced", replaced);
        return out;
    }
}
