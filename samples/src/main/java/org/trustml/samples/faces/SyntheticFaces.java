package org.trustml.samples.faces;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Generates cartoon faces with FairFace-style labels, seeded: {@code size × size} RGB PNGs and a
 * metadata table with {@code file}, {@code gender} (Female, Male: the label), {@code race} and
 * {@code age_group}.
 *
 * <p>Per face, independently: gender Female or Male with probability 1/2; race with the imbalance
 * of many web-scraped face sets, {@link #RACES} with probabilities {@link #RACE_SHARES}; age group
 * {@link #AGES} with {@link #AGE_SHARES}. A face is an ellipse of the race's skin tone (±12 per
 * channel) on a random grey background, with two eyes and a mouth. Hair is near black, grey for
 * 60-69. The gender cue is the hair: long (down both sides of the face) for 85 % of women and 15 % of
 * men, a short cap otherwise; 60-69 faces get three wrinkle lines. Every pixel then gets N(0, 10²)
 * noise per channel. The cue is dark hair against skin, so it has less contrast on darker skin tones:
 * together with fewer examples, the planted reason a classifier does worse on some groups.
 */
public final class SyntheticFaces {
    /** Race groups (FairFace's names for four of its seven). */
    public static final List<String> RACES = List.of("White", "Black", "East Asian", "Indian");
    /** Their shares. */
    public static final List<Double> RACE_SHARES = List.of(0.6, 0.1, 0.2, 0.1);
    /** Age groups (FairFace's bins). */
    public static final List<String> AGES = List.of("20-29", "30-39", "60-69");
    /** Their shares. */
    public static final List<Double> AGE_SHARES = List.of(0.5, 0.35, 0.15);
    private static final int[][] SKIN = {{235, 200, 175}, {95, 60, 40}, {225, 190, 150}, {165, 115, 80}};

    private SyntheticFaces() {}

    /** Writes {@code n} faces into {@code dir/images} and returns their metadata (file relative to {@code dir/images}). */
    public static Table write(Path dir, int n, int size, long seed) {
        Random r = new Random(seed);
        String[] file = new String[n];
        String[] gender = new String[n];
        String[] race = new String[n];
        String[] age = new String[n];
        Path images = dir.resolve("images");
        for (int i = 0; i < n; i++) {
            boolean female = r.nextBoolean();
            int ri = pick(r, RACE_SHARES);
            int ai = pick(r, AGE_SHARES);
            boolean longHair = r.nextDouble() < (female ? 0.85 : 0.15);
            BufferedImage img = face(r, size, SKIN[ri], longHair, ai == 2);
            file[i] = String.format("face-%05d.png", i);
            AtomicFiles.writeImage(images.resolve(file[i]), img, "png");
            gender[i] = female ? "Female" : "Male";
            race[i] = RACES.get(ri);
            age[i] = AGES.get(ai);
        }
        return Table.of(StringColumn.of("file", file), StringColumn.of("gender", gender), StringColumn.of("race", race),
                StringColumn.of("age_group", age));
    }

    private static int pick(Random r, List<Double> shares) {
        double u = r.nextDouble();
        for (int i = 0; i < shares.size() - 1; i++) {
            u -= shares.get(i);
            if (u < 0) {
                return i;
            }
        }
        return shares.size() - 1;
    }

    private static BufferedImage face(Random r, int s, int[] skin, boolean longHair, boolean old) {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        int bg = 90 + r.nextInt(120);
        g.setColor(new Color(bg, bg, bg));
        g.fillRect(0, 0, s, s);
        Color hair = old ? new Color(170, 170, 170) : new Color(25 + r.nextInt(30), 20 + r.nextInt(20), 15 + r.nextInt(15));
        int fw = s / 2 + r.nextInt(Math.max(1, s / 8));
        int fh = s * 5 / 8 + r.nextInt(Math.max(1, s / 8));
        int fx = (s - fw) / 2 + r.nextInt(3) - 1;
        int fy = (s - fh) / 2 + s / 16;
        g.setColor(hair);
        if (longHair) {
            g.fillRect(fx - s / 10, fy - s / 10, fw + s / 5, fh);
        }
        g.fillOval(fx - s / 20, fy - s / 10, fw + s / 10, fh / 2);
        g.setColor(new Color(jitter(r, skin[0]), jitter(r, skin[1]), jitter(r, skin[2])));
        g.fillOval(fx, fy, fw, fh);
        g.setColor(new Color(30, 30, 30));
        int eye = Math.max(1, s / 16);
        g.fillRect(fx + fw / 4, fy + fh * 2 / 5, eye, eye);
        g.fillRect(fx + fw * 3 / 4 - eye, fy + fh * 2 / 5, eye, eye);
        g.drawLine(fx + fw / 3, fy + fh * 3 / 4, fx + fw * 2 / 3, fy + fh * 3 / 4);
        if (old) {
            for (int k = 0; k < 3; k++) {
                int y = fy + fh / 5 + k * Math.max(1, s / 32);
                g.drawLine(fx + fw / 3, y, fx + fw * 2 / 3, y);
            }
        }
        g.dispose();
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int rgb = img.getRGB(x, y);
                img.setRGB(x, y, noisy(r, rgb >> 16 & 255) << 16 | noisy(r, rgb >> 8 & 255) << 8 | noisy(r, rgb & 255));
            }
        }
        return img;
    }

    private static int jitter(Random r, int v) {
        return Math.max(0, Math.min(255, v + r.nextInt(25) - 12));
    }

    private static int noisy(Random r, int v) {
        return Math.max(0, Math.min(255, (int) Math.round(v + 10 * r.nextGaussian())));
    }
}
