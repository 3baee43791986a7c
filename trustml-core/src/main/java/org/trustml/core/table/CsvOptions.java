package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.trustml.core.InvalidInputException;

/**
 * How to read (and write) CSV. The file is UTF-8 (a byte-order mark is skipped), has a header
 * line, and uses {@code "} for quoting. Column types are inferred (LONG, then DOUBLE, then
 * BOOLEAN, else STRING) unless given in {@link #types()}.
 *
 * <p>Every CSV reader in trustml ({@link Table#readCsv}, {@link CsvRecords}, and through them the
 * fairness, drift, explain and attack inputs) applies the same rules, each an
 * {@link org.trustml.core.InvalidInputException} naming file, line, column and value: the text is
 * strict UTF-8 without NUL characters ({@link org.trustml.core.io.InputFiles}); header names are
 * unique (a blank one is named {@code Unnamed: i}, as pandas does); every row has as many fields as
 * the header (blank lines are skipped); and no field is longer than {@link #maxFieldChars()}.
 *
 * @param separator   field separator, default {@code ','}
 * @param types       column types that override inference, by column name
 * @param missingTokens unquoted field values that mean "missing" (a quoted field never is)
 * @param allowEmpty  whether a file with a header but no data rows gives an empty table (default:
 *                    it is an error, since a pipeline that ingests nothing is almost always wrong)
 * @param threads     whether a large file is converted on a second thread while the first one
 *                    tokenizes (default {@link Threads#AUTO})
 * @param maxFieldChars the longest field accepted, in characters (default
 *                    {@value #DEFAULT_MAX_FIELD_CHARS}, FastCSV's own buffer limit); a longer one,
 *                    often the rest of the file after a quote that is never closed, is an error
 *                    naming its line and column. Reading holds up to twice this in memory.
 */
public record CsvOptions(char separator, Map<String, ColumnType> types, Set<String> missingTokens, boolean allowEmpty,
        Threads threads, int maxFieldChars) {

    /** How many threads read one CSV file. */
    public enum Threads {
        /** Two for files of 4 MiB or more when the JVM has at least two processors, else one. */
        AUTO,
        /** Always the caller's thread only. */
        ONE,
        /** Always two: the caller's thread tokenizes, a second converts fields into columns. */
        TWO
    }

    /** Default missing-value tokens, a subset of pandas' {@code na_values}. */
    public static final Set<String> DEFAULT_MISSING_TOKENS = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL");

    /** Default {@link #maxFieldChars()}: 16 Mi characters (16,777,216). */
    public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 24;

    /** Largest {@link #maxFieldChars()} accepted: 1 Gi characters. */
    public static final int MAX_FIELD_CHARS_LIMIT = 1 << 30;

    public CsvOptions {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            String shown = separator == '\n' ? "\\n" : separator == '\r' ? "\\r" : String.valueOf(separator);
            throw InvalidInputException.problem("for the CSV separator is a quote or a line break").value(shown)
                    .expected("a single character other than '\"', '\\n' and '\\r', such as ',' or ';'").build();
        }
        types = Map.copyOf(requireNonNull(types, "types"));
        missingTokens = Set.copyOf(requireNonNull(missingTokens, "missingTokens"));
        requireNonNull(threads, "threads");
        if (maxFieldChars < 1 || maxFieldChars > MAX_FIELD_CHARS_LIMIT) {
            throw InvalidInputException.problem("for the longest CSV field is out of range").value(maxFieldChars)
                    .expected("1 to " + MAX_FIELD_CHARS_LIMIT + " characters").build();
        }
    }

    /** Comma separator, inferred types, {@link #DEFAULT_MISSING_TOKENS}, header-only files rejected. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', Map.of(), DEFAULT_MISSING_TOKENS, false, Threads.AUTO, DEFAULT_MAX_FIELD_CHARS);
    }

    public CsvOptions withSeparator(char newSeparator) {
        return new CsvOptions(newSeparator, types, missingTokens, allowEmpty, threads, maxFieldChars);
    }

    /** Reads {@code column} as {@code type} instead of inferring it; a value that does not parse is an error. */
    public CsvOptions withType(String column, ColumnType type) {
        Map<String, ColumnType> t = new LinkedHashMap<>(types);
        t.put(requireNonNull(column, "column"), requireNonNull(type, "type"));
        return new CsvOptions(separator, t, missingTokens, allowEmpty, threads, maxFieldChars);
    }

    /** Reads every column named here with the given type (for example a {@link Schema}'s types). */
    public CsvOptions withTypes(Map<String, ColumnType> columnTypes) {
        Map<String, ColumnType> t = new LinkedHashMap<>(types);
        t.putAll(columnTypes);
        return new CsvOptions(separator, t, missingTokens, allowEmpty, threads, maxFieldChars);
    }

    /** Reads with exactly the schema's column types. */
    public CsvOptions withSchema(Schema schema) {
        Map<String, ColumnType> t = new LinkedHashMap<>();
        schema.fields().forEach(f -> t.put(f.name(), f.type()));
        return withTypes(t);
    }

    public CsvOptions withMissingTokens(Set<String> tokens) {
        return new CsvOptions(separator, types, tokens, allowEmpty, threads, maxFieldChars);
    }

    public CsvOptions withThreads(Threads newThreads) {
        return new CsvOptions(separator, types, missingTokens, allowEmpty, newThreads, maxFieldChars);
    }

    /** Accepts fields of up to {@code chars} characters (see {@link #maxFieldChars()}). */
    public CsvOptions withMaxFieldChars(int chars) {
        return new CsvOptions(separator, types, missingTokens, allowEmpty, threads, chars);
    }

    /** Accept a header-only file as an empty table. */
    public CsvOptions allowingEmpty() {
        return new CsvOptions(separator, types, missingTokens, true, threads, maxFieldChars);
    }
}
