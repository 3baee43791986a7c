package org.trustml.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/** The rules every writer in trustml gets from {@link AtomicFiles}. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    /** A FIFO made by coreutils' mkfifo: writing one would block, replacing it would destroy it. */
    static Path fifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).as("mkfifo " + path).isZero();
        return path;
    }

    static boolean isSpecial(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    @Test
    void aSymbolicLinkIsRefusedAndWhatItPointsAtIsUntouched() throws IOException {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("victim.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("out.html"), outside);
        assertThatThrownBy(() -> AtomicFiles.writeString(link, "<html>"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(link.toAbsolutePath() + ": is a symbolic link; trustml never writes through one (expected a "
                        + "regular file or a new path (remove the link or name the file it points to))");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(outside).hasContent("keep");
        // a dangling link too: it would otherwise be replaced by a regular file
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.npy"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> AtomicFiles.writeString(dangling, "x")).isInstanceOf(InvalidInputException.class);
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo() throws Exception {
        Path fifo = fifo(dir.resolve("out.png"));
        assertThatThrownBy(() -> AtomicFiles.write(fifo, out -> out.write(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a regular file (a device, FIFO or socket); trustml replaces only regular files");
        assertThat(isSpecial(fifo)).isTrue();
        assertThat(leftovers()).containsExactly("out.png");
    }

    @Test
    void aDirectoryIsRefusedWithAOneLineMessage() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("adv.npy"));
        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(folder.toAbsolutePath() + ": is a directory (expected a file name, e.g. "
                        + folder.toAbsolutePath().resolve("name") + ")");
    }

    @Test
    void theInputIsRefusedAsAnOutputByAnyPathOrLink() throws IOException {
        Path input = Files.writeString(dir.resolve("card.yaml"), "model_details: {}\n");
        assertThatThrownBy(() -> AtomicFiles.checkTarget(input, input)).isInstanceOf(InvalidInputException.class)
                .hasMessage(input + ": is the input " + input + "; writing it would destroy the input "
                        + "(expected an output path other than the input's)");
        Path other = dir.resolve("sub/../card.yaml");
        Files.createDirectories(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFiles.checkTarget(other, input)).isInstanceOf(InvalidInputException.class);
        Path hard = Files.createLink(dir.resolve("hard.yaml"), input);
        assertThatThrownBy(() -> AtomicFiles.checkTarget(hard, input)).isInstanceOf(InvalidInputException.class);
        Path soft = Files.createSymbolicLink(dir.resolve("soft.yaml"), input);
        assertThatThrownBy(() -> AtomicFiles.checkTarget(input, soft)).isInstanceOf(InvalidInputException.class);
        assertThat(AtomicFiles.checkTarget(dir.resolve("card.html"), input)).isEqualTo(dir.resolve("card.html"));
        assertThat(input).hasContent("model_details: {}\n");
    }

    @Test
    void aFolderThatCannotHoldTheFileIsBadInputNotAnInternalError() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(file.resolve("card.yaml"), "y"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file.toAbsolutePath() + ": is not a folder, so nothing can be written under it (expected a folder)");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = Files.writeString(dir.resolve("report.html"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(target).hasContent("old");
        assertThat(leftovers()).containsExactly("report.html");
    }

    @Test
    void twoWritersOfOneTargetNeverCollide() throws Exception {
        Path target = dir.resolve("run.json");
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String content = Character.toString('a' + w).repeat(10_000);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        AtomicFiles.writeString(target, content);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String last = Files.readString(target);
        assertThat(last).hasSize(10_000).matches("(a+|b+|c+|d+)");
        assertThat(leftovers()).containsExactly("run.json");
    }

    @Test
    void appendRefusesALinkAndAppendsToAFile() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside"), "");
        Path link = Files.createSymbolicLink(dir.resolve("metric"), outside);
        assertThatThrownBy(() -> AtomicFiles.append(link, "1 0.5 0\n")).isInstanceOf(InvalidInputException.class);
        assertThat(outside).isEmptyFile();
        Path metric = dir.resolve("metrics/loss");
        AtomicFiles.append(metric, "1 0.5 0\n");
        AtomicFiles.append(metric, "2 0.4 1\n");
        assertThat(metric).hasContent("1 0.5 0\n2 0.4 1\n");
    }

    @Test
    void aFolderIsWrittenWholeAndNeverOverAnotherOne() throws IOException {
        Path target = dir.resolve("dataset");
        AtomicFiles.writeDirectory(target, d -> false, "a new or empty folder", d -> Files.writeString(d.resolve("a"), "1"));
        assertThat(target.resolve("a")).hasContent("1");
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(target, d -> false, "a new or empty folder",
                d -> Files.writeString(d.resolve("b"), "2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(target.toAbsolutePath() + ": already exists and is not empty; trustml never overwrites it "
                        + "(expected a new or empty folder)");
        // a folder the caller recognises as its own is replaced whole
        AtomicFiles.writeDirectory(target, d -> Files.exists(d.resolve("a")), "its own folder",
                d -> Files.writeString(d.resolve("b"), "2"));
        try (Stream<Path> s = Files.list(target)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("b");
        }
        Path link = Files.createSymbolicLink(dir.resolve("linked"), target);
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(link, d -> true, "a folder", d -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a symbolic link");
        assertThat(leftovers()).containsExactlyInAnyOrder("dataset", "linked");
    }

    @Test
    void aCrashedWritersTemporaryFolderIsDeletedALiveOnesIsNot() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long deadPid = gone.pid(); // finished: no process with this pid runs now (pids are not reused this fast)
        Path stale = Files.createDirectories(dir.resolve(".dataset.tmp-" + deadPid + "-123"));
        Files.writeString(stale.resolve("half.png"), "x");
        Path live = Files.createDirectories(dir.resolve(".dataset.tmp-" + ProcessHandle.current().pid() + "-456"));
        Path foreign = Files.createDirectories(dir.resolve(".dataset.tmp-notours"));
        AtomicFiles.writeDirectory(dir.resolve("dataset"), d -> false, "a new folder", d -> Files.writeString(d.resolve("a"), "1"));
        assertThat(stale).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(foreign).isDirectory();
        assertThat(dir.resolve("dataset/a")).hasContent("1");
    }

    @Test
    void aKilledWriterLeavesTheOldFileAndTheRerunCleansUpItsFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("report.html"), "old");
        killMidWrite("file", file);
        assertThat(file).hasContent("old"); // not the 8 bytes the writer had written
        AtomicFiles.writeString(file, "new");
        assertThat(file).hasContent("new");

        Path dataset = dir.resolve("dataset");
        long pid = killMidWrite("folder", dataset);
        assertThat(dataset).doesNotExist();
        assertThat(leftovers()).anyMatch(n -> n.startsWith(".dataset.tmp-" + pid + "-"));
        AtomicFiles.writeDirectory(dataset, d -> false, "a new folder", d -> Files.writeString(d.resolve("a"), "1"));
        assertThat(dataset.resolve("a")).hasContent("1");
        assertThat(leftovers()).noneMatch(n -> n.startsWith(".dataset.tmp-"));
    }

    /**
     * Runs {@link Crasher} in another JVM, waits until it is in the middle of writing {@code target} (it says so by
     * creating a marker file) and kills it with SIGKILL, as {@code kill -9} does. Returns its pid.
     */
    private long killMidWrite(String kind, Path target) throws Exception {
        Path marker = dir.resolve("writing-" + kind);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Crasher.class.getName(), kind,
                target.toString(), marker.toString()).inheritIO().start();
        while (!Files.exists(marker)) {
            assertThat(p.isAlive()).as("the writer exited before it started writing").isTrue();
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL on Unix
        p.waitFor();
        return p.pid();
    }

    /** Writes a few bytes of {@code args[1]} (a file or a folder), creates the marker {@code args[2]}, waits to be killed. */
    public static final class Crasher {
        public static void main(String[] args) throws Exception {
            Path target = Path.of(args[1]);
            Path marker = Path.of(args[2]);
            if (args[0].equals("file")) {
                AtomicFiles.write(target, out -> {
                    out.write("<html>..".getBytes());
                    out.flush();
                    hang(marker);
                });
            } else {
                AtomicFiles.writeDirectory(target, d -> false, "a new folder", d -> {
                    Files.write(d.resolve("half.png"), new byte[8]);
                    hang(marker);
                });
            }
        }

        private static void hang(Path marker) throws IOException {
            Files.createFile(marker);
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
