package org.trustml.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.trustml.core.InvalidInputException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML that a user wrote (pipeline files) so that what is bound is what the file says. Before
 * anything is bound, the text is read as a file that must be strict UTF-8 ({@link InputFiles}: a bad
 * byte is reported on its own line and character) and at most {@link #maxBytes()} long, and its
 * token stream is checked. Refused, each with line and column:
 * <ul>
 *   <li>aliases ({@code *name}): Jackson's streaming parser reads an alias as the anchor's
 *       <em>name</em> (so {@code output: *e} would mean the folder {@code e}), and expanding them,
 *       as PyYAML and SnakeYAML do, is how a "billion laughs" document explodes;</li>
 *   <li>tags other than the core schema's ({@code !!python/object}, {@code !custom}), which would
 *       otherwise be dropped silently;</li>
 *   <li>a key given twice in one mapping (YAML says keys are unique; parsers keep the last);</li>
 *   <li>a second document after {@code ---} (it would be ignored);</li>
 *   <li>nesting deeper than {@link #maxDepth()} mappings and sequences.</li>
 * </ul>
 * Model cards are read by the modelcard module's own located-tree reader, which applies the same
 * refusals (aliases and tags through {@link #checkNode}). Immutable and thread-safe.
 */
public final class StrictYaml {
    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq");

    private final long maxBytes;
    private final int maxDepth;
    private final YAMLFactory factory;

    private StrictYaml(long maxBytes, int maxDepth) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE) {
            throw InvalidInputException.problem("for the largest YAML file is out of range").value(maxBytes)
                    .expected("1 to " + Integer.MAX_VALUE + " bytes").build();
        }
        if (maxDepth < 1) {
            throw InvalidInputException.problem("for the deepest YAML nesting is out of range").value(maxDepth)
                    .expected("at least 1").build();
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        // Jackson reads SnakeYAML's event stream, never its composer: of LoaderOptions only the code
        // point limit applies (a code point takes at least one byte); depth and aliases are checked here
        LoaderOptions limits = new LoaderOptions();
        limits.setCodePointLimit((int) maxBytes);
        this.factory = YAMLFactory.builder().loaderOptions(limits).build();
    }

    /** Files of at most {@code maxBytes} bytes, nested at most {@code maxDepth} levels. */
    public static StrictYaml withLimits(long maxBytes, int maxDepth) {
        return new StrictYaml(maxBytes, maxDepth);
    }

    /** The largest file read, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The deepest nesting of mappings and sequences accepted. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The factory to bind text with once {@link #check} passed (the size limit set). */
    public YAMLFactory factory() {
        return factory;
    }

    /**
     * Reads and checks a YAML file and returns its text, to be bound with {@link #factory()}.
     *
     * @param expected what the file should be, for messages (e.g. "a pipeline YAML file")
     */
    public String read(Path file, String expected) {
        String text = InputFiles.readUtf8(file, maxBytes, expected);
        check(text, file, expected);
        return text;
    }

    /** Checks YAML text (see the class comment); {@code file} (may be null) only names it in messages. */
    public void check(String text, Path file, String expected) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return; // an empty document: binding says what is missing
            }
            value(p, first, 0, file, expected);
            if (p.nextToken() != null) {
                throw problem("starts a second YAML document", "a single document (no second '---')", file,
                        p.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw InvalidInputException.problem("is not valid YAML" + at(at) + ": " + firstLine(e.getOriginalMessage()))
                    .file(file).line(at == null ? 0 : Math.max(0, at.getLineNr())).expected(expected).build(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void value(JsonParser p, JsonToken token, int depth, Path file, String expected) throws IOException {
        checkNode(p, file);
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (depth >= maxDepth) {
                throw problem("nests deeper than " + maxDepth + " levels", expected, file, p.currentTokenLocation());
            }
            JsonToken end = token == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
            Set<String> keys = new HashSet<>();
            JsonToken t;
            while ((t = p.nextToken()) != end) {
                if (t == JsonToken.FIELD_NAME) {
                    checkNode(p, file);
                    if (!keys.add(p.currentName())) {
                        throw problem("has the key '" + p.currentName() + "' twice in one mapping",
                                "each key once (YAML keys are unique; readers would silently keep the last)", file,
                                p.currentTokenLocation());
                    }
                    t = p.nextToken();
                }
                value(p, t, depth + 1, file, expected);
            }
        }
    }

    /**
     * Refuses an alias, or a tag outside the core schema, on the parser's current token: for
     * readers that walk a YAML token stream themselves (the model-card reader does). Does nothing
     * for a parser of another format.
     *
     * @param file names the source in the message (may be null)
     */
    public static void checkNode(JsonParser parser, Path file) throws IOException {
        if (!(parser instanceof YAMLParser yaml)) {
            return;
        }
        JsonLocation at = yaml.currentTokenLocation();
        if (yaml.isCurrentAlias()) {
            throw problem("uses the YAML alias '*" + yaml.getText() + "'",
                    "plain values (aliases are refused: a streaming reader takes an alias for the anchor's name, and "
                            + "expanding them is how a 'billion laughs' document explodes)", file, at);
        }
        String tag = yaml.getTypeId();
        if (tag != null) {
            String bare = tag.startsWith(CORE_TAG_PREFIX) ? tag.substring(CORE_TAG_PREFIX.length()) : null;
            if (bare == null || !CORE_TAGS.contains(bare)) {
                String shown = tag.indexOf(':') >= 0 ? tag : "!" + tag; // Jackson drops a local tag's '!'
                throw problem("uses the YAML tag '" + shown + "'",
                        "no tags, or only the core tags !!str, !!int, !!float, !!bool, !!null, !!map, !!seq", file, at);
            }
        }
    }

    private static InvalidInputException problem(String what, String expected, Path file, JsonLocation at) {
        return InvalidInputException.problem(what + at(at)).file(file)
                .line(at == null ? 0 : Math.max(0, at.getLineNr())).expected(expected).build();
    }

    private static String at(JsonLocation at) {
        return at == null || at.getColumnNr() <= 0 ? "" : " at column " + at.getColumnNr();
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
