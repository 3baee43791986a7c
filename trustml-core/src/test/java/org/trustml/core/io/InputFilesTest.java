package org.trustml.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

class InputFilesTest {
    @TempDir
    Path dir;

    private static InvalidInputException failure(Runnable r) {
        return catchThrowableOfType(InvalidInputException.class, r::run);
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() {
        Path none = dir.resolve("none.txt");
        assertThat(failure(() -> InputFiles.requireReadableFile(none, "a text file")).getMessage())
                .isEqualTo(none + ": does not exist (expected a text file)");
        assertThat(failure(() -> InputFiles.requireReadableFile(dir, "a text file")).getMessage())
                .isEqualTo(dir + ": is a directory (expected a text file)");
    }

    @Test
    void aFileWithoutReadPermissionIsNamed() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.txt"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "root reads any file: no permission to take away");
        assertThat(failure(() -> InputFiles.readUtf8(locked, 100, "a text file")).getMessage())
                .isEqualTo(locked + ": is not readable (permission denied) (expected a text file)");
    }

    @Test
    void aReadThatFailsIsNamed() {
        // /proc/self/mem exists and may be opened, but reading its offset 0 fails (EIO), even for root
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.exists(mem), "Linux only");
        assertThat(failure(() -> InputFiles.readUtf8(mem, 100, "a text file")).getMessage())
                .isEqualTo(mem + ": could not be read: Input/output error (expected a text file)");
    }

    @Test
    void readUtf8LocatesABadByteAndRefusesLargeFiles() throws IOException {
        Path f = Files.write(dir.resolve("a.yaml"), new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xFF});
        assertThat(failure(() -> InputFiles.readUtf8(f, 100, "a YAML file")).getMessage())
                .isEqualTo(f + ", line 2: value '0xFF' at character 4 (byte offset 8) is not valid UTF-8 "
                        + "(expected a YAML file in UTF-8)");
        assertThat(failure(() -> InputFiles.readUtf8(f, 5, "a YAML file")).getMessage())
                .isEqualTo(f + ": has 9 bytes, more than the limit of 5 (expected a YAML file)");
        Path bom = Files.writeString(dir.resolve("bom.txt"), "\uFEFFhello", StandardCharsets.UTF_8);
        assertThat(InputFiles.readUtf8(bom, 100, "text")).isEqualTo("hello");
    }

    @Test
    void readersSkipTheBomAndRefuseNul() throws IOException {
        try (Reader r = InputFiles.textReader("\uFEFFab")) {
            char[] buf = new char[8];
            assertThat(new String(buf, 0, r.read(buf))).isEqualTo("ab");
        }
        Path f = Files.writeString(dir.resolve("nul.txt"), "ok\n\0", StandardCharsets.UTF_8);
        IOException e = catchThrowableOfType(IOException.class, () -> {
            try (Reader r = InputFiles.utf8Reader(f)) {
                r.read(new char[16]);
            }
        });
        assertThat(InputFiles.readFailure(f, e, "a text file").getMessage()).isEqualTo(f + ", line 2: value '0x00' at "
                + "character 1 (byte offset 3) is a NUL character (expected a text file without NUL characters (a file "
                + "with many is often UTF-16: save it as UTF-8))");
    }
}
