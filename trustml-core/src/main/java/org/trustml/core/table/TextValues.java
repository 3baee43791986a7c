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
        if (i == end || end - i > 19) {
            return false;
        }
        // Accumulate negatively, as Long.parseLong does, so Long.MIN_VALUE parses and overflow is exact.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multmin = limit / 10;
        long v = 0;
        for (int j = i; j < end; j++) {
            int d = buf[j] - '0';
            if (d < 0 || d > 9 || v < multmin) {
                return false;
            }
            v *= 10;
            if (v < limit + d) {
                return false;
            }
            v -= d;
        }
        longValue = negative ? v : -v;
        return true;
    }

    /**
     * Parses a decimal or scientific number, or {@code Infinity}/{@code NaN} (optionally signed).
     * Java's suffixes ({@code 1d}, {@code 2f}) and hexadecimal floats are not numbers here.
     *
     * <p>Most numbers in data files have few digits: those take Clinger's fast path (W. D.
     * Clinger, "How to read floating point numbers accurately", PLDI 1990): when the digits form
     * an integer m ≤ 2^53 and the decimal exponent e satisfies |e| ≤ 22, both m and 10^|e| are
     * exact doubles, so the single IEEE multiplication or division m·10^e is correctly rounded.
     * Everything else goes to FastDoubleParser, which is correctly rounded too.
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
        if (start == end) {
            return false;
        }
        int fast = fastPath(buf, start, end);
        if (fast == FAST_OK) {
            return true;
        }
        if (fast == NOT_A_NUMBER && !isSpecial(buf, start, end)) {
            return false;
        }
        if (!looksNumeric(buf, start, end)) {
            return false;
        }
        try {
            doubleValue = JavaDoubleParser.parseDouble(buf, start, end - start);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static final int FAST_OK = 0;
    private static final int NOT_A_NUMBER = 1;
    private static final int SLOW_PATH = 2;
    private static final long TWO_53 = 1L << 53;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22
    };

    private int fastPath(char[] buf, int start, int end) {
        int i = start;
        boolean negative = buf[i] == '-';
        if (negative || buf[i] == '+') {
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = 0;
        boolean dot = false;
        for (; i < end; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return SLOW_PATH;
                }
                m = m * 10 + (c - '0');
                if (dot) {
                    fraction++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                return NOT_A_NUMBER;
            }
        }
        if (digits == 0) {
            return i < end ? SLOW_PATH : NOT_A_NUMBER;
        }
        int exponent = 0;
        if (i < end) { // exponent part
            i++;
            boolean negativeExponent = i < end && buf[i] == '-';
            if (i < end && (buf[i] == '-' || buf[i] == '+')) {
                i++;
            }
            if (i == end || end - i > 3) {
                return SLOW_PATH;
            }
            for (; i < end; i++) {
                char c = buf[i];
                if (c < '0' || c > '9') {
                    return NOT_A_NUMBER;
                }
                exponent = exponent * 10 + (c - '0');
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        int e = exponent - fraction;
        if (m > TWO_53 || e < -22 || e > 22) {
            return SLOW_PATH;
        }
        double v = e >= 0 ? m * POW10[e] : m / POW10[-e];
        doubleValue = negative ? -v : v;
        return FAST_OK;
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
