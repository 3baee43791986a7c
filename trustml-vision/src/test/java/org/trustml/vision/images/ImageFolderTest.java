package org.trustml.vision.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.run.StageRecord;
import org.trustml.core.stages.CloudAnnotations;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.ImageFolderWriter;

class ImageFolderTest {
    @TempDir
    Path dir;

    static byte[] png(int shade) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, (shade * 37 + x * 20 + y) & 0xFFFFFF);
            }
        }
        return encode(img, "png");
    }

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** Writes n images per label into dir/images and a CSV naming them; returns the CSV. */
    private Path dataset(Map<String, Integer> perLabel) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images/nested"));
        StringBuilder csv = new StringBuilder("file,finding\n");
        int i = 0;
        for (Map.Entry<String, Integer> e : perLabel.entrySet()) {
            for (int k = 0; k < e.getValue(); k++, i++) {
                Files.write(images.resolve("img" + i + ".png"), png(i));
                csv.append("nested/img").append(i).append(".png,\"").append(e.getKey()).append("\"\n");
            }
        }
        return Files.writeString(dir.resolve("meta.csv"), csv);
    }

    private PipelineRun<ImageDataset> run(Path csv, Path root, long seed, ImageFolder.Placement placement) {
        ImageFolder stage = ImageFolder.builder("file", "finding").imagesIn(dir.resolve("images")).output(root)
                .split(0.15, 0.15).placement(placement).build();
        return Pipeline.from(Ingest.csv(csv)).then(stage)
                .run(RunOptions.seed(seed).withTracker(Tracker.none(dir.resolve("runs"))));
    }

    @Test
    void arrangesStratifiedSplitsUnderSafeFolders() throws IOException {
        // labels as in the seed's COVID metadata: a slash, a dot-dot, a Windows device name
        Path csv = dataset(Map.of("COVID-19/ARDS", 10, "..", 10, "CON", 10));
        Path root = dir.resolve("out/dataset");
        PipelineRun<ImageDataset> run = run(csv, root, 42, ImageFolder.Placement.COPY);
        ImageDataset ds = run.output();

        assertThat(ds.labels()).containsExactly("..", "CON", "COVID-19/ARDS"); // sorted by label
        assertThat(ds.classes()).extracting(ImageClass::folder)
                .containsExactly("__-" + hash8(".."), "_CON-" + hash8("CON"), "COVID-19_ARDS-" + hash8("COVID-19/ARDS"));
        // per class of 10: validation round(10 * 0.15) = 2, test 2, train the other 6
        assertThat(ds.counts()).isEqualTo(Map.of(Split.TRAIN, 18, Split.VALIDATION, 6, Split.TEST, 6));
        for (ImageClass c : ds.classes()) {
            assertThat(ds.entries(Split.TEST).stream().filter(e -> e.classIndex() == c.index())).hasSize(2);
        }
        for (ImageEntry e : ds.entries()) {
            Path f = ds.file(e);
            assertThat(f.normalize()).startsWith(root);
            assertThat(f).exists();
            assertThat(f.getParent().getParent().getFileName().toString()).isEqualTo(e.split().folder());
            assertThat(org.trustml.core.io.ContentHash.ofFile(f)).isEqualTo(e.contentHash());
        }
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertThat(s).containsExactly(root); // no temporary folder left beside it
        }
        assertThat(ImageDataset.read(root)).isEqualTo(ds);
        Table meta = ds.metadata(ds.entries()); // the input table beside the images, one row per entry
        for (int i = 0; i < ds.entries().size(); i++) {
            assertThat(meta.stringColumn("file").get(i)).isEqualTo(ds.entries().get(i).source());
            assertThat(meta.stringColumn("finding").get(i)).isEqualTo(ds.labels().get(ds.entries().get(i).classIndex()));
        }
        StageRecord stage = run.record().stages().get(1);
        assertThat(stage.outputHash()).contains(ds.contentHash());
        assertThat(stage.metrics()).containsEntry("train", 18.0).containsEntry("skipped", 0.0);
    }

    @Test
    void sameSeedSameSplitOtherSeedAnother() throws IOException {
        Path csv = dataset(Map.of("a", 20, "b", 20));
        ImageDataset one = run(csv, dir.resolve("one"), 7, ImageFolder.Placement.COPY).output();
        ImageDataset two = run(csv, dir.resolve("two"), 7, ImageFolder.Placement.COPY).output();
        ImageDataset other = run(csv, dir.resolve("other"), 8, ImageFolder.Placement.COPY).output();
        assertThat(two.entries()).isEqualTo(one.entries());
        assertThat(two.contentHash()).isEqualTo(one.contentHash());
        assertThat(other.entries(Split.TEST)).isNotEqualTo(one.entries(Split.TEST));
    }

    @Test
    void hardLinksShareTheFile() throws IOException {
        Path csv = dataset(Map.of("a", 3));
        ImageDataset ds = run(csv, dir.resolve("linked"), 1, ImageFolder.Placement.HARD_LINK).output();
        ImageEntry e = ds.entries().get(0);
        assertThat(Files.isSameFile(ds.file(e), dir.resolve("images").resolve(e.source()))).isTrue();
    }

    @Test
    void truncatedImagesAreSkippedAndListedUpToTheThreshold() throws IOException {
        Path csv = dataset(Map.of("a", 10, "b", 10));
        Path broken = dir.resolve("images/nested/img3.png");
        byte[] whole = Files.readAllBytes(broken);
        Files.write(broken, java.util.Arrays.copyOf(whole, whole.length / 2));
        // 1 of 20 rows = 5%, the default threshold
        ImageDataset ds = run(csv, dir.resolve("ok"), 1, ImageFolder.Placement.COPY).output();
        assertThat(ds.skipped()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("nested/img3.png");
            assertThat(s.row()).isEqualTo(3);
            assertThat(s.reason()).startsWith("truncated or corrupt");
        });
        assertThat(ds.entries()).hasSize(19);

        Files.write(dir.resolve("images/nested/img4.png"), new byte[] {1, 2, 3});
        Path root = dir.resolve("fails");
        assertThatThrownBy(() -> run(csv, root, 1, ImageFolder.Placement.COPY))
                .isInstanceOf(PipelineException.class).cause()
                .hasMessageStartingWith(dir.resolve("images/nested/img3.png") + ", row 4, column 'file': 2 of 20 images are unreadable")
                .hasMessageEndingWith("(expected at most 0.05 of the rows unreadable (maxUnreadableFraction))");
        assertThat(root).doesNotExist();
    }

    @Test
    void truncatedJpegIsCaughtByItsWarning() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        img.setRGB(10, 10, 0xFF0000);
        byte[] jpeg = encode(img, "jpg");
        assertThat(ImageDecoder.defaults().problem(jpeg)).isEmpty();
        assertThat(ImageDecoder.defaults().problem(java.util.Arrays.copyOf(jpeg, jpeg.length - 40))).get().asString()
                .startsWith("truncated or corrupt");
        assertThat(ImageDecoder.defaults().problem("not an image".getBytes())).contains(
                "not an image format Java can read (PNG, JPEG, GIF, BMP, WBMP, TIFF)");
    }

    @Test
    void badInputFailsWithNothingWritten() throws IOException {
        Path csv = dataset(Map.of("a", 5, "b", 2));
        Path root = dir.resolve("ds");
        // class b: 2 images cannot fill train, validation and test
        assertThatThrownBy(() -> run(csv, root, 1, ImageFolder.Placement.COPY)).cause()
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'finding': value 'b' has too few images for the split: 2 (expected at least 3 images "
                        + "per class for a train/validation/test split of 0.7/0.15/0.15)");
        assertThat(root).doesNotExist();

        Files.writeString(csv, Files.readString(csv).replace("nested/img1.png", "nested/gone.png"));
        assertThatThrownBy(() -> run(csv, root, 1, ImageFolder.Placement.COPY)).cause()
                .hasMessage(dir.resolve("images/nested/gone.png") + ", row 2, column 'file': value 'nested/gone.png' "
                        + "names an image that does not exist (expected an existing file under " + dir.resolve("images") + ")");

        Files.writeString(csv, "file,finding\nnested/img0.png,a\nnested/img2.png,\n");
        assertThatThrownBy(() -> run(csv, root, 1, ImageFolder.Placement.COPY)).cause()
                .hasMessage("row 2, column 'finding': is missing (expected a label)");
        assertThat(root).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".ds.tmp"));
        }
    }

    @Test
    void aFailedImageFolderRunIsRecordedAsFailedWithoutArtifacts() throws IOException {
        Path csv = dataset(Map.of("a", 5, "b", 2));
        Path root = dir.resolve("ds");
        PipelineException e = org.assertj.core.api.Assertions.catchThrowableOfType(PipelineException.class,
                () -> run(csv, root, 1, ImageFolder.Placement.COPY));
        org.trustml.core.run.RunRecord record = e.runRecord().orElseThrow();
        assertThat(record.status()).isEqualTo(org.trustml.core.run.RunStatus.FAILED);
        StageRecord failed = record.stages().get(1);
        assertThat(failed.status()).isEqualTo(org.trustml.core.run.RunStatus.FAILED);
        assertThat(failed.error()).hasValueSatisfying(m -> assertThat(m).contains("has too few images for the split: 2"));
        assertThat(failed.artifacts()).isEmpty();
        // the record on disk says the same; the dataset was never moved into place
        assertThat(org.trustml.core.run.RunRecord.read(dir.resolve("runs").resolve(record.runId()).resolve("run.json")))
                .isEqualTo(record);
        assertThat(root).doesNotExist();
    }

    @Test
    void neverOverwritesAnExistingDataset() throws IOException {
        Path csv = dataset(Map.of("a", 5));
        Path root = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(root.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> run(csv, root, 1, ImageFolder.Placement.COPY)).cause()
                .hasMessage(root + ": already exists and is not empty; trustml never overwrites it "
                        + "(expected a new or empty folder for the dataset)");
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s).containsExactly(root.resolve("keep.txt"));
        }
    }

    @Test
    void aLinkOutOfTheImagesFolderIsRefusedAndNoLinkEverLandsInTheDataset() throws IOException {
        Path csv = dataset(Map.of("a", 5));
        Path images = dir.resolve("images/nested");
        // a link that stays inside the images folder (relative, as `ln -s` makes them): the dataset gets the file
        Files.move(images.resolve("img1.png"), images.resolve("real1.png"));
        Files.createSymbolicLink(images.resolve("img1.png"), Path.of("real1.png"));
        ImageDataset ds = run(csv, dir.resolve("linked"), 1, ImageFolder.Placement.HARD_LINK).output();
        try (Stream<Path> s = Files.walk(ds.root())) {
            assertThat(s.filter(Files::isSymbolicLink)).isEmpty();
        }
        ImageEntry one = ds.entries().stream().filter(e -> e.source().equals("nested/img1.png")).findFirst().orElseThrow();
        assertThat(Files.isSameFile(ds.file(one), images.resolve("real1.png"))).isTrue();

        // a link that leaves it: refused, nothing written
        Path secret = Files.write(Files.createDirectories(dir.resolve("outside")).resolve("secret.png"), png(9));
        Files.delete(images.resolve("img2.png"));
        Files.createSymbolicLink(images.resolve("img2.png"), secret);
        Path root = dir.resolve("escaped");
        for (ImageFolder.Placement placement : ImageFolder.Placement.values()) {
            assertThatThrownBy(() -> run(csv, root, 1, placement)).cause().isInstanceOf(InvalidInputException.class)
                    .hasMessage(images.resolve("img2.png") + ", row 3, column 'file': value 'nested/img2.png' leads outside "
                            + "the images folder (through '..' or a symbolic link) to " + secret.toRealPath() + " (expected a "
                            + "file inside " + dir.resolve("images").toRealPath() + "; the stage does not follow links out of it)");
            assertThat(root).doesNotExist();
        }
        // and so is a name that climbs out with '..'
        Files.writeString(csv, Files.readString(csv).replace("nested/img2.png", "../outside/secret.png"));
        assertThatThrownBy(() -> run(csv, root, 1, ImageFolder.Placement.COPY)).cause()
                .hasMessageContaining("leads outside the images folder");
    }

    @Test
    void aCrashedRunsTemporaryFolderDoesNotFailTheRerun() throws IOException {
        Path csv = dataset(Map.of("a", 4, "b", 4));
        Table table = Table.readCsv(csv);
        // kill -9 during the write leaves the hidden temporary folder beside the root; before issue 17 its name came
        // from the seeded generator, so the rerun with the same seed met it again (here it took the crashed folder
        // over as its own; in the demo it failed with exit 1)
        Path first = dir.resolve("first/ds");
        new ImageFolderWriter(config(first), new SplittableRandom(5)).write(table);
        Path crashed = dir.resolve("second/.ds.tmp-" + Long.toHexString(new SplittableRandom(5).nextLong() >>> 1));
        Files.createDirectories(crashed.getParent());
        Files.move(first, crashed);
        Path second = dir.resolve("second/ds");
        new ImageFolderWriter(config(second), new SplittableRandom(5)).write(table);
        assertThat(ImageDataset.read(second).entries()).hasSize(8);
        assertThat(crashed).isDirectory(); // not a name trustml makes now, so not deleted: only ignored
    }

    @Test
    void concurrentWritersOfOneDatasetWithOneSeed() throws Exception {
        Path csv = dataset(Map.of("a", 30, "b", 30));
        Table table = Table.readCsv(csv);
        Path root = dir.resolve("shared/ds");
        int writers = 3;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return new ImageFolderWriter(config(root), new SplittableRandom(5)).write(table);
                    } catch (InvalidInputException e) {
                        return e;
                    }
                }));
            }
            for (Future<Object> f : runs) {
                outcomes.add(f.get()); // anything but a dataset or a refusal (before: an IOException) fails here
            }
        } finally {
            pool.shutdownNow();
        }
        // one wins; the others are told the folder is taken (they read the same seed, so the same temp name before)
        assertThat(outcomes).filteredOn(o -> o instanceof ImageDataset).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof InvalidInputException).hasSize(writers - 1)
                .allSatisfy(e -> assertThat(((Exception) e).getMessage()).contains(root.toString()));
        assertThat(ImageDataset.read(root).entries()).hasSize(60);
        try (Stream<Path> s = Files.list(root.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("ds");
        }
    }

    private ImageFolder.Config config(Path root) {
        return ImageFolder.builder("file", "finding").imagesIn(dir.resolve("images")).output(root).split(0.25, 0.25)
                .placement(ImageFolder.Placement.HARD_LINK).build().config();
    }

    @Test
    void labelsThatDifferOnlyInCaseGetDifferentFolders() throws IOException {
        Path csv = dataset(Map.of("Cat", 3, "cat", 3));
        ImageDataset ds = run(csv, dir.resolve("cats"), 1, ImageFolder.Placement.COPY).output();
        assertThat(ds.classes()).extracting(ImageClass::folder).containsExactly("Cat", "cat-" + hash8("cat"));
    }

    @Test
    void cloudAnnotationsExportFeedsTheStage() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        List<String> names = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"version\":\"1.0\",\"type\":\"classification\",\"labels\":[\"normal\",\"covid\"],"
                + "\"annotations\":{");
        for (int i = 0; i < 8; i++) {
            String name = "scan" + i + ".png";
            Files.write(export.resolve(name), png(i));
            names.add(name);
            json.append(i == 0 ? "" : ",").append('"').append(name).append("\":[{\"label\":\"")
                    .append(i % 2 == 0 ? "normal" : "covid").append("\"}]");
        }
        json.append(",\"unlabelled.png\":[]}}");
        Path file = Files.writeString(export.resolve(CloudAnnotations.FILE_NAME), json);

        CloudAnnotations.Export read = CloudAnnotations.read(file);
        assertThat(read.images()).isEqualTo(Table.of(StringColumn.of("file", names),
                StringColumn.of("label", "normal", "covid", "normal", "covid", "normal", "covid", "normal", "covid")));
        assertThat(read.unlabelled()).containsExactly("unlabelled.png");

        ImageFolder stage = ImageFolder.builder("file", "label").imagesIn(export).output(dir.resolve("ca"))
                .split(0.25, 0.25).build();
        PipelineRun<ImageDataset> run = Pipeline.from(Ingest.cloudAnnotations(file)).then(stage)
                .run(RunOptions.seed(3).withTracker(Tracker.none(dir.resolve("runs"))));
        assertThat(run.output().counts()).isEqualTo(Map.of(Split.TRAIN, 4, Split.VALIDATION, 2, Split.TEST, 2));
        assertThat(run.record().stages().get(0).metrics()).containsEntry("unlabelled", 1.0);

        Files.writeString(file, "{\"labels\":[\"a\",\"b\"],\"annotations\":{\"x.png\":[{\"label\":\"a\"},{\"label\":\"b\"}]}}");
        assertThatThrownBy(() -> CloudAnnotations.read(file))
                .hasMessage(file + ", column 'x.png': value 'a, b' has more than one label "
                        + "(expected one label per image for an image-folder layout)");
        Files.writeString(file, "{\"labels\":[\"a\"],\"annotations\":{\"x.png\":[{\"label\":\"z\"}]}}");
        assertThatThrownBy(() -> CloudAnnotations.read(file))
                .hasMessage(file + ", column 'x.png': value 'z' is not one of the export's labels (expected one of [a])");
        Files.writeString(file, "{\"labels\":[\"a\"]}");
        assertThatThrownBy(() -> CloudAnnotations.read(file)).hasMessage(file + ": has no \"annotations\" object "
                + "(expected a Cloud Annotations export with \"labels\" and \"annotations\")");
    }

    static String hash8(String s) {
        return org.trustml.core.io.ContentHash.of(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(7, 15);
    }
}
