package org.trustml.core.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.trustml.core.InvalidInputException;

/** Opening text files strictly: UTF-8 only (malformed bytes are an error, not U+FFFD), BOM skipped. */
final class TextFiles {
    private static final char BOM = '\uFEFF';

    private TextFiles() {}

    static void requireReadableFile(Path file, String expected) {
        if (!Files.exists(file)) {
            throw InvalidInputException.problem("does not exist").file(file).expected(expected).build();
        }
        if (Files.isDirectory(file)) {
            throw InvalidInputException.problem("is a directory").file(file).expected(expected).build();
        }
        if (!Files.isReadable(file)) {
            throw InvalidInputException.problem("is not readable").file(file).expected(expected).build();
        }
    }

    /** A reader that fails on bytes that are not UTF-8 and skips a leading byte-order mark. */
    static Reader utf8Reader(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader in = new PushbackReader(
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16), 1);
        int first = in.read();
        if (first >= 0 && first != BOM) {
            in.unread(first);
        }
        return in;
    }

    /**
     * The error for a file that is not UTF-8, naming the line and the first offending byte. The
     * parser reads ahead, so the position is found again here by decoding the bytes from the start
     * (this runs only on the error path).
     */
    static InvalidInputException notUtf8(Path file, Throwable cause) {
        long line = 1;
        String value = null;
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = CharBuffer.allocate(1 << 14);
            while (true) {
                int before = bytes.position();
                CoderResult r = decoder.decode(bytes, chars, true);
                for (int i = before; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                if (r.isError()) {
                    value = String.format("0x%02X", bytes.get(bytes.position()) & 0xFF);
                    break;
                }
                if (r.isUnderflow()) {
                    break;
                }
                chars.clear();
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        InvalidInputException.Builder b = InvalidInputException.problem("is not valid UTF-8")
                .file(file).line(line).expected("a UTF-8 text file");
        if (value != null) {
            b.value(value);
        }
        return b.build(cause);
    }

    static InvalidInputException readFailure(Path file, IOException e) {
        if (e instanceof CharacterCodingException) {
            return notUtf8(file, e);
        }
        if (e instanceof NoSuchFileException) {
            return InvalidInputException.problem("does not exist").file(file).build(e);
        }
        return InvalidInputException.problem("could not be read: " + e.getMessage()).file(file).build(e);
    }
}
