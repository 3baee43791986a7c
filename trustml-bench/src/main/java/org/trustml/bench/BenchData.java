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
}
