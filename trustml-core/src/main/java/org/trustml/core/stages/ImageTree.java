package org.trustml.core.stages;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.ContentHash;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Reads an existing one-folder-per-class image tree, {@code root/<label>/<image>} (the layout torchvision's
 * {@code ImageFolder} and Keras's {@code image_dataset_from_directory} read), into a table of {@code file}
 * (relative to the root, {@code /}-separated) and {@code label} (the class folder's name), one row per image,
 * classes and files in name order. Images are files ending in {@code .png}, {@code .jpg}, {@code .jpeg},
 * {@code .bmp} or {@code .gif} (any case); names starting with a dot are left out, any other file is counted in
 * {@link Listing#skipped()}. Symbolic links are not followed. A root without a class folder holding an image is an
 * error naming the root.
 */
public final class ImageTree {
    /** The file extensions read as images. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private ImageTree() {}

    /**
     * What a tree holds.
     *
     * @param images      the table of {@code file} and {@code label}
     * @param skipped     files that are not images, relative to the root
     * @param contentHash SHA-256 over every image's path, label and content hash, in row order
     */
    public record Listing(Table images, List<String> skipped, String contentHash) {
        public Listing {
            requireNonNull(images, "images");
            skipped = List.copyOf(skipped);
            requireNonNull(contentHash, "contentHash");
        }
    }

    /** Lists the tree under {@code root}. */
    public static Listing read(Path root) {
        requireNonNull(root, "root");
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw InvalidInputException.problem("is not a folder").file(root)
                    .expected("a folder with one sub-folder of images per class").build();
        }
        List<String> files = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        MessageDigest d = ContentHash.newDigest();
        for (Path classFolder : sorted(root)) {
            String label = classFolder.getFileName().toString();
            if (!Files.isDirectory(classFolder, LinkOption.NOFOLLOW_LINKS)) {
                skipped.add(label);
                continue;
            }
            for (Path f : sorted(classFolder)) {
                String name = label + "/" + f.getFileName();
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || !isImage(f)) {
                    skipped.add(name);
                    continue;
                }
                files.add(name);
                labels.add(label);
                d.update((name + "\t" + label + "\t" + ContentHash.ofFile(f) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (files.isEmpty()) {
            throw InvalidInputException.problem("holds no images in class folders").file(root)
                    .expected("<root>/<label>/<image>.png|jpg|jpeg|bmp|gif").build();
        }
        return new Listing(Table.of(StringColumn.of("file", files), StringColumn.of("label", labels)), skipped,
                ContentHash.format(d));
    }

    private static boolean isImage(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The entries of a folder whose names do not start with a dot, by name. */
    private static List<Path> sorted(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot be listed: " + e.getMessage()).file(folder)
                    .expected("a readable folder").build(e);
        }
    }
}
