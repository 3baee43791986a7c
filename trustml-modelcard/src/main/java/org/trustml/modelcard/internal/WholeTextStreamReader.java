package org.trustml.modelcard.internal;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's {@link StreamReader} over a document already in memory, in time linear in its length.
 *
 * <p>SnakeYAML's own reader keeps a window of code points and, each time the scanner looks further
 * ahead, copies the whole window to append the next 1,024 characters. A scalar is scanned by looking
 * ahead to its end, so a long run without spaces (a base64 PNG, a 10 MB string) costs time and
 * garbage quadratic in its length: 51 s and 1.6 GB for a 10 MB string (issue 17; the same behaviour
 * as jackson-dataformats-text issue 67, "performance regression in snakeyaml 1.18 ... parsing of
 * large text values"). A card is read whole anyway (it is validated as a tree), so this reader
 * decodes the text into code points once and answers every look-ahead from that array.
 *
 * <p>It behaves as SnakeYAML 2.5's reader does for the scanner: the same line and column counting
 * (a line break is {@code \n}, {@code \r} not followed by {@code \n}, U+0085, U+2028, U+2029; a BOM
 * takes no column), the same {@link Mark}s, {@code '\0'} past the end, and a {@link ReaderException}
 * "special characters are not allowed" for a code point YAML does not allow
 * ({@link StreamReader#isPrintable(int)}), raised when the scanner first needs text at or after it.
 */
final class WholeTextStreamReader extends StreamReader {
    private final int[] codePoints;
    private final int firstNotPrintable;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextStreamReader(String text) {
        super(new StringReader(""));
        this.codePoints = text.codePoints().toArray();
        int bad = codePoints.length;
        for (int i = 0; i < codePoints.length; i++) {
            if (!StreamReader.isPrintable(codePoints[i])) {
                bad = i;
                break;
            }
        }
        this.firstNotPrintable = bad;
    }

    /** True when the code point {@code ahead} places on is in the document (SnakeYAML's {@code ensureEnoughData}). */
    private boolean has(int ahead) {
        int at = pointer + ahead;
        if (at >= firstNotPrintable && firstNotPrintable < codePoints.length) {
            throw new ReaderException("'reader'", firstNotPrintable, codePoints[firstNotPrintable],
                    "special characters are not allowed");
        }
        return at < codePoints.length;
    }

    @Override
    public Mark getMark() {
        return new Mark("'reader'", pointer, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && has(0); i++) {
            int c = codePoints[pointer++];
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && has(0) && codePoints[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return has(0) ? codePoints[pointer] : '\0';
    }

    @Override
    public int peek(int index) {
        return has(index) ? codePoints[pointer + index] : '\0';
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        int n = has(length) ? length : Math.min(length, codePoints.length - pointer);
        return new String(codePoints, pointer, n);
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }
}
