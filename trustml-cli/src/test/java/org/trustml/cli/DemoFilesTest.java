package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.cli.demo.CtScanData;
import org.trustml.cli.demo.CtScanDemo;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Progress;

/** Where the demo writes, and that a refused or repeated run never touches a finished one (issue 17). */
class DemoFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFinishedRunsFolderIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("full");
        Path metadata = Files.writeString(Files.createDirectories(out.resolve("data")).resolve("metadata.csv"), "as run\n");
        Files.writeString(Files.createDirectories(out.resolve("dataset")).resolve("dataset.json"), "{}");
        List<String> before = TrustmlCommandTest.hashes(out.resolve("data"));
        CtScanDemo.Options o = new CtScanDemo.Options(out, 7, 50, 1, 1, 10);
        assertThatThrownBy(() -> CtScanDemo.run(o, Progress.NONE)).isInstanceOf(InvalidInputException.class)
                .hasMessage(out.toAbsolutePath() + ": already exists and is not empty; trustml never overwrites it "
                        + "(expected a new or empty folder for the demo's run)");
        assertThat(metadata).hasContent("as run\n");
        assertThat(TrustmlCommandTest.hashes(out.resolve("data"))).isEqualTo(before);
    }

    @Test
    void eachRunGetsItsOwnFolderEvenInTheSameSecond() {
        Path out = dir.resolve("trustml-demo");
        Instant start = Instant.parse("2026-12-04T10:15:00Z");
        assertThat(DemoCommand.newRunFolder(out, start)).isEqualTo(out.resolve("20261204-101500")).isEmptyDirectory();
        assertThat(DemoCommand.newRunFolder(out, start)).isEqualTo(out.resolve("20261204-101500-2")).isEmptyDirectory();
    }

    @Test
    void anOutThatIsAFileOrALinkIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("notafolder"), "x");
        Cli.Result r = Cli.run("demo", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("trustml: " + file + ": is not a folder (expected a folder for the demo's runs)\n");
        Path link = Files.createSymbolicLink(dir.resolve("linked"), Files.createDirectories(dir.resolve("real")));
        assertThat(Cli.run("demo", "--out", link.toString()).err()).contains("is a symbolic link");
        assertThat(dir.resolve("real")).isEmptyDirectory();
    }

    @Test
    void theGeneratorWritesEachImageThroughTheSafeWriter() throws IOException {
        // seed 3's first row is a PNG (CtScanData draws a CT volume, no file, for 1 row in 10)
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep");
        Path images = Files.createDirectories(dir.resolve("data/images"));
        Files.createSymbolicLink(images.resolve("ct-00000.png"), victim);
        assertThatThrownBy(() -> CtScanData.write(dir.resolve("data"), 20, 3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ct-00000.png: is a symbolic link");
        assertThat(victim).hasContent("keep");
    }
}
