package org.trustml.vision.images;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;
import org.trustml.core.run.ContentAddressable;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.Table;

/**
 * Images arranged as {@code root/<split>/<class folder>/<file>}, the layout torchvision's and
 * Keras's image-folder loaders read, with a manifest ({@value #MANIFEST}) at the root that lists
 * every image with its class, split, source row and content hash, and the input table as
 * {@value #METADATA}.
 *
 * @param schemaVersion version of the manifest's format
 * @param root          the dataset's folder
 * @param classes       the classes, by index (sorted by label)
 * @param entries       every image, in split order, then class, then source row
 * @param skipped       input rows whose image could not be used
 * @param metadataTypes the column types of {@value #METADATA}, the input table kept beside the
 *                      images (an entry's {@code row} indexes it): protected attributes for slicing
 */
public record ImageDataset(int schemaVersion, Path root, List<ImageClass> classes, List<ImageEntry> entries,
        List<SkippedImage> skipped, Map<String, ColumnType> metadataTypes) implements ContentAddressable {
    /** The manifest's file name, at the dataset's root. */
    public static final String MANIFEST = "dataset.json";
    /** The input table, as CSV, at the dataset's root. */
    public static final String METADATA = "metadata.csv";
    /** The manifest format this version writes. */
    public static final int SCHEMA_VERSION = 1;

    public ImageDataset {
        requireNonNull(root, "root");
        classes = List.copyOf(classes);
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
        metadataTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadataTypes));
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).index() != i) {
                throw InvalidInputException.problem("lists classes out of order").value(classes.get(i).index())
                        .expected("class " + i + " at position " + i).build();
            }
        }
    }

    /** The images of one split. */
    public List<ImageEntry> entries(Split split) {
        return entries.stream().filter(e -> e.split() == split).toList();
    }

    /** Number of images per split. */
    @JsonIgnore
    public Map<Split, Integer> counts() {
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            counts.put(s, 0);
        }
        entries.forEach(e -> counts.merge(e.split(), 1, Integer::sum));
        return counts;
    }

    /** The labels, by class index. */
    @JsonIgnore
    public List<String> labels() {
        return classes.stream().map(ImageClass::label).toList();
    }

    /**
     * The input table the dataset was made from ({@value #METADATA}), with its column types; an
     * entry's {@link ImageEntry#row()} is its row index.
     */
    public Table metadata() {
        Path file = root.resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.problem("has no " + METADATA).file(root)
                    .expected("a dataset written by the image-folder stage").build();
        }
        return Table.readCsv(file, CsvOptions.defaults().allowingEmpty().withTypes(metadataTypes));
    }

    /** The metadata rows of {@code entries}, in their order. */
    public Table metadata(List<ImageEntry> entries) {
        return metadata().take(entries.stream().mapToInt(ImageEntry::row).toArray());
    }

    /** The absolute path of an image. */
    public Path file(ImageEntry entry) {
        return root.resolve(entry.path());
    }

    /**
     * SHA-256 over the classes and, for every image in order, its split, class, path and content
     * hash: the same images in the same layout give the same hash wherever the root is.
     */
    @Override
    public String contentHash() {
        MessageDigest d = ContentHash.newDigest();
        for (ImageClass c : classes) {
            update(d, c.index() + "\t" + c.label() + "\t" + c.folder());
        }
        for (ImageEntry e : entries) {
            update(d, e.split().folder() + "\t" + e.classIndex() + "\t" + e.path() + "\t" + e.contentHash());
        }
        return ContentHash.format(d);
    }

    private static void update(MessageDigest d, String line) {
        d.update(line.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
    }

    /** Writes the manifest into {@code root}, atomically. */
    public Path writeManifest() {
        return AtomicFiles.write(root.resolve(MANIFEST), out -> Json.writer().writeValue(out, Manifest.of(this)));
    }

    /** Reads a dataset from its root folder's manifest. */
    public static ImageDataset read(Path root) {
        Path file = root.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.problem("has no " + MANIFEST).file(root)
                    .expected("a folder written by the image-folder stage").build();
        }
        try {
            Manifest m = Json.readerFor(Manifest.class).readValue(file.toFile());
            if (m.schemaVersion() != SCHEMA_VERSION) {
                throw InvalidInputException.problem("has an unknown schemaVersion").file(file).value(m.schemaVersion())
                        .expected(String.valueOf(SCHEMA_VERSION)).build();
            }
            return new ImageDataset(m.schemaVersion(), root, m.classes(), m.entries(), m.skipped(), m.metadataTypes());
        } catch (IOException e) {
            throw InvalidInputException.problem("is not a dataset manifest: " + e.getMessage()).file(file)
                    .expected("the JSON the image-folder stage writes").build(e);
        }
    }

    /** What {@value #MANIFEST} holds: the dataset without its (movable) root. */
    record Manifest(int schemaVersion, List<ImageClass> classes, List<ImageEntry> entries, List<SkippedImage> skipped,
            Map<String, ColumnType> metadataTypes) {
        static Manifest of(ImageDataset d) {
            return new Manifest(d.schemaVersion(), d.classes(), d.entries(), d.skipped(), d.metadataTypes());
        }

        Manifest {
            classes = classes == null ? List.of() : classes;
            entries = entries == null ? List.of() : entries;
            skipped = skipped == null ? List.of() : new ArrayList<>(skipped);
            metadataTypes = metadataTypes == null ? Map.of() : metadataTypes;
        }
    }
}
