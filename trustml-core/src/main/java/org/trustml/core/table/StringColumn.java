package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A column of text, dictionary-encoded: {@link #codes()} holds one index into
 * {@link #dictionary()} per row, or {@code -1} for a missing row. Low-cardinality columns
 * (categories, protected attributes) therefore cost four bytes a row. A column whose values are
 * mostly distinct (file names, ids) keeps one dictionary entry per row instead (read from CSV, packed
 * into one UTF-8 byte array, each String made when asked for), so its entries
 * may repeat: compare values, never codes, across rows.
 */
public final class StringColumn implements Column {
    /** The code of a missing row. */
    public static final int MISSING = -1;

    private final String name;
    private final int[] codes;
    private final StringValues dictionary;
    private final int missingCount;

    StringColumn(String name, int[] codes, StringValues dictionary) {
        this.name = requireNonNull(name, "name");
        this.codes = codes;
        this.dictionary = dictionary;
        int m = 0;
        for (int c : codes) {
            if (c == MISSING) {
                m++;
            }
        }
        this.missingCount = m;
    }

    /** A column of these values; null entries are missing. */
    public static StringColumn of(String name, String... values) {
        return of(name, Arrays.asList(values));
    }

    /** A column of these values; null entries are missing. */
    public static StringColumn of(String name, List<String> values) {
        StringDictionary dict = new StringDictionary();
        int[] codes = new int[values.size()];
        for (int i = 0; i < codes.length; i++) {
            String v = values.get(i);
            codes[i] = v == null ? MISSING : dict.code(v);
        }
        return new StringColumn(name, codes, dict.values());
    }

    /** The column's own code array, not a copy: read it, never write it. {@code -1} marks missing. */
    public int[] codes() {
        return codes;
    }

    /**
     * The values the codes point to. Entries are distinct unless the column is mostly distinct
     * values; after a filter some entries may be used by no row.
     */
    public List<String> dictionary() {
        return new AbstractList<>() {
            @Override
            public String get(int code) {
                return dictionary.get(code);
            }

            @Override
            public int size() {
                return dictionary.size();
            }
        };
    }

    /** Number of entries in the dictionary. */
    public int dictionarySize() {
        return dictionary.size();
    }

    /** The dictionary entry for a code. */
    public String decode(int code) {
        return dictionary.get(code);
    }

    /** For each code, the smallest code whose entry is the same value (the identity when entries are distinct). */
    int[] firstCodes() {
        return dictionary.firstCodes();
    }

    /** The UTF-8 bytes of the dictionary entry for a code. */
    byte[] utf8(int code) {
        return dictionary.utf8(code);
    }

    /**
     * A new column with {@code f} applied to each distinct value once (values, not rows: a
     * million rows of three categories call {@code f} three times). {@code f} returning null makes
     * the rows missing.
     */
    public StringColumn map(UnaryOperator<String> f) {
        StringDictionary dict = new StringDictionary();
        int[] remap = new int[dictionary.size()];
        for (int i = 0; i < remap.length; i++) {
            String v = f.apply(dictionary.get(i));
            remap[i] = v == null ? MISSING : dict.code(v);
        }
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] == MISSING ? MISSING : remap[codes[i]];
        }
        return new StringColumn(name, out, dict.values());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.STRING;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    @Override
    public int missingCount() {
        return missingCount;
    }

    @Override
    public String get(int row) {
        int c = codes[row];
        return c == MISSING ? null : dictionary.get(c);
    }

    @Override
    public String format(int row) {
        return get(row);
    }

    @Override
    public StringColumn rename(String newName) {
        return new StringColumn(newName, codes, dictionary);
    }

    @Override
    public StringColumn take(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new StringColumn(name, out, dictionary);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StringColumn c) || !c.name.equals(name) || c.codes.length != codes.length) {
            return false;
        }
        for (int i = 0; i < codes.length; i++) {
            if (!Objects.equals(get(i), c.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + codes.length;
    }

    @Override
    public String toString() {
        return "StringColumn[" + name + ", " + codes.length + " rows, " + dictionary.size() + " distinct]";
    }
}
