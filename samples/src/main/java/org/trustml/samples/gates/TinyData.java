package org.trustml.samples.gates;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Generated images for the sample: {@code SIZE × SIZE} RGB patches, "warm" (class 1, strong red) or
 * "cool" (class 0, strong blue), every pixel noisy, with a {@code sex} attribute. A bias is planted:
 * women's patches carry a fainter colour signal, as a scanner that serves them worse would.
 *
 * @param images [N, 3, SIZE, SIZE] values in [0, 1], row-major (owned by this record)
 * @param labels class per image (1 = warm)
 * @param sex    {@code F} or {@code M} per image
 */
public record TinyData(float[] images, long[] labels, List<String> sex) {
    /** The image side in pixels. */
    public static final int SIZE = 8;
    /** The values of one image. */
    public static final int PLANE = 3 * SIZE * SIZE;
    /** The class names, by index. */
    public static final List<String> CLASSES = List.of("cool", "warm");

    public TinyData {
        sex = List.copyOf(sex);
        if (images.length != labels.length * PLANE || sex.size() != labels.length) {
            throw new IllegalArgumentException("images " + images.length + ", labels " + labels.length + ", sex "
                    + sex.size() + ": expected " + PLANE + " values per label and one sex per label");
        }
    }

    /** {@code perGroup} images of each class and sex, seeded. */
    public static TinyData generate(int perGroup, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 4 * perGroup;
        float[] x = new float[n * PLANE];
        long[] y = new long[n];
        List<String> sex = new ArrayList<>();
        int i = 0;
        for (int k = 0; k < perGroup; k++) {
            for (String s : List.of("F", "M")) {
                for (int label = 0; label <= 1; label++, i++) {
                    double signal = s.equals("F") ? 0.12 : 0.3; // the planted bias
                    for (int p = 0; p < SIZE * SIZE; p++) {
                        double strong = 0.5 + signal + 0.25 * (random.nextDouble() - 0.5);
                        double weak = 0.5 - signal + 0.25 * (random.nextDouble() - 0.5);
                        x[i * PLANE + p] = (float) (label == 1 ? strong : weak);                      // red
                        x[i * PLANE + SIZE * SIZE + p] = (float) (0.3 + 0.4 * random.nextDouble());   // green
                        x[i * PLANE + 2 * SIZE * SIZE + p] = (float) (label == 1 ? weak : strong);    // blue
                    }
                    y[i] = label;
                    sex.add(s);
                }
            }
        }
        return new TinyData(x, y, sex);
    }

    /** How many images. */
    public int size() {
        return labels.length;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    public TinyData rows(int from, int to) {
        float[] x = java.util.Arrays.copyOfRange(images, from * PLANE, to * PLANE);
        return new TinyData(x, java.util.Arrays.copyOfRange(labels, from, to), sex.subList(from, to));
    }

    /** One image as a picture. */
    public BufferedImage picture(int index) {
        return picture(images, index);
    }

    /** Image {@code index} of {@code [N, 3, SIZE, SIZE]} values in [0, 1] as a picture. */
    public static BufferedImage picture(float[] chw, int index) {
        BufferedImage b = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        int plane = SIZE * SIZE;
        for (int p = 0; p < plane; p++) {
            int r = Math.round(255 * Math.min(1, Math.max(0, chw[index * PLANE + p])));
            int g = Math.round(255 * Math.min(1, Math.max(0, chw[index * PLANE + plane + p])));
            int bl = Math.round(255 * Math.min(1, Math.max(0, chw[index * PLANE + 2 * plane + p])));
            b.setRGB(p % SIZE, p / SIZE, r << 16 | g << 8 | bl);
        }
        return b;
    }

    /** Mean red, green and blue per image, the label and sex: the table that fairness and drift read. */
    public Table table() {
        int n = size();
        double[][] means = new double[3][n];
        int plane = SIZE * SIZE;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                double s = 0;
                for (int p = 0; p < plane; p++) {
                    s += images[i * PLANE + c * plane + p];
                }
                means[c][i] = s / plane;
            }
        }
        return Table.of(DoubleColumn.of("red", means[0]), DoubleColumn.of("green", means[1]),
                DoubleColumn.of("blue", means[2]), LongColumn.of("label", labels),
                StringColumn.of("sex", sex.toArray(String[]::new)));
    }
}
