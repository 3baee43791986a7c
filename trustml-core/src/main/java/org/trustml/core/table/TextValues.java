package org.trustml.core.table;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Parses numbers and booleans straight from the parser's character buffer, without making a
 * String per field. Results go to fields of this object (one instance per column builder), so
 * the common path allocates nothing and throws nothing.
 */
final class TextValues {
    long longValue;
    double doubleValue;
    boolean booleanValue;

    /** Parses an optionally signed decimal integer, allowing surrounding spaces. */
    boolean parseLong(char[] buf, int off, int len) {
        int start = off;
        int end = off + len;
        while (start < end && buf[start] == ' ') {
            start++;
        }
        while (end > start && buf[end - 1] == ' ') {
            end--;
        }
        if (start == end) {
            return false;
        }
        boolean negative = false;
        int i = start;
        if (buf[i] == '-' || buf[i] == '+') {
            negative = buf[i] == '-';
            i++;
        }
        int digits = end - i;
        if (digits == 0 || digits > 19) {
            return false;
        }
        long v = 0;
        for (int j = i; j < end; j++) {
            char c = buf[j];
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        if (digits == 19) { // may overflow: let the JDK decide exactly
            try {
                longValue = Long.parseLong(new String(buf, start, end - start));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        longValue = negative ? -v : v;
        return true;
    }

    /**
     * Parses a decimal or scientific number, or {@code Infinity}/{@code NaN} (optionally signed).
     * Java's suffixes ({@code 1d}, {@code 2f}) and hexadecimal floats are not numbers here.
     */
    boolean parseDouble(char[] buf, int off, int len) {
        int start = off;
        int end = off + len;
        while (start < end && buf[start] == ' ') {
            start++;
        }
        while (end > start && buf[end - 1] == ' ') {
            end--;
        }
        if (start == end || !looksNumeric(buf, start, end)) {
            return false;
        }
        try {
            doubleValue = JavaDoubleParser.parseDouble(buf, start, end - start);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean looksNumeric(char[] buf, int start, int end) {
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return isSpecial(buf, start, end);
            }
        }
        return digit;
    }

    private static boolean isSpecial(char[] buf, int start, int end) {
        int s = start;
        if (buf[s] == '-' || buf[s] == '+') {
            s++;
        }
        return matches(buf, s, end, "Infinity") || matches(buf, s, end, "NaN");
    }

    /** Parses {@code true} or {@code false}, ignoring case. */
    boolean parseBoolean(char[] buf, int off, int len) {
        if (matchesIgnoreCase(buf, off, off + len, "true")) {
            booleanValue = true;
            return true;
        }
        if (matchesIgnoreCase(buf, off, off + len, "false")) {
            booleanValue = false;
            return true;
        }
        return false;
    }

    static boolean matches(char[] buf, int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesIgnoreCase(char[] buf, int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(buf[start + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
