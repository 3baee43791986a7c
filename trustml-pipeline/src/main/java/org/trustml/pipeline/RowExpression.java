package org.trustml.pipeline;

import static java.util.Objects.requireNonNull;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.NullableType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.BooleanColumn;
import org.trustml.core.table.Column;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Schema;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.pipeline.internal.Cel;

/**
 * A Common Expression Language (CEL) expression over one row of a table, compiled once and type-checked against the
 * table's schema before any row is evaluated. Every column whose name is a CEL identifier is a variable of its type:
 * STRING → {@code string}, LONG → {@code int}, DOUBLE → {@code double}, BOOLEAN → {@code bool}, each nullable, since a
 * missing value is {@code null} (a DOUBLE's NaN is missing). So {@code age != null && age >= 18} type-checks and is
 * false where age is missing, while {@code age >= 18} on a row where age is missing is an error naming the row and
 * the missing column, not a silent false. Numbers do not mix in arithmetic ({@code double(years) * rate}); they
 * compare across types ({@code age > 17.5}). The language has no loops but bounded comprehensions over literals, no
 * side effects and no access to anything but the row; limits on length, iterations and regular expressions bound
 * its work ({@link Cel}).
 *
 * <p>Evaluation reuses one activation per call of {@link #values} or {@link #rowsWhereTrue}: a resolver that reads
 * the current row's values from the columns' arrays, so a million rows cost a million calls of the compiled program
 * (BENCHMARKS.md, "CEL transform and filter").
 *
 * <pre>{@code
 * RowExpression bmi = RowExpression.compile("weight / (height * height)", table.schema(), where);
 * Table withBmi = table.withColumn(bmi.values(table, "bmi"));
 * }</pre>
 */
public final class RowExpression {
    private final String text;
    private final Path file;
    private final String where;
    private final CelRuntime.Program program;
    private final ColumnType resultType;
    private final boolean nullable;
    private final Set<String> notVariables;

    private RowExpression(String text, Path file, String where, CelRuntime.Program program, ColumnType resultType,
            boolean nullable, Set<String> notVariables) {
        this.text = text;
        this.file = file;
        this.where = where;
        this.program = program;
        this.resultType = resultType;
        this.nullable = nullable;
        this.notVariables = notVariables;
    }

    /**
     * Checks only the syntax of {@code text}, as a pipeline file is read: an error is an {@link InvalidInputException}
     * naming {@code where} (the field, e.g. {@code filter.keep}), the expression and the position in it.
     */
    public static void parse(String text, String where) {
        requireNonNull(text, "text");
        CelValidationResult r = Cel.parser().parse(text);
        if (r.hasError()) {
            throw problem("is not a CEL expression", text, null, where, r.getErrors(), Set.of());
        }
    }

    /** The same as {@link #compile(String, Schema, Path, String)} for an expression not read from a file. */
    public static RowExpression compile(String text, Schema schema, String where) {
        return compile(text, schema, null, where);
    }

