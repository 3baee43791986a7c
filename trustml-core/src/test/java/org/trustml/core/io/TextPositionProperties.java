package org.trustml.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link TextPosition} against the JDK's strict UTF-8 decoder, the decoder every trustml text reader
 * uses: it finds a bad byte exactly when the JDK refuses the bytes (or they hold a NUL), at the
 * offset where the JDK's malformed sequence starts, and its line and character are those of the
 * JDK-decoded text before that offset.
 */
class TextPositionProperties {

    @Property(tries = 2000)
    void agreesWithTheJdkDecoder(@ForAll("textish") byte[] bytes) throws IOException {
        TextPosition at = TextPosition.firstBadByte(new ByteArrayInputStream(bytes));
        int malformed = jdkFirstMalformed(bytes);
        int nul = indexOfZero(bytes);
        int expected = Math.min(malformed < 0 ? Integer.MAX_VALUE : malformed, nul < 0 ? Integer.MAX_VALUE : nul);
        if (expected == Integer.MAX_VALUE) {
            assertThat(at).isNull();
            return;
        }
        assertThat(at).isNotNull();
        assertThat(at.offset()).isEqualTo(expected);
        assertThat(at.value()).isEqualTo(bytes[expected] & 0xFF);
        String before = new String(bytes, 0, expected, StandardCharsets.UTF_8); // valid by construction
        if (before.startsWith("\uFEFF")) {
            before = before.substring(1); // skipped by the readers, so not counted
        }
        String[] lines = before.split("\r\n|\r|\n", -1);
        assertThat(at.line()).isEqualTo(lines.length);
        String last = lines[lines.length - 1];
        assertThat(at.character()).isEqualTo(last.codePointCount(0, last.length()) + 1);
    }

    @Test
    void examples() throws IOException {
        // C0 80 is an overlong NUL; ED A0 80 a surrogate; F4 90 80 80 is above U+10FFFF; E2 82 is cut short
        assertThat(first("ab\n\u00e9\r\nc", 0xC0, 0x80)).isEqualTo(new TextPosition(3, 2, 8, 0xC0));
        assertThat(first("x", 0xED, 0xA0, 0x80)).isEqualTo(new TextPosition(1, 2, 1, 0xED));
        assertThat(first("", 0xF4, 0x90, 0x80, 0x80)).isEqualTo(new TextPosition(1, 1, 0, 0xF4));
        assertThat(first("\r\r", 0xE2, 0x82)).isEqualTo(new TextPosition(3, 1, 2, 0xE2));
        assertThat(first("\uFEFFab", 0)).isEqualTo(new TextPosition(1, 3, 5, 0)); // the BOM is not a character
        assertThat(first("fine \u20ac \uD83D\uDE00")).isNull();
    }

    private static TextPosition first(String prefix, int... tail) throws IOException {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < tail.length; i++) {
            all[head.length + i] = (byte) tail[i];
        }
        return TextPosition.firstBadByte(new ByteArrayInputStream(all));
    }

    /** Bytes that are mostly text, with line breaks, multi-byte characters, lead bytes and stray bytes. */
    @Provide
    Arbitrary<byte[]> textish() {
        Arbitrary<byte[]> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').withChars("\r\n\u00e9\u20ac\uFEFF").ofMaxLength(6)
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(0, 255).map(b -> new byte[] {(byte) (int) b}),
                Arbitraries.of(0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0x80, 0xBF, 0xA0, 0x90, 0x8F)
                        .map(b -> new byte[] {(byte) (int) b}));
        return pieces.list().ofMaxSize(12).map(list -> {
            int n = list.stream().mapToInt(b -> b.length).sum();
            ByteBuffer out = ByteBuffer.allocate(n);
            list.forEach(out::put);
            return out.array();
        });
    }

    private static int jdkFirstMalformed(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            return in.position();
        }
        r = d.flush(out);
        return r.isError() ? in.position() : -1;
    }

    private static int indexOfZero(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
