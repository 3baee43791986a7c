package org.trustml.drift.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.trustml.core.io.AtomicFiles;

/**
 * Writes a directory all at once: the content goes into a hidden sibling temporary directory,
 * which is then renamed onto the target (an existing target is first renamed aside and deleted
 * after the swap). A failure leaves the old directory, or nothing, never a half-written one.
 */
public final class CheckerDirectory {
    private CheckerDirectory() {}

    /** Fills a temporary directory with {@code writer}, then moves it to {@code target}. */
    public static Path write(Path target, Consumer<Path> writer) {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(parent);
            tmp = AtomicFiles.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp");
            writer.accept(tmp);
            if (Files.exists(absolute)) {
                old = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".old");
                Files.delete(old);
                move(absolute, old);
            }
            move(tmp, absolute);
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover hidden temporary directory is harmless
        }
    }
}
