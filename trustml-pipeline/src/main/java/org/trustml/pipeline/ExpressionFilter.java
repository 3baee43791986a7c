package org.trustml.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.Filter;
import org.trustml.core.table.Table;

/**
 * The {@code filter} stage of pipeline files: keeps the rows where a CEL condition ({@link RowExpression} of type
 * {@code bool}) is true, in order. The condition is type-checked against the table's schema before any row is
 * evaluated; a row where it is {@code null} or cannot be evaluated (a missing value compared) is an error naming the
 * row, so say what a missing value means: {@code sex != null && sex == 'F'}. Logs {@code rows_in},
 * {@code rows_out} and {@code rows_dropped}, as core's {@link Filter} does.
 *
 * <pre>{@code
 * ExpressionFilter.keeping("!filename.endsWith('.nii.gz') && sex != null")
 * }</pre>
 */
public final class ExpressionFilter implements Stage<Table, Table> {

    /**
     * The stage's configuration: what the run record keeps.
     *
     * @param keep the CEL condition of the rows kept
     */
    public record Config(String keep) {
        public Config {
            RowExpression.parse(requireNonNull(keep, "keep"), "keep");
        }
    }

    private final Config config;
    private final Path file;
    private final String where;

    private ExpressionFilter(Config config, Path file, String where) {
        this.config = config;
        this.file = file;
        this.where = where;
    }

    /** Keeps the rows where {@code condition} holds. */
    public static ExpressionFilter keeping(String condition) {
        return new ExpressionFilter(new Config(condition), null, "filter");
    }

    /** The same, its errors naming the pipeline file {@code file} (may be null) and the field {@code where}. */
    public static ExpressionFilter keeping(String condition, Path file, String where) {
        return new ExpressionFilter(new Config(condition), file, requireNonNull(where, "where"));
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
        requireNonNull(input, "input");
        RowExpression keep = RowExpression.compile(config.keep(), input.schema(), file, where + ".keep");
        return Filter.counted(input, input.take(keep.rowsWhereTrue(input)), context);
    }
}
