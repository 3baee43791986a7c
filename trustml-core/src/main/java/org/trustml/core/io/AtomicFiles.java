package org.trustml.core.io;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in
 * the target's directory, which is then moved over the target in one step. If writing fails the
 * temporary file is deleted and the target is left as it was.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Atomically replaces (or creates) {@code target} with what {@code content} writes. */
    public static Path write(Path target, Content content) {
        requireNonNull(target, "target");
        requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = createTemp(dir, "." + absolute.getFileName());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Atomically writes UTF-8 text. */
    public static Path writeString(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return write(target, out -> out.write(bytes));
    }

    /**
     * A temporary file that ends up with the mode an ordinary new file gets (0666 less the umask, as
     * {@code Files.newOutputStream} would create it), not the 0600 of {@code Files.createTempFile}:
     * reports and model cards must stay readable by whoever could read a plainly written file.
     */
    private static Path createTemp(Path dir, String prefix) throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
        return Files.createTempFile(dir, prefix, ".tmp", mode("rw-rw-rw-"));
    }

    /**
     * A temporary directory in {@code parent}, to be filled and then renamed into place, with the
     * mode an ordinary new directory gets (0777 less the umask) rather than
     * {@code Files.createTempDirectory}'s 0700.
     */
    public static Path createTempDirectory(Path parent, String prefix) throws IOException {
        if (!Files.getFileStore(parent).supportsFileAttributeView("posix")) {
            return Files.createTempDirectory(parent, prefix);
        }
        return Files.createTempDirectory(parent, prefix, mode("rwxrwxrwx"));
    }

    private static FileAttribute<Set<PosixFilePermission>> mode(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that error is the one to report
            }
        }
    }
}
