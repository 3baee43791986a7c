package org.trustml.vision.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Ingest;
import org.trustml.core.tracking.Tracker;
import org.trustml.vision.stages.ImageFolder;

/** The pixel limit that keeps decompression bombs from being decoded, wherever images are read. */
class ImageDecoderTest {
    @TempDir
    static Path shared;

    /** The bomb: a valid PNG of 20000×20000 black pixels (400 MB decoded, under 2 MB on disk). */
    static Path bomb;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeBomb() throws IOException {
        bomb = Files.write(shared.resolve("bomb.png"), BombPng.black(20000, 20000));
    }

    @Test
    void aBombIsRefusedNamingTheFileItsSizeAndTheLimit() throws IOException {
        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        assertThat(new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS).maxPixels()).isEqualTo(8192L * 8192);
        assertThatThrownBy(() -> new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS).read(bomb))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(bomb + ": value '20000x20000' has 400000000 pixels, over the limit of 67108864; refused "
                        + "before decoding (a guard against decompression bombs) (expected at most 67108864 pixels; "
                        + "raise the limit with ImageDecoder(maxPixels), a --max-image-pixels option or "
                        + "-Dtrustml.images.maxPixels=N)");
        byte[] bytes = Files.readAllBytes(bomb);
        assertThatThrownBy(() -> new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS).read(bytes, "upload"))
                .hasMessageStartingWith("column 'upload': value '20000x20000' has 400000000 pixels");
        assertThat(new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS).problem(bytes)).contains("20000x20000 = 400000000 "
                + "pixels, over the limit of 67108864; refused before decoding (a guard against decompression bombs)");
    }

    @Test
    void theSizeIsCheckedBeforeAnyPixelIsDecoded() throws IOException {
        // no pixel data at all: decoding would fail, so "over the limit" shows that nothing was decoded
        Path headerOnly = Files.write(dir.resolve("header.png"), BombPng.headerOnly(20000, 20000));
        ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS);
        assertThatThrownBy(() -> decoder.read(headerOnly)).hasMessageContaining("over the limit of 67108864");
        Path small = Files.write(dir.resolve("small.png"), BombPng.headerOnly(100, 100));
        assertThatThrownBy(() -> decoder.read(small)).hasMessageStartingWith(small + ": cannot be decoded as an image");
        assertThat(decoder.size(BombPng.headerOnly(20000, 20000), "x")).isEqualTo(new ImageDecoder.Size(20000, 20000));
    }

    @Test
    void aLimitOfItsOwnPerDecoder() {
        byte[] png = ImageFolderTest.encode(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png");
        assertThat(new ImageDecoder(1200).read(png, "x").getWidth()).isEqualTo(40);
        assertThatThrownBy(() -> new ImageDecoder(1199).read(png, "upload[3]")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("column 'upload[3]': value '40x30' has 1200 pixels, over the limit of 1199;");
        assertThat(new ImageDecoder(1199).problem(png)).get().asString().startsWith("40x30 = 1200 pixels, over the limit of 1199");
        assertThat(new ImageDecoder(1200).problem(png)).isEmpty();
        assertThatThrownBy(() -> new ImageDecoder(0)).hasMessageContaining("column 'maxPixels': value '0' is out of range");
        assertThatThrownBy(() -> new ImageDecoder(1L << 31)).hasMessageContaining("is out of range");
    }

    @Test
    void defaultsTakeTheLimitFromTheSystemPropertyWhenSet() {
        String before = System.getProperty(ImageDecoder.MAX_PIXELS_PROPERTY);
        try {
            System.clearProperty(ImageDecoder.MAX_PIXELS_PROPERTY);
            assertThat(ImageDecoder.defaults().maxPixels()).isEqualTo(ImageDecoder.DEFAULT_MAX_PIXELS);
            System.setProperty(ImageDecoder.MAX_PIXELS_PROPERTY, "1000");
            assertThat(ImageDecoder.defaults().maxPixels()).isEqualTo(1000);
            System.setProperty(ImageDecoder.MAX_PIXELS_PROPERTY, "lots");
            assertThatThrownBy(ImageDecoder::defaults).isInstanceOf(InvalidInputException.class)
                    .hasMessage("column '-Dtrustml.images.maxPixels': value 'lots' is not a whole number (expected a pixel "
                            + "count, 1..2147483647)");
            System.setProperty(ImageDecoder.MAX_PIXELS_PROPERTY, "0");
            assertThatThrownBy(ImageDecoder::defaults).hasMessageContaining("is out of range");
        } finally {
            if (before == null) {
                System.clearProperty(ImageDecoder.MAX_PIXELS_PROPERTY);
            } else {
                System.setProperty(ImageDecoder.MAX_PIXELS_PROPERTY, before);
            }
        }
    }

    @Test
    void theImageFolderStageSkipsABombWithItsReason() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        StringBuilder csv = new StringBuilder("file,finding\n");
        for (int i = 0; i < 20; i++) {
            Files.write(images.resolve("img" + i + ".png"), ImageFolderTest.png(i));
            csv.append("img").append(i).append(".png,").append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.copy(bomb, images.resolve("bomb.png"));
        csv.append("bomb.png,a\n");
        Path meta = Files.writeString(dir.resolve("meta.csv"), csv);
        ImageFolder stage = ImageFolder.builder("file", "finding").imagesIn(images).output(dir.resolve("ds"))
                .split(0.15, 0.15).placement(ImageFolder.Placement.COPY).build();
        ImageDataset ds = Pipeline.from(Ingest.csv(meta)).then(stage)
                .run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("runs")))).output();
        assertThat(ds.entries()).hasSize(20);
        assertThat(ds.skipped()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("bomb.png");
            assertThat(s.reason()).startsWith("20000x20000 = 400000000 pixels, over the limit of 67108864");
        });
    }
}
