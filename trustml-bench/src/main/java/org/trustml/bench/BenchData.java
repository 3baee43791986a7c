package org.trustml.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark table: {@code rows} × 10 columns, 7 numeric (4 doubles, 3 longs) and 3 strings
 * (a 3-value category, a 50-value category, and a unique file name per row), seeded.
 */
final class BenchData {
    static final int COLUMNS = 10;

    private BenchData() {}

    /** The table of {@link #writeCsv} with {@code rows} rows and seed 42, read back from a temporary file. */
    static org.trustml.core.table.Table table(int rows) throws IOException {
        Path file = writeCsv(Files.createTempFile("trustml-bench", ".csv"), rows, 42);
        try {
            return org.trustml.core.table.Table.readCsv(file);
        } finally {
            Files.delete(file);
        }
    }

    static Path writeCsv(Path file, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] sex = {"F", "M", "X"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("d0,d1,d2,d3,n0,n1,n2,sex,site,filename\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                for (int d = 0; d < 4; d++) {
                    sb.append(String.format(Locale.ROOT, "%.6f", rnd.nextDouble())).append(',');
                }
                sb.append(rnd.nextInt(100)).append(',').append(rnd.nextInt(1_000_000)).append(',')
                        .append(rnd.nextLong()).append(',');
                sb.append(sex[rnd.nextInt(3)]).append(",site-").append(rnd.nextInt(50)).append(",img-")
                        .append(i).append(".png\n");
                w.write(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Writes {@code n} PNGs of uniform random pixels ({@code size × size} RGB, seeded) as
     * {@code dir/images/<i>.png} and {@code dir/meta.csv} with columns {@code file} and {@code label}
     * (a for even i, b for odd); returns the CSV.
     */
    static Path noiseImages(Path dir, int n, int size, long seed) {
        try {
            Path images = Files.createDirectories(dir.resolve("images"));
            SplittableRandom rnd = new SplittableRandom(seed);
            StringBuilder csv = new StringBuilder("file,label\n");
            for (int i = 0; i < n; i++) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(size, size,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        img.setRGB(x, y, rnd.nextInt(1 << 24));
                    }
                }
                javax.imageio.ImageIO.write(img, "png", images.resolve(i + ".png").toFile());
                csv.append(i).append(".png,").append(i % 2 == 0 ? "a" : "b").append('\n');
            }
            return Files.writeString(dir.resolve("meta.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
