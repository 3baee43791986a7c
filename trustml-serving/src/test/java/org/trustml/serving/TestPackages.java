package org.trustml.serving;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Verdict;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.ModelRegistry;
import org.trustml.publish.Publication;
import org.trustml.publish.PublishOptions;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

/**
 * Test packages: an initialised (untrained) MobileNetV2 for 32x32 images and two classes, published
 * like a trained one. Serving does not care whether the weights were trained, and the served outputs
 * are checked against {@link TrainedModel#predictProbabilities} on the same parameters.
 */
public final class TestPackages {
    private TestPackages() {}

    /** An unpublished model whose parameters are in {@code dir}. */
    public static TrainedModel model(Path dir) {
        return TrainedModel.initialised(Architecture.MOBILENET_V2, List.of("blue", "red"), 32, dir);
    }

    /** Publishes {@code model} as {@code name} into {@code registry}. */
    public static Publication publish(TrainedModel model, Path registry, String name) {
        // no gates: an empty verdict that blesses
        Verdict blessed = Verdict.judge(List.of(), Evaluation.of(List.of(MetricValue.of("accuracy", 1.0))),
                Optional.empty());
        return ModelRegistry.at(registry).publish(model, Evaluation.of(List.of(MetricValue.of("accuracy", 1.0))),
                blessed, Optional.empty(), PublishOptions.named(name));
    }

    /** A published, verified package of a fresh model. */
    public static ModelPackage tiny(Path dir, String name) throws IOException {
        return ModelPackage.open(publish(model(dir.resolve("train-" + name)), dir.resolve("registry"), name)
                .directory());
    }

    /**
     * {@code png} with its header (IHDR) rewritten to declare {@code width × height} pixels, CRC
     * recomputed: a small file that claims a large image, as a decompression bomb does (its pixel data
     * is the original's, far too short for the declared size).
     */
    public static byte[] declaring(byte[] png, int width, int height) {
        byte[] out = png.clone();
        // signature (8), IHDR length (4) and type (4), then width and height, big-endian (PNG spec 11.2.2)
        java.nio.ByteBuffer.wrap(out, 16, 8).putInt(width).putInt(height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(out, 12, 4 + 13);
        java.nio.ByteBuffer.wrap(out, 29, 4).putInt((int) crc.getValue());
        return out;
    }

    /** A PNG of {@code size}² noisy pixels, reddish or bluish (seeded). */
    public static byte[] png(int size, boolean red, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int hi = 150 + rnd.nextInt(100);
                int lo = rnd.nextInt(100);
                img.setRGB(x, y, red ? hi << 16 | lo << 8 | lo : lo << 16 | lo << 8 | hi);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
