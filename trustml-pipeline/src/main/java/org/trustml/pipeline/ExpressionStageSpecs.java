package org.trustml.pipeline;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.nio.file.Path;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSource;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;
import org.trustml.core.table.Table;

/**
 * The expression stage kinds of pipeline files, {@code transform} and {@code filter}: CEL expressions over the
 * row's columns ({@link RowExpression}), syntax-checked when the file is read and type-checked against the table
 * when the stage runs, before any row is evaluated.
 *
 * <pre>
 * - transform: {columns: {bmi: "weight / (height * height)", adult: "age != null &amp;&amp; age &gt;= 18"}}
 * - filter: {keep: "!filename.endsWith('.nii.gz') &amp;&amp; sex != null"}
 * </pre>
 */
public final class ExpressionStageSpecs implements StageSpecKinds {
    @Override
    public Map<String, Class<? extends StageSpec>> kinds() {
        return Map.of("transform", TransformSpec.class, "filter", FilterSpec.class);
    }

    /**
     * {@code transform}: {@code columns}, column name → CEL expression (added, or replaced in place, in order; each
     * sees the columns before it).
     *
     * @param columns column name → expression
     */
    @JsonClassDescription("Adds or replaces columns, each a CEL expression over the row's columns (string, int, double, "
            + "bool; a missing value is null): columns: {name: expression, ...}, in order.")
    public record TransformSpec(@Required Map<String, String> columns) implements StageSpec {
        public TransformSpec {
            if (columns == null || columns.isEmpty()) {
                throw InvalidInputException.problem("is required").column("columns")
                        .expected("column name → CEL expression, e.g. {bmi: \"weight / (height * height)\"}").build();
            }
            columns = new ExpressionTransform.Config(columns).columns();
        }

        public String kind() {
            return "transform";
        }

        public Class<?> inputType() {
            return Table.class;
        }

        public Class<?> outputType() {
            return Table.class;
        }

        public Stage<?, ?> build(Path base) {
            return ExpressionTransform.of(columns);
        }

        @Override
        public Stage<?, ?> build(Path base, StageSource source) {
            return ExpressionTransform.of(columns, source.file().orElse(null), field(source));
        }
    }

    /**
     * {@code filter}: {@code keep}, the CEL condition of the rows kept.
     *
     * @param keep the condition
     */
    @JsonClassDescription("Keeps the rows where a CEL condition over the row's columns is true: keep: \"age != null && "
            + "age >= 18\" (a missing value is null; say what it means).")
    public record FilterSpec(@Required String keep) implements StageSpec {
        public FilterSpec {
            if (keep == null || keep.isBlank()) {
                throw InvalidInputException.problem("is required").column("keep")
                        .expected("a CEL condition, e.g. \"age != null && age >= 18\"").build();
            }
            new ExpressionFilter.Config(keep);
        }

        public String kind() {
            return "filter";
        }

        public Class<?> inputType() {
            return Table.class;
        }

        public Class<?> outputType() {
            return Table.class;
        }

        public Stage<?, ?> build(Path base) {
            return ExpressionFilter.keeping(keep);
        }

        @Override
        public Stage<?, ?> build(Path base, StageSource source) {
            return ExpressionFilter.keeping(keep, source.file().orElse(null), field(source));
        }
    }

    private static String field(StageSource source) {
        return "stages[" + source.index() + "]." + source.kind();
    }
}
