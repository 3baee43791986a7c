package org.trustml.modelcard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * {@link WholeTextStreamReader} drives SnakeYAML's parser as SnakeYAML's own reader does: the same events
 * with the same start and end marks (line, column, index), or the same error at the same marks (the
 * snippet of the document an error message quotes may differ: SnakeYAML only has its window to quote).
 */
class WholeTextStreamReaderProperties {

    @Property(tries = 200)
    void sameEventsAndMarksAsSnakeYamlsReader(@ForAll("documents") String text) {
        assertThat(events(new WholeTextStreamReader(text))).isEqualTo(events(new StreamReader(new StringReader(text))));
    }

    @Property(tries = 100)
    void aCharacterYamlDoesNotAllowIsRefusedByBoth(@ForAll("documents") String text,
            @ForAll("forbidden") char bad, @ForAll("positions") double where) {
        int at = (int) (where * text.length());
        if (at > 0 && at < text.length() && Character.isSurrogatePair(text.charAt(at - 1), text.charAt(at))) {
            at--; // never between the halves of a pair: that would make its high half the first bad character
        }
        String withBad = text.substring(0, at) + bad + text.substring(at);
        List<String> ours = events(new WholeTextStreamReader(withBad));
        List<String> theirs = events(new StreamReader(new StringReader(withBad)));
        // SnakeYAML reads 1,024 characters at a time and fails as soon as it reads the chunk holding the
        // character; this reader fails when the scanner reaches it, possibly after a syntax error before it.
        // Both fail, and agree on every event before the first failure.
        assertThat(ours.get(ours.size() - 1)).startsWith("error ");
        assertThat(theirs.get(theirs.size() - 1)).startsWith("error ");
        int common = Math.min(ours.size(), theirs.size()) - 1;
        assertThat(ours.subList(0, common)).isEqualTo(theirs.subList(0, common));
        if (ours.get(ours.size() - 1).startsWith("error ReaderException")) {
            assertThat(ours.get(ours.size() - 1)).endsWith(Integer.toHexString(bad));
        }
    }

    /** Every event with its marks, then "error CLASS: ..." with its problem and marks if parsing failed. */
    private static List<String> events(StreamReader reader) {
        List<String> out = new ArrayList<>();
        ParserImpl parser = new ParserImpl(reader, new LoaderOptions());
        try {
            while (true) {
                Event e = parser.getEvent();
                out.add(e + " " + mark(e.getStartMark()) + " " + mark(e.getEndMark()));
                if (e.is(Event.ID.StreamEnd)) {
                    return out;
                }
            }
        } catch (ReaderException e) {
            out.add("error " + e.getClass().getSimpleName() + ": " + e.getName() + " 0x" + Integer.toHexString(e.getCodePoint()));
        } catch (MarkedYAMLException e) {
            out.add("error " + e.getClass().getSimpleName() + ": " + e.getContext() + " " + mark(e.getContextMark())
                    + " " + e.getProblem() + " " + mark(e.getProblemMark()));
        } catch (YAMLException e) {
            out.add("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    private static String mark(Mark m) {
        return m == null ? "-" : m.getLine() + ":" + m.getColumn() + "@" + m.getIndex();
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc xyz019-_.:#&*!|>'\"\\{}[],?%@`").ofMaxLength(12),
                Arbitraries.strings().withChars("ab").ofMinLength(1000).ofMaxLength(3000), // scalars past a 1,024 chunk
                Arbitraries.of("\u00e9t\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "\u0085", "\u2028", "\u2029", "\uFEFF", "\t"));
        Arbitrary<String> breakChars = Arbitraries.of("\n", "\r\n", "\r", "\n\n");
        Arbitrary<String> line = Arbitraries.oneOf(
                word.map(w -> "key: " + w),
                word.map(w -> "- " + w),
                word.map(w -> "  nested: \"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                word.map(w -> "'" + w.replace("'", "''") + "': [" + w + ", x]"),
                word.map(w -> "  - {a: " + w + "}"),
                word.map(w -> "# " + w),
                word.map(w -> "text: |\n  " + w + "\n  more"),
                word);
        return Arbitraries.oneOf(line, breakChars).list().ofMaxSize(30).map(parts -> String.join("", parts))
                .map(s -> s.replace("\r\n\r", "\r\n"));
    }

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.of('\u0000', '\u0007', '\u001b', '\u007f', '\u0086', '\uFFFE', '\uD800');
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1);
    }
}
