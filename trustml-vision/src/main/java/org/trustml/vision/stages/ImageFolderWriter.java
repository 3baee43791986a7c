package org.trustml.vision.stages;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.ContentHash;
import org.trustml.core.table.Column;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.Table;
import org.trustml.vision.images.ImageClass;
import org.trustml.vision.images.ImageDataset;
import org.trustml.vision.images.ImageDecoder;
import org.trustml.vision.images.ImageEntry;
import org.trustml.vision.images.SafeNames;
import org.trustml.vision.images.SkippedImage;
import org.trustml.vision.images.Split;

/** Does the work of {@link ImageFolder}: check, split, place, move into place. */
public final class ImageFolderWriter {
    private static final String DATASET_FOLDER = "a new or empty folder for the dataset";
    private final ImageFolder.Config config;
    private final SplittableRandom random;
    private final Path imagesIn;
    private final Path root;
    private Path imagesInReal;

    public ImageFolderWriter(ImageFolder.Config config, SplittableRandom random) {
        this.config = config;
        this.random = random;
        this.imagesIn = Path.of(config.imagesIn());
        this.root = Path.of(config.output()).toAbsolutePath().normalize();
    }

    private record Source(int row, String file, String label, Path path, String hash) {}

    public ImageDataset write(Table table) {
        Column files = table.column(config.fileColumn());
        Column labels = table.column(config.labelColumn());
        AtomicFiles.checkDirectory(root, folder -> false, DATASET_FOLDER);
        List<Source> usable = new ArrayList<>();
        List<SkippedImage> skipped = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String file = required(files, r, "an image file name");
            String label = required(labels, r, "a label");
            Path path = resolve(file, r);
            byte[] bytes = read(path, imagesIn.resolve(file), r, file);
            Optional<String> problem = ImageDecoder.defaults().problem(bytes);
            if (problem.isPresent()) {
                skipped.add(new SkippedImage(r, file, problem.get()));
            } else {
                usable.add(new Source(r, file, label, path, ContentHash.of(bytes)));
            }
        }
        if (skipped.size() > config.maxUnreadableFraction() * table.rowCount()) {
            SkippedImage first = skipped.get(0);
            throw InvalidInputException.problem(skipped.size() + " of " + table.rowCount()
                            + " images are unreadable; the first: " + first.reason())
                    .file(imagesIn.resolve(first.source())).row(first.row() + 1L).column(config.fileColumn())
                    .expected("at most " + config.maxUnreadableFraction() + " of the rows unreadable (maxUnreadableFraction)")
                    .build();
        }
        List<ImageClass> classes = classes(usable);
        List<ImageEntry> entries = place(table, usable, classes, skipped);
        return new ImageDataset(ImageDataset.SCHEMA_VERSION, root, classes, entries, skipped, types(table));
    }

    private String required(Column column, int row, String expected) {
        if (column.isMissing(row) || column.format(row).isEmpty()) {
            throw InvalidInputException.problem("is missing").row(row + 1L).column(column.name())
                    .expected(expected).build();
        }
        return column.format(row);
    }

    /**
     * The file a row names, links resolved, so that the dataset gets a copy or a hard link of a regular
     * file and never a link. A relative name must stay inside {@code imagesIn} once resolved: one that
     * leaves it through {@code ..} or a symbolic link is refused. An absolute name is read where it points.
     */
    private Path resolve(String file, int row) {
        Path named = imagesIn.resolve(file);
        Path real;
        try {
            real = named.toRealPath();
        } catch (NoSuchFileException e) {
            throw InvalidInputException.problem("names an image that does not exist").file(named).row(row + 1L)
                    .column(config.fileColumn()).value(file).expected("an existing file under " + imagesIn.toAbsolutePath())
                    .build(e);
        } catch (IOException e) {
            throw unreadable(named, row, file, e);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw InvalidInputException.problem("names " + real + ", which is not a regular file").file(named)
                    .row(row + 1L).column(config.fileColumn()).value(file).expected("an image file").build();
        }
        if (!Path.of(file).isAbsolute() && !real.startsWith(imagesInReal())) {
            throw InvalidInputException.problem("leads outside the images folder (through '..' or a symbolic link) to "
                    + real).file(named).row(row + 1L).column(config.fileColumn()).value(file)
                    .expected("a file inside " + imagesInReal() + "; the stage does not follow links out of it")
                    .build();
        }
        return real;
    }

    private Path imagesInReal() {
        if (imagesInReal == null) {
            try {
                imagesInReal = imagesIn.toRealPath();
            } catch (IOException e) {
                throw InvalidInputException.problem("cannot be resolved: " + e.getMessage()).file(imagesIn)
                        .expected("the folder the image names start from").build(e);
            }
        }
        return imagesInReal;
    }

    private byte[] read(Path path, Path named, int row, String file) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw unreadable(named, row, file, e);
        }
    }

    private InvalidInputException unreadable(Path named, int row, String file, IOException e) {
        return InvalidInputException.problem("names an image that cannot be read: " + e.getMessage()).file(named)
                .row(row + 1L).column(config.fileColumn()).value(file).expected("a readable file").build(e);
    }

    private static Map<String, ColumnType> types(Table table) {
        Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
        table.columns().forEach(c -> types.put(c.name(), c.type()));
        return types;
    }

    /** Classes sorted by label; folder names that differ even where the file system ignores case. */
    private List<ImageClass> classes(List<Source> usable) {
        TreeMap<String, Boolean> labels = new TreeMap<>();
        usable.forEach(s -> labels.put(s.label(), true));
        List<ImageClass> classes = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String label : labels.keySet()) {
            String folder = SafeNames.folder(label);
            if (!taken.add(folder.toLowerCase(Locale.ROOT))) {
                folder = SafeNames.hashedFolder(label);
                if (!taken.add(folder.toLowerCase(Locale.ROOT))) {
                    throw new TrustmlException("labels collide as folder names: " + label + " -> " + folder);
                }
            }
            classes.add(new ImageClass(classes.size(), label, folder));
        }
        return classes;
    }

    private List<ImageEntry> place(Table table, List<Source> usable, List<ImageClass> classes, List<SkippedImage> skipped) {
        Map<String, Integer> index = new TreeMap<>();
        classes.forEach(c -> index.put(c.label(), c.index()));
        List<List<Source>> byClass = new ArrayList<>();
        classes.forEach(c -> byClass.add(new ArrayList<>()));
        usable.forEach(s -> byClass.get(index.get(s.label())).add(s));

        // This draw once named the temporary folder (same seed, same name: concurrent or crashed runs collided).
        // The name is AtomicFiles' now; the draw stays so that a seed gives the same split as before.
        random.nextLong();
        List<ImageEntry> entries = new ArrayList<>();
        AtomicFiles.writeDirectory(root, folder -> false, DATASET_FOLDER, temp -> {
            for (ImageClass c : classes) {
                List<Source> rows = byClass.get(c.index());
                Map<Split, List<Source>> parts = split(c, rows);
                for (Split split : Split.values()) {
                    Set<String> names = new HashSet<>();
                    for (Source s : parts.get(split)) {
                        String name = uniqueName(s, names);
                        String relative = split.folder() + "/" + c.folder() + "/" + name;
                        Path target = temp.resolve(relative);
                        ensureInside(temp, target, s);
                        Files.createDirectories(target.getParent());
                        placeFile(s.path(), target);
                        entries.add(new ImageEntry(split, c.index(), relative, s.file(), s.row(), s.hash()));
                    }
                }
            }
            entries.sort(Comparator.comparing(ImageEntry::split).thenComparingInt(ImageEntry::classIndex)
                    .thenComparingInt(ImageEntry::row));
            table.writeCsv(temp.resolve(ImageDataset.METADATA));
            new ImageDataset(ImageDataset.SCHEMA_VERSION, temp, classes, entries, skipped, types(table)).writeManifest();
        });
        return entries;
    }

    /** Shuffles one class's rows with the seed and cuts them into the three parts. */
    private Map<Split, List<Source>> split(ImageClass c, List<Source> rows) {
        int n = rows.size();
        int val = share(n, config.validationFraction());
        int test = share(n, config.testFraction());
        int needed = 1 + (config.validationFraction() > 0 ? 1 : 0) + (config.testFraction() > 0 ? 1 : 0);
        if (n < needed || n - val - test < 1) {
            throw InvalidInputException.problem("has too few images for the split: " + n)
                    .column(config.labelColumn()).value(c.label())
                    .expected("at least " + needed + " images per class for a train/validation/test split of "
                            + config.trainFraction() + "/" + config.validationFraction() + "/" + config.testFraction())
                    .build();
        }
        List<Source> shuffled = new ArrayList<>(rows);
        for (int i = shuffled.size() - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            Source t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        Map<Split, List<Source>> parts = new TreeMap<>();
        parts.put(Split.VALIDATION, shuffled.subList(0, val));
        parts.put(Split.TEST, shuffled.subList(val, val + test));
        parts.put(Split.TRAIN, shuffled.subList(val + test, n));
        return parts;
    }

    private static int share(int n, double fraction) {
        return fraction == 0 ? 0 : Math.max(1, (int) Math.round(n * fraction));
    }

    private static String uniqueName(Source s, Set<String> names) {
        String name = SafeNames.file(s.file());
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            name = stem + "-row" + s.row() + (dot > 0 ? name.substring(dot) : "");
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return name;
    }

    private static void ensureInside(Path dir, Path target, Source s) {
        if (!target.normalize().startsWith(dir) || !target.normalize().equals(target)) {
            throw new TrustmlException("refusing to write " + s.file() + " outside the dataset: " + target);
        }
    }

    /** {@code source} is a regular file ({@link #resolve}): the dataset gets a hard link to it or a copy, never a link. */
    private void placeFile(Path source, Path target) throws IOException {
        if (config.placement() == ImageFolder.Placement.HARD_LINK) {
            try {
                Files.createLink(target, source);
                return;
            } catch (FileSystemException | UnsupportedOperationException e) {
                // another file system, or links unsupported: copy instead, as documented
            }
        }
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
