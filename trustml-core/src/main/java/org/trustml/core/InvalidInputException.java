package org.trustml.core;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Input the caller can fix: a malformed file, a value of the wrong type, a missing column, a
 * parameter out of range. The message names where the problem is (file, line, column), the value
 * that was wrong and what was expected, e.g.
 * {@code people.csv, line 4, column 'age': value 'abc' is not a number (expected a double)}.
 *
 * <p>Build one with {@link #problem(String)}:
 * <pre>{@code
 * throw InvalidInputException.problem("is not a number")
 *     .file(path).line(4).column("age").value("abc").expected("a double").build();
 * }</pre>
 */
public class InvalidInputException extends TrustmlException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final transient Path file;
    private final long line;
    private final String column;
    private final String value;
    private final String expected;

    private InvalidInputException(Builder b, Throwable cause) {
        super(format(b), cause);
        this.problem = b.problem;
        this.file = b.file;
        this.line = b.line;
        this.column = b.column;
        this.value = b.value;
        this.expected = b.expected;
    }

    /** Starts describing a problem, e.g. {@code "is not a number"} or {@code "does not exist"}. */
    public static Builder problem(String problem) {
        return new Builder(problem);
    }

    /** What is wrong, without the location. */
    public String problemText() {
        return problem;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** 1-based line (or row) number. */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    private static String format(Builder b) {
        StringBuilder where = new StringBuilder();
        if (b.file != null) {
            where.append(b.file);
        }
        if (b.line > 0) {
            append(where, b.lineLabel + " " + b.line);
        }
        if (b.column != null) {
            append(where, "column '" + b.column + "'");
        }
        StringBuilder msg = new StringBuilder();
        if (where.length() > 0) {
            msg.append(where).append(": ");
        }
        if (b.value != null) {
            msg.append("value '").append(abbreviate(b.value)).append("' ");
        }
        msg.append(b.problem);
        if (b.expected != null) {
            msg.append(" (expected ").append(b.expected).append(')');
        }
        return msg.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(part);
    }

    private static String abbreviate(String value) {
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    /** Collects the location of a problem; {@link #build()} makes the exception. */
    public static final class Builder {
        private final String problem;
        private Path file;
        private long line;
        private String lineLabel = "line";
        private String column;
        private String value;
        private String expected;

        private Builder(String problem) {
            this.problem = problem;
        }

        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /** 1-based line in a text file. */
        public Builder line(long line) {
            this.line = line;
            this.lineLabel = "line";
            return this;
        }

        /** 1-based row of a table (not a file line). */
        public Builder row(long row) {
            this.line = row;
            this.lineLabel = "row";
            return this;
        }

        public Builder column(String column) {
            this.column = column;
            return this;
        }

        public Builder value(Object value) {
            this.value = String.valueOf(value);
            return this;
        }

        public Builder expected(String expected) {
            this.expected = expected;
            return this;
        }

        public InvalidInputException build() {
            return new InvalidInputException(this, null);
        }

        public InvalidInputException build(Throwable cause) {
            return new InvalidInputException(this, cause);
        }
    }
}
