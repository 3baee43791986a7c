package org.trustml.cli.demo;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Synthetic chest CT slices with metadata, shaped like the public COVID-19 image collection the
 * seed pipelines use, with a bias planted on purpose. No real data ships with trustml.
 *
 * <p>Each patient row has {@code patientid}, {@code sex} (M/F, 1 in 25 missing), {@code age}
 * (20–89), {@code age_group} (20-39, 40-59, 60-89), {@code finding} ({@code Pneumonia/Viral/COVID-19}
 * or {@code No Finding}, slashes as in the real metadata), {@code view} and {@code filename}; one
 * row in ten is a CT volume ({@code .nii.gz}) whose file is not written, as in the real collection,
 * so a pipeline must filter those out. COVID-19 is more common with age: probability
 * 0.3 below 40, 0.45 from 40 to 59, 0.6 from 60.
 *
 * <p>A 64×64 greyscale slice is drawn per image: a body ellipse, two dark lungs, a bright spine
 * and ribs, and pixel noise. A COVID-19 slice gets 2–4 ground-glass opacities (Gaussian blobs)
 * inside the lungs. <b>The planted bias:</b> in women the opacities are faint (contrast 0.03, the noise level,
 * instead of 0.30), so a classifier finds fewer of their positives — a lower true-positive rate
 * for {@code sex=F} that the fairness metrics (equal opportunity difference) should expose.
 *
 * <p>Seeded: the same {@code rows} and {@code seed} write byte-identical images and metadata, each file
 * atomically ({@link AtomicFiles}: a killed run leaves whole images, never a truncated one). Used by
 * {@code trustml demo} and the samples through {@link CtScanDemo}.
 */
public final class CtScanData {
    /** Side of the square slices, in pixels. */
    public static final int SIZE = 64;

    private CtScanData() {}

    /** Writes {@code dir/metadata.csv} and the images under {@code dir/images}; returns the CSV. */
    public static Path write(Path dir, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] patient = new long[rows];
        String[] sex = new String[rows];
        double[] age = new double[rows];
        String[] group = new String[rows];
        String[] finding = new String[rows];
        String[] view = new String[rows];
        String[] file = new String[rows];
        Path images = dir.resolve("images");
        for (int i = 0; i < rows; i++) {
            patient[i] = 1000 + i;
            boolean female = rnd.nextBoolean();
            sex[i] = rnd.nextInt(25) == 0 ? null : female ? "F" : "M";
            int a = 20 + rnd.nextInt(70);
            age[i] = a;
            group[i] = a < 40 ? "20-39" : a < 60 ? "40-59" : "60-89";
            boolean covid = rnd.nextDouble() < (a < 40 ? 0.3 : a < 60 ? 0.45 : 0.6);
            finding[i] = covid ? "Pneumonia/Viral/COVID-19" : "No Finding";
            boolean volume = rnd.nextInt(10) == 0;
            view[i] = "Axial";
            file[i] = String.format("ct-%05d.%s", i, volume ? "nii.gz" : "png");
            BufferedImage slice = slice(rnd, covid, female);
            if (!volume) {
                AtomicFiles.writeImage(images.resolve(file[i]), slice, "png");
            }
        }
        Table t = Table.of(LongColumn.of("patientid", patient), StringColumn.of("sex", sex), DoubleColumn.of("age", age),
                StringColumn.of("age_group", group), StringColumn.of("finding", finding), StringColumn.of("view", view),
                StringColumn.of("filename", file));
        return t.writeCsv(dir.resolve("metadata.csv"));
    }

    private static BufferedImage slice(SplittableRandom rnd, boolean covid, boolean female) {
        double[][] v = new double[SIZE][SIZE];
        double cx = SIZE / 2.0 + rnd.nextDouble() * 4 - 2;
        double cy = SIZE / 2.0 + rnd.nextDouble() * 4 - 2;
        double[][] lungs = {{cx - 12, cy - 2, 9, 14}, {cx + 12, cy - 2, 9, 14}};
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double body = sq((x - cx) / 28) + sq((y - cy) / 22);
                double p = body <= 1 ? 0.45 : 0.02;
                for (double[] l : lungs) {
                    if (sq((x - l[0]) / l[2]) + sq((y - l[1]) / l[3]) <= 1) {
                        p = 0.08;
                    }
                }
                double spine = Math.hypot(x - cx, y - (cy + 15));
                if (spine < 4) {
                    p = 0.95;
                }
                double ring = Math.hypot((x - cx) / 27, (y - cy) / 21);
                if (body <= 1 && ring > 0.93 && (int) Math.toDegrees(Math.atan2(y - cy, x - cx) + Math.PI) % 24 < 8) {
                    p = 0.85; // ribs
                }
                v[y][x] = p;
            }
        }
        if (covid) {
            double contrast = female ? 0.03 : 0.30;
            int blobs = 2 + rnd.nextInt(3);
            for (int b = 0; b < blobs; b++) {
                double[] l = lungs[rnd.nextInt(2)];
                double bx = l[0] + (rnd.nextDouble() - 0.5) * l[2];
                double by = l[1] + (rnd.nextDouble() - 0.5) * l[3];
                double r = 2.5 + rnd.nextDouble() * 2.5;
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        v[y][x] += contrast * Math.exp(-(sq(x - bx) + sq(y - by)) / (2 * r * r));
                    }
                }
            }
        }
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int g = (int) Math.round(255 * Math.min(1, Math.max(0, v[y][x] + rnd.nextGaussian() * 0.03)));
                img.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        return img;
    }

    private static double sq(double x) {
        return x * x;
    }
}
