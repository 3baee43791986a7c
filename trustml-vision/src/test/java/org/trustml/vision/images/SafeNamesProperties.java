package org.trustml.vision.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SafeNamesProperties {
    private static final Path ROOT = Path.of("/data/root/train");

    @Provide
    Arbitrary<String> hostileLabels() {
        Arbitrary<String> pieces = Arbitraries.of("/", "\\", "..", ".", "\u0000", " ", "CON", "nul", "com1", "lpt9.txt",
                ":", "*", "?", "\"", "<", ">", "|", "\n", "COVID-19", "ü", "\uD83D\uDE00", "\uD83D", "a", "~");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.strings().all().ofMaxLength(300));
    }

    @Property(tries = 2000)
    void aFolderIsOneSafeElementInsideItsParent(@ForAll("hostileLabels") String label) {
        String folder = SafeNames.folder(label);
        assertThat(folder).isNotEmpty().isNotIn(".", "..").doesNotContain("/", "\\", "\u0000");
        assertThat(folder.length()).isLessThanOrEqualTo(SafeNames.MAX_CHARS);
        assertThat(folder.chars()).noneMatch(c -> c < 0x20);
        assertThat(folder).doesNotEndWith(".").doesNotEndWith(" ");
        Path p = ROOT.resolve(folder).normalize();
        assertThat(p.getParent()).isEqualTo(ROOT);
        String file = SafeNames.file(label);
        assertThat(ROOT.resolve(file).normalize().getParent()).isEqualTo(ROOT);
        assertThat(file.length()).isLessThanOrEqualTo(SafeNames.MAX_CHARS);
    }

    @Property(tries = 1000)
    void safeLabelsAreKeptAsTheyAre(@ForAll("plain") String label) {
        assertThat(SafeNames.folder(label)).isEqualTo(label);
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.matches("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])"));
    }

    @Property(tries = 1000)
    void differentLabelsGetDifferentFolders(@ForAll("hostileLabels") String a, @ForAll("hostileLabels") String b) {
        if (!a.equals(b)) {
            assertThat(SafeNames.folder(a)).isNotEqualTo(SafeNames.folder(b));
        }
    }

    @Example
    void examples() {
        // the suffix is the first 8 hex digits of the SHA-256 of the original label
        assertThat(SafeNames.folder("COVID-19/ARDS")).isEqualTo("COVID-19_ARDS-" + ImageFolderTest.hash8("COVID-19/ARDS"));
        assertThat(SafeNames.folder("..")).isEqualTo("__-" + ImageFolderTest.hash8(".."));
        assertThat(SafeNames.folder("aux.txt")).isEqualTo("_aux.txt-" + ImageFolderTest.hash8("aux.txt"));
        assertThat(SafeNames.file("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeNames.file("scans/a:b.png")).isEqualTo("a_b-" + ImageFolderTest.hash8("a:b.png") + ".png");
        assertThat(SafeNames.folder("Pneumonia")).isEqualTo("Pneumonia");
    }
}
