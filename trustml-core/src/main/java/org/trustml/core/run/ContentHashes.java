package org.trustml.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;

/**
 * Content hashes of stage inputs and outputs: a {@link ContentAddressable} names its own; a file
 * is hashed by its bytes and a directory by its files' relative paths and bytes; any other value
 * by its JSON form.
 */
public final class ContentHashes {
    private ContentHashes() {}

    /** The hash of {@code value}; empty for null or for a value Jackson cannot write. */
    public static Optional<String> of(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ContentAddressable c) {
            return Optional.of(c.contentHash());
        }
        if (value instanceof Path p) {
            return Optional.of(Files.isDirectory(p) ? ofDirectory(p) : ContentHash.ofFile(p));
        }
        try {
            return Optional.of(ContentHash.of(Json.compactWriter().writeValueAsBytes(value)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Hash over each regular file's relative path and content hash, in path order. */
    public static String ofDirectory(Path dir) {
        MessageDigest d = ContentHash.newDigest();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path f : sorted) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                d.update(rel.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(ContentHash.ofFile(f).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not hash " + dir, e);
        }
        return ContentHash.format(d);
    }
}
