package org.trustml.core.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings packed into one UTF-8 byte array with an offset per entry: two primitive arrays in
 * place of two objects per value, for columns of mostly distinct text (file names, ids). Entries
 * are appended straight from the CSV parser's character buffer, which holds valid UTF-16 (the
 * reader decodes strict UTF-8), and decoded when asked for.
 */
final class PackedStrings implements StringValues {
    private final byte[] bytes;
    private final int[] ends; // entry i spans [ends[i-1], ends[i]), ends[-1] = 0

    private PackedStrings(byte[] bytes, int[] ends) {
        this.bytes = bytes;
        this.ends = ends;
    }

    @Override
    public int size() {
        return ends.length;
    }

    @Override
    public String get(int code) {
        int start = start(code);
        return new String(bytes, start, ends[code] - start, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] utf8(int code) {
        return Arrays.copyOfRange(bytes, start(code), ends[code]);
    }

    /**
     * Equal entries found by hashing their bytes in place (open addressing, FNV-1a), so that no String is
     * made: linear in the pool's size.
     */
    @Override
    public int[] firstCodes() {
        int n = ends.length;
        int[] first = new int[n];
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int mask = capacity - 1;
        for (int code = 0; code < n; code++) {
            int start = start(code);
            int end = ends[code];
            int h = 0x811c9dc5;
            for (int i = start; i < end; i++) {
                h = (h ^ bytes[i]) * 0x01000193;
            }
            int slot = (h ^ (h >>> 16)) & mask;
            while (true) {
                int other = slots[slot];
                if (other < 0) {
                    slots[slot] = code;
                    first[code] = code;
                    break;
                }
                if (Arrays.equals(bytes, start, end, bytes, start(other), ends[other])) {
                    first[code] = other;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return first;
    }

    private int start(int code) {
        return code == 0 ? 0 : ends[code - 1];
    }

    /** Appends entries; {@link #build()} trims the arrays to their exact size. */
    static final class Builder {
        private byte[] bytes = new byte[1 << 16];
        private int[] ends = new int[1 << 10];
        private int size;
        private int length;

        int size() {
            return size;
        }

        /** Adds {@code s} and returns its code. */
        int add(String s) {
            return add(s.toCharArray(), 0, s.length());
        }

        /** Adds the characters {@code buf[off, off+len)} and returns their code. */
        int add(char[] buf, int off, int len) {
            ensureBytes((long) length + 3L * len);
            byte[] b = bytes;
            int p = length;
            for (int i = off, end = off + len; i < end; i++) {
                char c = buf[i];
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | c >> 6);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(buf[i + 1])) {
                    int cp = Character.toCodePoint(c, buf[++i]);
                    b[p++] = (byte) (0xF0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    b[p++] = '?'; // as String.getBytes(UTF_8) writes an unpaired surrogate
                } else {
                    b[p++] = (byte) (0xE0 | c >> 12);
                    b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                }
            }
            length = p;
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size] = p;
            return size++;
        }

        private void ensureBytes(long needed) {
            if (needed > bytes.length) {
                if (needed > Integer.MAX_VALUE - 16) {
                    throw new org.trustml.core.TrustmlException("a text column holds more than 2 GiB of distinct values; trustml keeps at most 2 GiB of text per column");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * bytes.length)));
            }
        }

        PackedStrings build() {
            return new PackedStrings(Arrays.copyOf(bytes, length), Arrays.copyOf(ends, size));
        }
    }
}
