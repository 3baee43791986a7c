package org.trustml.core.table;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.trustml.core.InvalidInputException;

/**
 * Accumulates one CSV column while the file is parsed. With a given type every value must parse
 * as that type. Without one the column starts untyped and settles on the first present value:
 * LONG, DOUBLE, BOOLEAN or STRING. LONG widens to DOUBLE in place; any other change (a word in a
 * numeric column) throws {@link TypeConflict} and the reader parses the file again with this
 * column read as STRING, so a single pass suffices for well-typed files.
 */
final class CsvColumnBuilder {
    private enum State { UNTYPED, LONG, DOUBLE, BOOLEAN, STRING }

    /** A value that does not fit the type inferred so far. */
    static final class TypeConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String column;

        TypeConflict(String column) {
            super(column, null, false, false);
            this.column = column;
        }
    }

    private final Path file;
    private final String name;
    private final boolean fixed;
    private final String[] missingTokens;
    private final boolean emptyIsMissing;
    private final TextValues parse = new TextValues();
    private State state;
    private int size;
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private int[] codes;
    private final BitSet missing = new BitSet();
    private Map<String, Integer> dictionary;

    CsvColumnBuilder(Path file, String name, ColumnType given, String[] missingTokens) {
        this.file = file;
        this.name = name;
        this.fixed = given != null;
        this.missingTokens = missingTokens;
        this.emptyIsMissing = Arrays.asList(missingTokens).contains("");
        this.state = given == null ? State.UNTYPED : State.valueOf(given.name());
        allocate(state, 1024);
    }

    void add(char[] buf, int off, int len, boolean quoted, long line) {
        if (size == capacity()) {
            grow();
        }
        if (!quoted && isMissingToken(buf, off, len)) {
            missing.set(size);
            if (state == State.DOUBLE) {
                doubles[size] = Double.NaN;
            } else if (state == State.STRING) {
                codes[size] = StringColumn.MISSING;
            }
            size++;
            return;
        }
        switch (state) {
            case LONG -> {
                if (parse.parseLong(buf, off, len)) {
                    longs[size] = parse.longValue;
                } else if (!fixed && parse.parseDouble(buf, off, len)) {
                    widenToDouble();
                    doubles[size] = parse.doubleValue;
                } else {
                    reject(buf, off, len, line, "is not an integer", "a long");
                }
            }
            case DOUBLE -> {
                if (parse.parseDouble(buf, off, len)) {
                    doubles[size] = parse.doubleValue;
                } else {
                    reject(buf, off, len, line, "is not a number", "a double");
                }
            }
            case BOOLEAN -> {
                if (parse.parseBoolean(buf, off, len)) {
                    booleans[size] = parse.booleanValue;
                } else {
                    reject(buf, off, len, line, "is not a boolean", "true or false");
                }
            }
            case STRING -> codes[size] = code(new String(buf, off, len));
            case UNTYPED -> {
                settle(buf, off, len);
                add(buf, off, len, quoted, line);
                return;
            }
            default -> throw new IllegalStateException(state.name());
        }
        size++;
    }

    ColumnType inferredType() {
        return state == State.UNTYPED ? ColumnType.STRING : ColumnType.valueOf(state.name());
    }

    Column build() {
        if (state == State.UNTYPED) { // every value was missing
            state = State.STRING;
            codes = new int[size];
            Arrays.fill(codes, StringColumn.MISSING);
            dictionary = new HashMap<>();
        }
        Missing m = Missing.of(missing);
        return switch (state) {
            case LONG -> new LongColumn(name, Arrays.copyOf(longs, size), m);
            case DOUBLE -> new DoubleColumn(name, Arrays.copyOf(doubles, size), m);
            case BOOLEAN -> new BooleanColumn(name, Arrays.copyOf(booleans, size), m);
            case STRING -> {
                String[] dict = new String[dictionary.size()];
                dictionary.forEach((v, c) -> dict[c] = v);
                yield new StringColumn(name, Arrays.copyOf(codes, size), dict);
            }
            default -> throw new IllegalStateException(state.name());
        };
    }

    private void settle(char[] buf, int off, int len) {
        State next;
        if (parse.parseLong(buf, off, len)) {
            next = State.LONG;
        } else if (parse.parseDouble(buf, off, len)) {
            next = State.DOUBLE;
        } else if (parse.parseBoolean(buf, off, len)) {
            next = State.BOOLEAN;
        } else {
            next = State.STRING;
        }
        state = next;
        allocate(next, Math.max(1024, 2 * size));
        // rows so far were all missing
        if (next == State.DOUBLE) {
            Arrays.fill(doubles, 0, size, Double.NaN);
        } else if (next == State.STRING) {
            Arrays.fill(codes, 0, size, StringColumn.MISSING);
        }
    }

    private void reject(char[] buf, int off, int len, long line, String problem, String expected) {
        if (!fixed) {
            throw new TypeConflict(name);
        }
        throw InvalidInputException.problem(problem)
                .file(file).line(line).column(name).value(new String(buf, off, len))
                .expected(expected + ", as the column's type was given")
                .build();
    }

    private boolean isMissingToken(char[] buf, int off, int len) {
        if (len == 0) {
            return emptyIsMissing;
        }
        for (String t : missingTokens) {
            if (TextValues.matches(buf, off, off + len, t)) {
                return true;
            }
        }
        return false;
    }

    private int code(String value) {
        Integer c = dictionary.get(value);
        if (c == null) {
            c = dictionary.size();
            dictionary.put(value, c);
        }
        return c;
    }

    private void widenToDouble() {
        double[] d = new double[longs.length];
        for (int i = 0; i < size; i++) {
            d[i] = missing.get(i) ? Double.NaN : longs[i];
        }
        doubles = d;
        longs = null;
        state = State.DOUBLE;
    }

    private void allocate(State s, int capacity) {
        switch (s) {
            case LONG -> longs = new long[capacity];
            case DOUBLE -> doubles = new double[capacity];
            case BOOLEAN -> booleans = new boolean[capacity];
            case STRING -> {
                codes = new int[capacity];
                dictionary = new HashMap<>();
            }
            case UNTYPED -> { }
            default -> throw new IllegalStateException(s.name());
        }
    }

    private int capacity() {
        return switch (state) {
            case LONG -> longs.length;
            case DOUBLE -> doubles.length;
            case BOOLEAN -> booleans.length;
            case STRING -> codes.length;
            case UNTYPED -> Integer.MAX_VALUE; // nothing stored until the type settles
        };
    }

    private void grow() {
        int n = Math.max(16, capacity() * 2);
        switch (state) {
            case LONG -> longs = Arrays.copyOf(longs, n);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, n);
            case BOOLEAN -> booleans = Arrays.copyOf(booleans, n);
            case STRING -> codes = Arrays.copyOf(codes, n);
            default -> { }
        }
    }
}
