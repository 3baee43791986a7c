package org.trustml.core.io;

import static java.util.Objects.requireNonNull;

import java.awt.image.RenderedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.trustml.core.InvalidInputException;

/**
 * Every file and folder trustml writes goes through here, so that three rules hold everywhere:
 *
 * <ul>
 *   <li><b>Nothing half-written.</b> A file's content goes to a hidden temporary file in the target's
 *       folder, which is then renamed over the target in one step; a folder is filled as a hidden
 *       sibling and renamed into place. A failure, or a {@code kill -9}, leaves the old target or
 *       none, plus at most a hidden temporary that nothing reads.
 *   <li><b>Only regular files are replaced.</b> A target that is a symbolic link, a directory, a
 *       device, a FIFO or a socket is refused with an {@link InvalidInputException} before anything is
 *       written ({@link #checkTarget}), so a link is never followed out of where the caller pointed
 *       and a device is never replaced. A target that is one of the caller's inputs (through any
 *       path, symbolic or hard link) is refused too.
 *   <li><b>Temporary names are unique per process and call</b>: {@code .<name>.<pid>-<random>.tmp}
 *       with the JDK's {@code SecureRandom}-drawn part ({@link Files#createTempFile}), never a
 *       seeded generator, so two writers of one target never collide. A folder's temporaries left by
 *       a process that no longer runs on this machine are deleted by the next write of that folder
 *       ({@link #writeDirectory}); nothing else is ever deleted.
 * </ul>
 *
 * <p>A folder that cannot be created or written (read-only, a file in the way, permission denied)
 * is an {@link InvalidInputException} too: the caller can fix it. An error raised by the content
 * itself stays what it was (an {@link UncheckedIOException} for an {@link IOException}).
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a (temporary) folder that will then be moved into place. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeTo(Path directory) throws IOException;
    }

    private static final int MAX_PREFIX_NAME = 100;

    private AtomicFiles() {}

    /**
     * Checks that {@link #write} may (re)place {@code target}: it is absent or a regular file (not a
     * symbolic link, a directory, a device, a FIFO or a socket), its folder is a folder, and it is
     * not the same file as any of {@code inputs} (compared by file key, so another path, a symbolic
     * or a hard link to an input is caught). Commands call this for every output before they write
     * anything; {@link #write} calls it again.
     *
     * @return {@code target}
     * @throws InvalidInputException naming the target and what it is
     */
    public static Path checkTarget(Path target, Path... inputs) {
        requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath();
        for (Path input : inputs) {
            // as the OS resolves the path, and as it reads once a missing folder in it is created (sub/../x)
            if (input != null && (isSameFile(absolute, input) || isSameFile(absolute.normalize(), input))) {
                throw InvalidInputException.problem("is the input " + input + "; writing it would destroy the input")
                        .file(target).expected("an output path other than the input's").build();
            }
        }
        checkFolders(absolute.getParent());
        BasicFileAttributes a = attributes(absolute);
        if (a == null) {
            return target;
        }
        if (a.isSymbolicLink()) {
            throw refuse(target, "is a symbolic link; trustml never writes through one",
                    "a regular file or a new path (remove the link or name the file it points to)");
        }
        if (a.isDirectory()) {
            throw refuse(target, "is a directory", "a file name, e.g. " + target.resolve("name"));
        }
        if (!a.isRegularFile()) {
            throw refuse(target, "is not a regular file (a device, FIFO or socket); trustml replaces only regular files",
                    "a regular file or a new path");
        }
        return target;
    }

    /** Atomically replaces (or creates) {@code target} with what {@code content} writes; see {@link #checkTarget}. */
    public static Path write(Path target, Content content) {
        requireNonNull(target, "target");
        requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        checkTarget(absolute);
        Path dir = createFolders(absolute.getParent());
        Path tmp = null;
        try {
            tmp = fileSystem(() -> createTemp(dir, tempPrefix(absolute)), target);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            checkTarget(absolute); // it may have become a link or a FIFO meanwhile
            Path written = tmp;
            fileSystem(() -> move(written, absolute, true), target);
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

    /** Atomically writes an image in an {@link ImageIO} format such as {@code "png"}. */
    public static Path writeImage(Path target, RenderedImage image, String format) {
        requireNonNull(image, "image");
        requireNonNull(format, "format");
        return write(target, out -> {
            if (!ImageIO.write(image, format, out)) {
                throw new IOException("no " + format + " writer is available in this Java runtime");
            }
        });
    }

    /**
     * Appends UTF-8 text to {@code target} (created when absent), for files that only grow, such as
     * MLflow's metric files. Not atomic, but the same target rules as {@link #write}: a link, FIFO,
     * device or folder is refused and the file is opened without following links.
     */
    public static Path append(Path target, String text) {
        requireNonNull(text, "text");
        Path absolute = target.toAbsolutePath();
        checkTarget(absolute);
        createFolders(absolute.getParent());
        try (OutputStream out = fileSystem(() -> Files.newOutputStream(absolute, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), target)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a whole folder at once: {@code content} fills a hidden sibling temporary folder
     * ({@code .<name>.tmp-<pid>-<random>}), which is then renamed onto {@code target}. The target
     * must be absent, an empty folder, or a folder that {@code replaceable} accepts (it is then
     * renamed aside and deleted after the swap); anything else, a symbolic link included, is refused
     * before {@code content} runs. Temporaries of this target left by processes that no longer run
     * are deleted first; those of live processes (another writer) are left alone.
     *
     * @param expected what the target may be, for the refusal's message (e.g. "a new or empty folder")
     */
    public static Path writeDirectory(Path target, Predicate<Path> replaceable, String expected,
            DirectoryContent content) {
        requireNonNull(target, "target");
        requireNonNull(replaceable, "replaceable");
        requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath().normalize();
        checkDirectoryTarget(absolute, replaceable, expected);
        Path parent = createFolders(absolute.getParent());
        String prefix = "." + shortName(absolute) + ".tmp-";
        String oldPrefix = "." + shortName(absolute) + ".old-";
        deleteStaleTemporaries(parent, prefix);
        deleteStaleTemporaries(parent, oldPrefix);
        Path tmp = null;
        Path old = null;
        try {
            tmp = fileSystem(() -> createTempDirectory(parent, prefix), target);
            content.writeTo(tmp);
            if (checkDirectoryTarget(absolute, replaceable, expected) != null && !isEmpty(absolute)) {
                old = fileSystem(() -> createTempDirectory(parent, oldPrefix), target);
                Files.delete(old);
                move(absolute, old, false);
            }
            try {
                swapIn(tmp, absolute, expected);
            } catch (IOException | RuntimeException e) {
                if (old != null && attributes(absolute) == null) {
                    move(old, absolute, false); // put the previous folder back
                    old = null;
                }
                throw e;
            }
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
            deleteTree(old);
        }
    }

    /** Renames the filled folder onto the target, which is absent or an empty folder by now. */
    private static void swapIn(Path filled, Path target, String expected) throws IOException {
        try {
            Files.deleteIfExists(target); // an empty folder, or nothing
            move(filled, target, false);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw InvalidInputException.problem("was filled by another writer while this was written").file(target)
                    .expected(expected).build(e);
        } catch (FileSystemException e) {
            throw InvalidInputException.problem("cannot be written: " + reason(e)).file(target)
                    .expected("a path in a folder trustml may write").build(e);
        }
    }

    /**
     * Checks, before anything is written, that {@link #writeDirectory} would accept {@code target}: absent,
     * an empty folder, or a folder {@code replaceable} accepts; never a symbolic link or a file.
     *
     * @return {@code target}
     * @throws InvalidInputException naming the target, what it is and {@code expected}
     */
    public static Path checkDirectory(Path target, Predicate<Path> replaceable, String expected) {
        requireNonNull(target, "target");
        checkDirectoryTarget(target.toAbsolutePath().normalize(), requireNonNull(replaceable, "replaceable"), expected);
        return target;
    }

    /**
     * A new, uniquely named temporary folder {@code <prefix><pid>-<random>} in {@code parent}, to be
     * filled and then renamed into place, with the mode an ordinary new folder gets (0777 less the
     * umask) rather than {@link Files#createTempDirectory}'s 0700. The pid lets
     * {@link #deleteStaleTemporaries} tell a crashed writer's folder from a running one's.
     */
    public static Path createTempDirectory(Path parent, String prefix) throws IOException {
        String p = prefix + ProcessHandle.current().pid() + "-";
        if (!Files.getFileStore(parent).supportsFileAttributeView("posix")) {
            return Files.createTempDirectory(parent, p);
        }
        return Files.createTempDirectory(parent, p, mode("rwxrwxrwx"));
    }

    /**
     * Deletes the entries {@code <prefix><pid>-<digits>} in {@code parent} (as made by
     * {@link #createTempDirectory}) whose process no longer runs; other names, and those of live
     * processes, are left alone. Best effort: a folder that cannot be deleted stays.
     *
     * @return how many were deleted
     */
    public static int deleteStaleTemporaries(Path parent, String prefix) {
        Pattern own = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,18})-\\d+");
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            entries.forEach(p -> {
                Matcher m = own.matcher(p.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    stale.add(p);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        stale.forEach(AtomicFiles::deleteTree);
        return stale.size();
    }

    /** Deletes a file or a folder tree without following links; best effort. */
    public static void deleteTree(Path path) {
        if (path == null || attributes(path) == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover hidden temporary is harmless
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort, as above
        }
    }

    /** Null when {@code target} is absent; the target's own attributes otherwise (links not followed). */
    private static BasicFileAttributes attributes(Path target) {
        try {
            return Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot be inspected: " + reason(e)).file(target)
                    .expected("a path trustml may read and write").build(e);
        }
    }

    /** Null when absent; the attributes of an empty or replaceable folder; a refusal otherwise. */
    private static BasicFileAttributes checkDirectoryTarget(Path target, Predicate<Path> replaceable, String expected) {
        checkFolders(target.getParent());
        BasicFileAttributes a = attributes(target);
        if (a == null) {
            return null;
        }
        if (a.isSymbolicLink()) {
            throw refuse(target, "is a symbolic link; trustml never writes through one", expected);
        }
        if (!a.isDirectory()) {
            throw refuse(target, "is not a folder", expected);
        }
        if (!isEmpty(target) && !replaceable.test(target)) {
            throw refuse(target, "already exists and is not empty; trustml never overwrites it", expected);
        }
        return a;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot be listed: " + reason(e)).file(dir)
                    .expected("a readable folder").build(e);
        }
    }

    /** The nearest existing ancestor of {@code dir} must be a folder. */
    private static void checkFolders(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw refuse(p, "is not a folder, so nothing can be written under it", "a folder");
                }
                return;
            }
        }
    }

    private static Path createFolders(Path dir) {
        checkFolders(dir);
        return fileSystem(() -> Files.createDirectories(dir), dir);
    }

    private static boolean isSameFile(Path target, Path input) {
        try {
            return Files.exists(input) && Files.isSameFile(target, input);
        } catch (IOException e) {
            return false;
        }
    }

    private static InvalidInputException refuse(Path target, String problem, String expected) {
        return InvalidInputException.problem(problem).file(target).expected(expected).build();
    }

    /** A file-system step whose failure (read-only, permission, a file in the way) the caller can fix. */
    private interface Step<T> {
        T run() throws IOException;
    }

    private static <T> T fileSystem(Step<T> step, Path target) {
        try {
            return step.run();
        } catch (FileSystemException e) {
            throw InvalidInputException.problem("cannot be written: " + reason(e)).file(target)
                    .expected("a path in a folder trustml may write").build(e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static Path move(Path from, Path to, boolean replace) throws IOException {
        StandardCopyOption[] atomic = replace
                ? new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING}
                : new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE};
        try {
            return Files.move(from, to, atomic);
        } catch (AtomicMoveNotSupportedException e) {
            return replace ? Files.move(from, to, StandardCopyOption.REPLACE_EXISTING) : Files.move(from, to);
        }
    }

    private static String shortName(Path target) {
        String name = target.getFileName() == null ? "root" : target.getFileName().toString();
        return name.length() <= MAX_PREFIX_NAME ? name : name.substring(0, MAX_PREFIX_NAME);
    }

    private static String tempPrefix(Path target) {
        return "." + shortName(target) + "." + ProcessHandle.current().pid() + "-";
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