    /**
     * Compiles {@code text} against {@code schema}: parsed and type-checked before any row is seen. A syntax or type
     * error is an {@link InvalidInputException} naming {@code file} (the pipeline file; may be null), {@code where}
     * (the field, e.g. {@code stages[2].filter.keep}), the expression, the line and column in it, the checker's
     * message and the columns with their CEL types; evaluation errors name the same and the row.
     */
    public static RowExpression compile(String text, Schema schema, Path file, String where) {
        requireNonNull(text, "text");
        requireNonNull(schema, "schema");
        requireNonNull(where, "where");
        CelCompilerBuilder b = Cel.builder();
        Set<String> notVariables = new LinkedHashSet<>();
        for (Schema.Field f : schema.fields()) {
            if (Cel.isVariableName(f.name())) {
                b.addVar(f.name(), Cel.typeOf(f.type()));
            } else {
                notVariables.add(f.name());
            }
        }
        CelValidationResult r = b.build().compile(text);
        if (r.hasError()) {
            throw problem("does not type-check against the table (columns, each null where missing: "
                    + declared(schema) + ")", text, file,
                    where, r.getErrors(), notVariables);
        }
        try {
            CelAbstractSyntaxTree ast = r.getAst();
            CelType t = ast.getResultType();
            ColumnType column = Cel.columnTypeOf(t);
            if (column == null) {
                throw InvalidInputException.problem("gives a value of CEL type " + t.name()
                                + ", which no column holds").file(file).column(where).value(text)
                        .expected("an expression of type string, int, double or bool (convert with string(), int(), "
                                + "double())").build();
            }
            return new RowExpression(text, file, where, Cel.runtime().createProgram(ast), column, t instanceof NullableType,
                    notVariables);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("CEL failed on an expression it had checked: " + text, e);
        }
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /** The type of its values, as a column type ({@code bool} → BOOLEAN …). */
    public ColumnType resultType() {
        return resultType;
    }

    /** Whether its values may be {@code null} (a bare nullable column, say): a null is a missing value. */
    public boolean nullable() {
        return nullable;
    }

    /**
     * The expression's value on every row of {@code table} (which must have the schema it was compiled against), as a
     * column named {@code name} of {@link #resultType()}; a {@code null} value is missing. An evaluation error (a
     * missing value in arithmetic, a division by zero, an overflow) names the row.
     */
    public Column values(Table table, String name) {
        requireNonNull(name, "name");
        int n = table.rowCount();
        Activation a = new Activation(table);
        return switch (resultType) {
            case STRING -> {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    Object v = a.eval(i);
                    out[i] = v == null ? null : (String) v;
                }
                yield StringColumn.of(name, out);
            }
            case LONG -> {
                Long[] out = new Long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (Long) a.eval(i);
                }
                yield LongColumn.ofNullable(name, out);
            }
            case DOUBLE -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    Object v = a.eval(i);
                    out[i] = v == null ? Double.NaN : (Double) v;
                }
                yield DoubleColumn.of(name, out);
            }
            case BOOLEAN -> {
                Boolean[] out = new Boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (Boolean) a.eval(i);
                }
                yield BooleanColumn.ofNullable(name, out);
            }
        };
    }

    /**
     * The indices of the rows of {@code table} where the expression (of type {@code bool}) is true, in order. A row
     * where it is {@code null} is an error naming the row: say what a missing value means
     * ({@code flag != null && flag}).
     */
    public int[] rowsWhereTrue(Table table) {
        if (resultType != ColumnType.BOOLEAN) {
            throw InvalidInputException.problem("gives a " + resultType.label() + ", not a condition").file(file)
                    .column(where)
                    .value(text).expected("an expression of type bool, e.g. age >= 18").build();
        }
        int n = table.rowCount();
        Activation a = new Activation(table);
        BitSet keep = new BitSet(n);
        for (int i = 0; i < n; i++) {
            Object v = a.eval(i);
            if (v == null) {
                throw InvalidInputException.problem("is null (a missing value), neither true nor false").file(file)
                        .row(i + 1L)
                        .column(where).value(text).expected("a condition that says what a missing value means, "
                                + "e.g. x != null && x").build();
            }
            if ((Boolean) v) {
                keep.set(i);
            }
        }
        return keep.stream().toArray();
    }

    /**
     * The row being evaluated, as CEL sees it: reads each value the program asks for from its column (once per
     * name and row), {@code null} when missing. One per pass over a table.
     */
    private final class Activation implements CelVariableResolver {
        private final Map<String, Column> columns = new HashMap<>();
        private final List<String> asked = new ArrayList<>();
        private int row;

        Activation(Table table) {
            for (Column c : table.columns()) {
                columns.put(c.name(), c);
            }
        }

        @Override
        public Optional<Object> find(String name) {
            Column c = columns.get(name);
            if (c == null) {
                return Optional.empty();
            }
            asked.add(name);
            Object v = c.get(row);
            return Optional.of(v == null ? NullValue.NULL_VALUE : v);
        }

        Object eval(int i) {
            row = i;
            asked.clear();
            Object v;
            try {
                v = program.eval(this);
            } catch (CelEvaluationException e) {
                Set<String> missing = asked.stream().filter(c -> columns.get(c).isMissing(i))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                throw InvalidInputException.problem("cannot be evaluated: " + firstLine(e.getMessage())
                                + (missing.isEmpty() ? "" : " (missing in this row: " + String.join(", ", missing) + ")"))
                        .file(file).row(i + 1L).column(where).value(text)
                        .expected(missing.isEmpty() ? "an expression defined on every row"
                                : "an expression that handles missing values, e.g. " + missing.iterator().next()
                                        + " != null && …").build(e);
            }
            return v instanceof NullValue ? null : v;
        }
    }

    private static String declared(Schema schema) {
        return schema.fields().stream().filter(f -> Cel.isVariableName(f.name()))
                .map(f -> f.name() + " " + Cel.typeOf(f.type()).name()).collect(Collectors.joining(", "));
    }

    private static InvalidInputException problem(String what, String text, Path file, String where,
            List<CelIssue> issues, Set<String> notVariables) {
        CelIssue first = issues.get(0);
        String at = first.getSourceLocation().getLine() > 0 ? " at line " + first.getSourceLocation().getLine()
                + ", column " + (first.getSourceLocation().getColumn() + 1) : "";
        String more = issues.size() > 1 ? " (and " + (issues.size() - 1) + " more)" : "";
        String message = firstLine(first.getMessage());
        int candidates = message.indexOf(" (candidates:");
        if (candidates > 0) {
            message = message.substring(0, candidates); // CEL lists every overload of the operator
        }
        String hint = notVariables.isEmpty() || !message.contains("undeclared reference")
                ? "a CEL expression over the row's columns"
                : "a CEL expression over the row's columns (" + String.join(", ", notVariables)
                        + ": not CEL identifiers, so not variables; rename them first)";
        return InvalidInputException.problem(what + at + ": " + message + more).file(file)
                .column(where)
                .value(text).expected(hint).build();
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
