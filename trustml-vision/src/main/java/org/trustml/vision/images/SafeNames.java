package org.trustml.vision.images;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.trustml.core.io.ContentHash;

/**
 * Turns a label or a file name into one path element that is safe on Linux, macOS and Windows
 * and can never lead outside the folder it is placed in. Labels in the wild contain slashes
 * ({@code COVID-19/ARDS}), dots, control characters and names Windows reserves.
 *
 * <p>The rules: {@code / \ < > : " | ? *}, NUL, every other control character and an unpaired
 * surrogate become {@code _};
 * trailing dots and spaces become {@code _} (Windows drops them), so {@code .} and {@code ..}
 * become {@code _} and {@code __}; an empty name becomes {@code _}; a Windows device name ({@code CON},
 * {@code PRN}, {@code AUX}, {@code NUL}, {@code COM1}–{@code COM9}, {@code LPT1}–{@code LPT9},
 * in any case and with any extension) gets a leading {@code _}; names are cut to
 * {@value #MAX_CHARS} characters. When any rule changed the name, {@code -} and the first 8 hex
 * digits of the SHA-256 of the original are appended (before the extension, for file names), so
 * that two labels that differ only in a replaced character ({@code a/b} and {@code a_b}) still get
 * different folders.
 */
public final class SafeNames {
    /** Longest name kept, in characters (well under the 255-byte limit of common file systems). */
    public static final int MAX_CHARS = 100;

    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafeNames() {}

    /** A folder name for a label. */
    public static String folder(String label) {
        requireNonNull(label, "label");
        String safe = clean(label);
        return safe.equals(label) ? safe : cut(safe, MAX_CHARS - 9) + "-" + shortHash(label);
    }

    /**
     * A folder name for a label that always carries the hash suffix: for a label whose
     * {@link #folder} collides with another's where the file system ignores case ({@code Cat},
     * {@code cat}).
     */
    public static String hashedFolder(String label) {
        requireNonNull(label, "label");
        return cut(clean(label), MAX_CHARS - 9) + "-" + shortHash(label);
    }

    /**
     * A file name for the last element of a path (either separator), keeping its extension when
     * the extension itself is safe.
     */
    public static String file(String path) {
        requireNonNull(path, "path");
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        String safe = clean(name);
        if (safe.equals(name)) {
            return safe;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && clean(name.substring(dot)).equals(name.substring(dot)) && name.length() - dot <= 10
                ? name.substring(dot) : "";
        String stem = clean(name.substring(0, name.length() - ext.length()));
        return cut(stem, MAX_CHARS - 9 - ext.length()) + "-" + shortHash(name) + ext;
    }

    private static String clean(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                b.append(c).append(name.charAt(++i)); // a whole supplementary character
            } else {
                boolean unsafe = c < 0x20 || c == 0x7F || "/\\<>:\"|?*".indexOf(c) >= 0 || Character.isSurrogate(c);
                b.append(unsafe ? '_' : c);
            }
        }
        for (int i = b.length() - 1; i >= 0 && (b.charAt(i) == '.' || b.charAt(i) == ' '); i--) {
            b.setCharAt(i, '_');
        }
        String s = b.toString();
        if (s.isEmpty()) {
            return "_";
        }
        int dot = s.indexOf('.');
        String base = (dot < 0 ? s : s.substring(0, dot)).trim().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(base)) {
            s = "_" + s;
        }
        return cut(s, MAX_CHARS);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max; // never split a pair
        return s.substring(0, end);
    }

    private static String shortHash(String original) {
        return ContentHash.of(original.getBytes(StandardCharsets.UTF_8)).substring(ContentHash.PREFIX.length(),
                ContentHash.PREFIX.length() + 8);
    }
}
