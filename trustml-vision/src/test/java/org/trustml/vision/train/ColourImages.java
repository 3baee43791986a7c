package org.trustml.vision.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Test data: reddish and bluish 40×40 PNGs with pixel noise (seeded), and their metadata CSV. */
final class ColourImages {
    private ColourImages() {}

    /**
     * Writes {@code n} images into {@code dir/images} (even rows red, odd rows blue) and
     * {@code dir/meta.csv} with columns {@code file}, {@code colour} and {@code site} (A for the
     * first half, B for the second); returns the CSV.
     */
    static Path write(Path dir, int n) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder meta = new StringBuilder("file,colour,site\n");
        for (int i = 0; i < n; i++) {
            boolean red = i % 2 == 0;
            BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    int hi = 150 + rnd.nextInt(100);
                    int lo = rnd.nextInt(100);
                    img.setRGB(x, y, red ? hi << 16 | lo << 8 | lo : lo << 16 | lo << 8 | hi);
                }
            }
            ImageIO.write(img, "png", images.resolve("img" + i + ".png").toFile());
            meta.append("img").append(i).append(".png,").append(red ? "red" : "blue").append(',')
                    .append(i < n / 2 ? "A" : "B").append('\n');
        }
        return Files.writeString(dir.resolve("meta.csv"), meta);
    }
}
