package org.trustml.pipeline.internal;

import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trustml.core.table.ColumnType;

/**
 * The one CEL configuration of trustml: the standard environment and macros, the string extensions
 * ({@code lowerAscii}, {@code replace}, {@code split}, {@code substring}, {@code trim} …) and the math extensions
 * ({@code math.greatest}, {@code math.least}, {@code math.round} …), heterogeneous numeric comparisons
 * ({@code age > 30.5}), and limits that bound the work of any expression: at most {@value #MAX_EXPRESSION_LENGTH}
 * code points, {@value #MAX_ITERATIONS} iterations per comprehension and regular expressions of at most
 * {@value #MAX_REGEX_PROGRAM} RE2 instructions (RE2 matches in linear time). Compilers and the runtime are immutable and
 * thread-safe.
 */
public final class Cel {
    /** Longest expression accepted, in code points. */
    public static final int MAX_EXPRESSION_LENGTH = 10_000;
    /** Most iterations of one comprehension ({@code all}, {@code exists}, {@code map}, {@code filter}). */
    public static final int MAX_ITERATIONS = 10_000;
    /** Largest compiled regular expression of {@code matches}, in RE2 program instructions. */
    public static final int MAX_REGEX_PROGRAM = 10_000;

    /** CEL's reserved words: a column of one of these names cannot be a variable. */
    public static final Set<String> RESERVED = Set.of("as", "break", "const", "continue", "else", "false", "for",
            "function", "if", "import", "in", "let", "loop", "package", "namespace", "null", "return", "true", "var",
            "void", "while");
    private static final Pattern IDENTIFIER = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");

    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(MAX_ITERATIONS).maxRegexProgramSize(MAX_REGEX_PROGRAM)
            .maxExpressionCodePointSize(MAX_EXPRESSION_LENGTH).build();
    private static final CelCompiler PARSER = builder().build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
            .addLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS)).build();

    private Cel() {}

    /** A compiler with the standard environment and macros, to which the caller adds variables. */
    public static CelCompilerBuilder builder() {
        return CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS));
    }

    /** A compiler without variables: enough to parse. */
    public static CelCompiler parser() {
        return PARSER;
    }

    /** The runtime. */
    public static CelRuntime runtime() {
        return RUNTIME;
    }

    /** Whether a column name can be a CEL variable: an identifier that is not a reserved word. */
    public static boolean isVariableName(String name) {
        return IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** The CEL type of a column: its values' type, nullable (a missing value is {@code null}). */
    public static CelType typeOf(ColumnType type) {
        return NullableType.create(SCALARS.get(type));
    }

    private static final Map<ColumnType, CelType> SCALARS = Map.of(ColumnType.STRING, SimpleType.STRING,
            ColumnType.LONG, SimpleType.INT, ColumnType.DOUBLE, SimpleType.DOUBLE, ColumnType.BOOLEAN, SimpleType.BOOL);

    /** The column type of a CEL result type, or null when no column holds it (lists, maps, uint, null …). */
    public static ColumnType columnTypeOf(CelType type) {
        return switch (type.kind()) {
            case STRING -> ColumnType.STRING;
            case INT -> ColumnType.LONG;
            case DOUBLE -> ColumnType.DOUBLE;
            case BOOL -> ColumnType.BOOLEAN;
            default -> null;
        };
    }
}
