package org.trustml.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 content hashes, written as {@code sha256:<64 hex digits>}. */
public final class ContentHash {
    /** Prefix of every hash this class makes. */
    public static final String PREFIX = "sha256:";

    private ContentHash() {}

    /** A fresh SHA-256 digest. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code sha256:<hex>} of a finished digest. */
    public static String format(MessageDigest digest) {
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    public static String of(byte[] bytes) {
        MessageDigest d = newDigest();
        d.update(bytes);
        return format(d);
    }

    /** Hash of a file's bytes. */
    public static String ofFile(Path file) {
        MessageDigest d = newDigest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not hash " + file, e);
        }
        return format(d);
    }
}
