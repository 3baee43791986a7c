package org.trustml.core.io;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.trustml.core.InvalidInputException;

/**
 * The one way trustml opens a text file it is given (CSV, JSON Lines, pipeline YAML): it must be a
 * readable regular file (or a pipe), UTF-8 (a malformed byte is an error, never U+FFFD), without NUL
 * characters (the mark of a binary file, or of UTF-16 text), and a leading byte-order mark is
 * skipped. A file that breaks a rule is an {@link InvalidInputException} naming the file, the line,
 * the character in the line and the byte offset of the first offending byte, and its value.
 *
 * <pre>{@code
 * InputFiles.requireReadableFile(file, "a CSV file");
 * try (Reader in = InputFiles.utf8Reader(file)) {
 *     ... read ...
 * } catch (IOException e) {
 *     throw InputFiles.readFailure(file, e, "a CSV file");
 * }
 * }</pre>
 */
public final class InputFiles {
    private static final char BOM = '\uFEFF';

    private InputFiles() {}

    /** Refuses, naming the file, a path that does not exist, is a directory or cannot be read. */
    public static void requireReadableFile(Path file, String expected) {
        requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw InvalidInputException.problem("does not exist").file(file).expected(expected).build();
        }
        if (Files.isDirectory(file)) {
            throw InvalidInputException.problem("is a directory").file(file).expected(expected).build();
        }
        if (!Files.isReadable(file)) {
            throw InvalidInputException.problem("is not readable (permission denied)").file(file).expected(expected)
                    .build();
        }
    }

    /**
     * A reader of the file's text: a malformed UTF-8 byte or a NUL character makes {@code read}
     * throw a {@link CharacterCodingException} ({@link #readFailure} locates it); a leading
     * byte-order mark is skipped. Not buffered beyond the decoder's own 8 KiB: wrap it in a
     * {@link java.io.BufferedReader} to read lines.
     */
    public static Reader utf8Reader(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new StrictText(new InputStreamReader(Files.newInputStream(file), decoder));
    }

    /** The same rules for text already in memory: a NUL character is refused, a leading byte-order mark skipped. */
    public static Reader textReader(String text) {
        return new StrictText(new StringReader(text));
    }

    /**
     * The whole file as text under the same rules, refusing (before reading it) a file of more than
     * {@code maxBytes} bytes.
     */
    public static String readUtf8(Path file, long maxBytes, String expected) {
        requireReadableFile(file, expected);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw InvalidInputException.problem("has " + size + " bytes, more than the limit of " + maxBytes)
                        .file(file).expected(expected).build();
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new NulCharacterException();
            }
            return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        } catch (IOException e) {
            throw readFailure(file, e, expected);
        }
    }

    /**
     * The error for an {@link IOException} met while reading {@code file} (opened with
     * {@link #utf8Reader}): for text that breaks the rules, the line, character, byte offset and
     * value of the first offending byte, found by reading the file again from the start (this runs
     * only on the error path); otherwise what the operating system said.
     */
    public static InvalidInputException readFailure(Path file, IOException e, String expected) {
        if (e instanceof CharacterCodingException) {
            return notText(file, e, expected, () -> new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        }
        if (e instanceof NoSuchFileException) {
            return InvalidInputException.problem("does not exist").file(file).expected(expected).build(e);
        }
        if (e instanceof AccessDeniedException) {
            return InvalidInputException.problem("is not readable (permission denied)").file(file).expected(expected)
                    .build(e);
        }
        return InvalidInputException.problem("could not be read: " + e.getMessage()).file(file).expected(expected)
                .build(e);
    }

    /**
     * The error for a {@link CharacterCodingException} met while reading {@code text} (through
     * {@link #textReader}); {@code source} only names it in the message.
     */
    public static InvalidInputException textFailure(Path source, String text, CharacterCodingException e,
            String expected) {
        return notText(source, e, expected, () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private interface ByteSource {
        InputStream open() throws IOException;
    }

    private static InvalidInputException notText(Path file, Throwable cause, String expected, ByteSource bytes) {
        TextPosition at = null;
        try (InputStream in = bytes.open()) {
            at = TextPosition.firstBadByte(in);
        } catch (IOException again) {
            cause.addSuppressed(again);
        }
        if (at == null) {
            return InvalidInputException.problem("is not valid UTF-8 text").file(file).expected(expected).build(cause);
        }
        String where = "at character " + at.character() + " (byte offset " + at.offset() + ")";
        InvalidInputException.Builder b = at.value() == 0
                ? InvalidInputException.problem(where + " is a NUL character")
                        .expected(expected + " without NUL characters (a file with many is often UTF-16: save it as UTF-8)")
                : InvalidInputException.problem(where + " is not valid UTF-8").expected(expected + " in UTF-8");
        return b.file(file).line(at.line()).value(String.format("0x%02X", at.value())).build(cause);
    }

    /** A NUL character in text that must have none. */
    static final class NulCharacterException extends CharacterCodingException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            return "NUL character in text";
        }
    }

    /** Refuses NUL characters and skips a leading byte-order mark, as it passes characters through. */
    private static final class StrictText extends FilterReader {
        private boolean started;

        StrictText(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (!started && n > 0) {
                started = true;
                if (buf[off] == BOM) {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    n = n > 1 ? n - 1 : in.read(buf, off, len);
                }
            }
            int any = 0; // c - 1 is negative only for c == 0: no branch per character
            for (int i = off, end = off + n; i < end; i++) {
                any |= buf[i] - 1;
            }
            if (any < 0) {
                throw new NulCharacterException();
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }

        @Override
        public long skip(long n) throws IOException {
            char[] sink = new char[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(sink, 0, (int) Math.min(n - skipped, sink.length));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
