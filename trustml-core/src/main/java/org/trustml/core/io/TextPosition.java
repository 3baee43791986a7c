package org.trustml.core.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the first byte that is not UTF-8 text (or is a NUL) sits in a byte stream: the 1-based line
 * (a line ends at LF, CR or CRLF, as FastCSV and YAML count them), the 1-based character in that
 * line (code points), the 0-based byte offset and the byte's value. Validates as RFC 3629 and the
 * JDK's decoder do: no overlong forms, no surrogates, nothing above U+10FFFF; a malformed or
 * truncated sequence is reported at its first byte.
 */
record TextPosition(long line, long character, long offset, int value) {

    /** The first bad byte, or null when every byte is UTF-8 text without NUL. */
    static TextPosition firstBadByte(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        long line = 1;
        long character = 1;
        long offset = 0;
        int need = 0; // continuation bytes still expected
        int lo = 0x80; // allowed range of the next continuation byte (narrower after E0, ED, F0, F4)
        int hi = 0xBF;
        long leadOffset = 0;
        int lead = 0;
        int codePoint = 0;
        boolean lastWasCr = false;
        for (int n; (n = in.read(buf)) > 0; ) {
            for (int i = 0; i < n; i++, offset++) {
                int b = buf[i] & 0xFF;
                if (need > 0) {
                    if (b < lo || b > hi) {
                        return new TextPosition(line, character, leadOffset, lead);
                    }
                    lo = 0x80;
                    hi = 0xBF;
                    codePoint = codePoint << 6 | b & 0x3F;
                    if (--need == 0 && !(leadOffset == 0 && codePoint == 0xFEFF)) {
                        character++; // a byte-order mark at the start is skipped, not counted
                    }
                    continue;
                }
                if (b < 0x80) {
                    if (b == 0) {
                        return new TextPosition(line, character, offset, 0);
                    }
                    if (b == '\n') {
                        if (!lastWasCr) {
                            line++;
                        }
                        character = 1;
                    } else if (b == '\r') {
                        line++;
                        character = 1;
                    } else {
                        character++;
                    }
                    lastWasCr = b == '\r';
                    continue;
                }
                lastWasCr = false;
                lead = b;
                leadOffset = offset;
                if (b >= 0xC2 && b <= 0xDF) {
                    need = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    need = 2;
                    codePoint = b & 0x0F;
                    lo = b == 0xE0 ? 0xA0 : 0x80;
                    hi = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    need = 3;
                    codePoint = b & 0x07;
                    lo = b == 0xF0 ? 0x90 : 0x80;
                    hi = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    return new TextPosition(line, character, offset, b);
                }
            }
        }
        return need > 0 ? new TextPosition(line, character, leadOffset, lead) : null;
    }
}
