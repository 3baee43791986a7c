package org.trustml.core.table;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.InputFiles;

/**
 * The rules every CSV reader in trustml shares (see {@link CsvOptions}), as a FastCSV callback
 * handler that subclasses feed from: the first non-blank record is the header (names unique, a
 * blank name becomes {@code Unnamed: i}); blank lines are skipped; every other record has the
 * header's field count; no field is longer than {@link CsvOptions#maxFieldChars()}. Failures of
 * any kind become one {@link InvalidInputException} through {@link #failure}.
 */
abstract class CsvRules extends AbstractBaseCsvCallbackHandler<Object> {
    /** FastCSV reads 8 Ki chars at a time. */
    private static final int READ_SIZE = 1 << 13;
    /** Returned for a record; FastCSV skips a record for which null is returned. */
    static final Object RECORD = new Object();

    final Path file;
    final CsvOptions options;
    private final boolean hasHeader;
    private final int maxFieldChars;
    private final List<String> header = new ArrayList<>();
    private boolean inHeader;
    /** Fields per record: the header's count, or with no header the first record's; -1 until known. */
    int width = -1;
    int fields;
    long line;

    CsvRules(Path file, CsvOptions options, boolean hasHeader) {
        this.file = file;
        this.options = options;
        this.hasHeader = hasHeader;
        this.inHeader = hasHeader;
        this.maxFieldChars = options.maxFieldChars();
    }

    /** A FastCSV reader of {@code text} that calls this handler. */
    CsvReader<Object> reader(Reader text) {
        return CsvReader.builder()
                .fieldSeparator(options.separator())
                .skipEmptyLines(true)
                .allowExtraFields(true) // counted here, with a message naming the line and the header
                .allowMissingFields(true)
                .allowUnclosedQuote(false) // else a stray quote silently swallows the rest of the file
                .maxBufferSize(bufferSize(maxFieldChars))
                .build(this, text);
    }

    /**
     * FastCSV's buffer holds the field being read plus one read: the longest field and two reads,
     * rounded up to whole reads (FastCSV 4.4.0 overruns a buffer limit that is not a multiple of its
     * read size, with an IndexOutOfBoundsException instead of its own error).
     */
    static int bufferSize(int maxFieldChars) {
        return (maxFieldChars / READ_SIZE + 3) * READ_SIZE;
    }

    /** The header, after {@link #columns} saw it (empty without a header). */
    List<String> header() {
        return Collections.unmodifiableList(header);
    }

    /** The header was read (names checked): make the columns. */
    abstract void columns(List<String> names);

    /** Field {@code index} (below the width) of a data record. */
    abstract void field(int index, char[] buf, int offset, int len, boolean quoted);

    /** A data record with the right number of fields ended; {@link #line} is where it started. */
    abstract Object row();

    @Override
    protected final void handleBegin(long startingLineNumber) {
        line = startingLineNumber;
        fields = 0;
    }

    @Override
    protected final void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        if (len > maxFieldChars) {
            throw tooLong(index, len + " characters");
        }
        if (inHeader) {
            header.add(new String(buf, offset, len));
        } else if (width < 0 || index < width) {
            field(index, buf, offset, len, quoted);
        }
        fields++;
    }

    @Override
    protected final Object buildRecord() {
        if (fields == 0) {
            return null; // a blank line carries nothing and is skipped, as pandas skips it
        }
        if (inHeader) {
            checkHeader();
            inHeader = false;
            width = header.size();
            columns(header());
            return RECORD; // a record of its own, so that a streaming reader can consume the header alone
        }
        if (width < 0) {
            width = fields;
        } else if (fields != width) {
            throw InvalidInputException.problem("has " + fields + " fields").file(file).line(line)
                    .expected(width + (hasHeader ? " fields like the header (" + String.join(",", header) + ")"
                            : " fields like the first row"))
                    .build();
        }
        return row();
    }

    /** Whether the header was read (false for an empty file). */
    boolean sawHeader() {
        return !inHeader;
    }

    private void checkHeader() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                name = "Unnamed: " + i; // as pandas names an unnamed (index) column
                header.set(i, name);
            }
            Integer before = seen.put(name, i);
            if (before != null) {
                throw InvalidInputException.problem("is a duplicate column name")
                        .file(file).line(line).column(name)
                        .expected("unique column names; columns " + (before + 1) + " and " + (i + 1) + " share it")
                        .build();
            }
        }
    }

    /** The name of field {@code index} of the current record, for messages. */
    private String columnName(int index) {
        return !inHeader && index < header.size() ? header.get(index) : String.valueOf(index + 1);
    }

    private InvalidInputException tooLong(int index, String length) {
        return InvalidInputException.problem("has a field of " + length + ", longer than the limit of "
                        + maxFieldChars).file(file).line(line).column(columnName(index))
                .expected("fields of at most " + maxFieldChars + " characters (CsvOptions.withMaxFieldChars raises "
                        + "the limit); a quote that is never closed makes the rest of the file one field")
                .build();
    }

    /**
     * The one error to throw for what reading met: a rule this handler enforced, text that is not
     * UTF-8 or has a NUL (located by reading the source again), FastCSV's buffer running out (a
     * field too long), any other parse error or I/O failure.
     *
     * @param text the CSV when it was given as a string, else null (the file is read again)
     */
    RuntimeException failure(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof CsvColumnBuilder.TypeConflict) {
                return (RuntimeException) t;
            }
            if (t instanceof CharacterCodingException c) {
                return text != null ? InputFiles.textFailure(file, text, c, "a CSV file")
                        : InputFiles.readFailure(file, c, "a CSV file");
            }
            if (t instanceof CsvParseException p && p.getCause() == null && p.getMessage() != null) {
                if (p.getMessage().startsWith("The maximum buffer size")) {
                    return tooLong(fields, "more than " + maxFieldChars + " characters");
                }
                if (p.getMessage().startsWith("Unclosed quoted field")) {
                    return InvalidInputException.problem("has a quoted field that is never closed").file(file)
                            .line(line).column(columnName(fields))
                            .expected("a closing \" for every opening one (a \" inside a quoted field is written \"\")")
                            .build(p);
                }
            }
        }
        if (e instanceof UncheckedIOException u) {
            return InputFiles.readFailure(file, u.getCause(), "a CSV file");
        }
        if (e instanceof IOException io) {
            return InputFiles.readFailure(file, io, "a CSV file");
        }
        Throwable inner = e instanceof CsvParseException && e.getCause() != null ? e.getCause() : e;
        String what = String.valueOf(inner.getMessage()).replaceFirst(" \\(record starting at line \\d+\\)$", "");
        return InvalidInputException.problem("is not valid CSV: " + what)
                .file(file).line(line).column(columnName(fields)).build(e);
    }
}
