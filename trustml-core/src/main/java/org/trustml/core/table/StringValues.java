package org.trustml.core.table;

import java.nio.charset.StandardCharsets;

/**
 * The values a {@link StringColumn}'s codes point to. Two layouts: an array of distinct Strings
 * (the dictionary of a category column), and {@link PackedStrings}, one UTF-8 byte pool for a
 * column of mostly distinct values, where a String per row would cost two objects a row and most
 * of the garbage collector's work when a large file is read.
 */
sealed interface StringValues permits StringValues.OfArray, PackedStrings {
    /** Number of entries. */
    int size();

    /** The entry for a code (a new String each call for packed values). */
    String get(int code);

    /**
     * For each code, the smallest code holding the same value (the identity when entries are distinct).
     */
    int[] firstCodes();

    /** The entry's UTF-8 bytes. */
    default byte[] utf8(int code) {
        return get(code).getBytes(StandardCharsets.UTF_8);
    }

    /** Entries held as Strings. */
    final class OfArray implements StringValues {
        private final String[] values;

        OfArray(String[] values) {
            this.values = values;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public String get(int code) {
            return values[code];
        }

        /** Entries may repeat when the dictionary gave up deduplicating a mostly distinct column unpacked. */
        @Override
        public int[] firstCodes() {
            int[] first = new int[values.length];
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < first.length; i++) {
                Integer earlier = seen.putIfAbsent(values[i], i);
                first[i] = earlier == null ? i : earlier;
            }
            return first;
        }
    }
}
