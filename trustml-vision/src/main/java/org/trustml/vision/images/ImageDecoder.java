package org.trustml.vision.images;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.trustml.core.InvalidInputException;

/**
 * The one way trustml decodes images, from files or from bytes: every module (the image-folder
 * stage, training and evaluation, explanations, attacks, drift, the CLI and the model server) reads
 * images through it. It reads what {@code javax.imageio} reads (PNG, JPEG, GIF, BMP, WBMP, TIFF; the
 * first image of a multi-image file) and guards against <b>decompression bombs</b>: the width and
 * height are read from the file's header first, and an image with more than {@link #maxPixels()}
 * pixels is refused with an {@link InvalidInputException} naming the file (or the bytes' source), its
 * dimensions and the limit, before a single pixel is decoded. (A PNG of 20000×20000 black pixels is
 * 1.1 MB on disk and 1.2 GB once decoded as RGB.) Pillow guards the same way ({@code Image.MAX_IMAGE_PIXELS}).
 *
 * <p>Immutable and thread-safe. {@link #defaults()} takes the limit from the system property
 * {@value #MAX_PIXELS_PROPERTY} when it is set (read, never written), else {@link #DEFAULT_MAX_PIXELS};
 * APIs that decode images directly take an {@code ImageDecoder} so a caller can choose per call. Bytes
 * are read through an in-memory stream ({@code ImageIO}'s default for streams is a temporary file).
 *
 * @param maxPixels the most pixels (width × height) an image may have, 1 to {@link Integer#MAX_VALUE}
 */
public record ImageDecoder(long maxPixels) {
    /** The system property {@link #defaults()} reads the pixel limit from. */
    public static final String MAX_PIXELS_PROPERTY = "trustml.images.maxPixels";

    /**
     * 2<sup>26</sup> = 67,108,864 pixels (8192×8192): room for the 50-megapixel photos of today's
     * full-frame cameras, three quarters of Pillow's bomb threshold (89,478,485), and at most 256 MiB
     * once decoded at 4 bytes a pixel (the 20000×20000 bomb is 400 megapixels).
     */
    public static final long DEFAULT_MAX_PIXELS = 1L << 26;

    private static final String FORMATS = "PNG, JPEG, GIF, BMP, WBMP or TIFF";

    public ImageDecoder {
        if (maxPixels < 1 || maxPixels > Integer.MAX_VALUE) {
            throw InvalidInputException.problem("is out of range").column("maxPixels").value(maxPixels)
                    .expected("1.." + Integer.MAX_VALUE + " pixels").build();
        }
    }

    /** The limit of {@value #MAX_PIXELS_PROPERTY} when that property is set, else {@link #DEFAULT_MAX_PIXELS}. */
    public static ImageDecoder defaults() {
        String p = System.getProperty(MAX_PIXELS_PROPERTY);
        if (p == null || p.isBlank()) {
            return new ImageDecoder(DEFAULT_MAX_PIXELS);
        }
        long v;
        try {
            v = Long.parseLong(p.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.problem("is not a whole number").column("-D" + MAX_PIXELS_PROPERTY).value(p)
                    .expected("a pixel count, 1.." + Integer.MAX_VALUE).build(e);
        }
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw InvalidInputException.problem("is out of range").column("-D" + MAX_PIXELS_PROPERTY).value(p)
                    .expected("a pixel count, 1.." + Integer.MAX_VALUE).build();
        }
        return new ImageDecoder(v);
    }

    /** An image's dimensions as its header declares them. */
    public record Size(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** The image in {@code file}; refused (naming the file) when it is missing, not an image, or too large. */
    public BufferedImage read(Path file) {
        requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.problem("does not exist or is not a regular file").file(file)
                    .expected("a " + FORMATS + " file").build();
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            return decode(in, Optional.empty());
        } catch (Refused r) {
            throw r.at(InvalidInputException.problem(r.problem).file(file), "a " + FORMATS + " file");
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.problem("cannot be decoded as an image: " + message(e)).file(file)
                    .expected("a " + FORMATS + " file").build(e);
        }
    }

    /**
     * The image encoded in {@code bytes}; refused when they are not an image or it is too large.
     *
     * @param source where the bytes came from (an input name, an index), named in the error
     */
    public BufferedImage read(byte[] bytes, String source) {
        return fromBytes(bytes, source, in -> decode(in, Optional.empty()));
    }

    /**
     * The dimensions {@code bytes}' header declares, read without decoding a pixel (to budget a
     * batch of images before decoding any); refused when they are not an image.
     */
    public Size size(byte[] bytes, String source) {
        return fromBytes(bytes, source, in -> {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                return new Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        });
    }

    /** One step on an image in memory; what it refuses or fails on is an exception naming {@code source}. */
    @FunctionalInterface
    private interface Step<T> {
        T apply(ImageInputStream in) throws IOException, Refused;
    }

    private static <T> T fromBytes(byte[] bytes, String source, Step<T> step) {
        requireNonNull(bytes, "bytes");
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return step.apply(in);
        } catch (Refused r) {
            throw r.at(InvalidInputException.problem(r.problem).column(source).value(bytes.length + " bytes"),
                    FORMATS + " bytes");
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.problem("cannot be decoded as an image: " + message(e)).column(source)
                    .value(bytes.length + " bytes").expected(FORMATS + " bytes").build(e);
        }
    }

    /**
     * Why these bytes are not a usable image, or empty when they decode without error or warning. A
     * decoder's warning counts as a problem: a truncated JPEG decodes to a picture with a grey bottom
     * and only a warning ("Premature end of JPEG file") to say so. An image over the pixel limit is a
     * problem too (and is not decoded).
     */
    public Optional<String> problem(byte[] bytes) {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            decode(in, Optional.of(warnings));
        } catch (Refused r) {
            return Optional.of(r.reason);
        } catch (IOException | RuntimeException e) {
            return Optional.of("truncated or corrupt: " + message(e));
        }
        return warnings.isEmpty() ? Optional.empty() : Optional.of("truncated or corrupt: " + warnings.get(0));
    }

    private BufferedImage decode(ImageInputStream in, Optional<List<String>> warnings) throws IOException, Refused {
        ImageReader reader = reader(in);
        warnings.ifPresent(w -> reader.addIIOReadWarningListener((IIOReadWarningListener) (src, warning) -> w.add(warning)));
        try {
            reader.setInput(in, true, true);
            Size size = new Size(reader.getWidth(0), reader.getHeight(0));
            if (size.pixels() > maxPixels) {
                String over = size.pixels() + " pixels, over the limit of " + maxPixels
                        + "; refused before decoding (a guard against decompression bombs)";
                throw new Refused("has " + over, size + " = " + over, size.toString(), "at most " + maxPixels
                        + " pixels; raise the limit with ImageDecoder(maxPixels), a --max-image-pixels option or -D"
                        + MAX_PIXELS_PROPERTY + "=N");
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(ImageInputStream in) throws Refused {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new Refused("is not an image Java can read",
                    "not an image format Java can read (PNG, JPEG, GIF, BMP, WBMP, TIFF)", null, null);
        }
        return readers.next();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A refusal before decoding; the caller adds where it happened. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        /** For an exception: what is wrong, as a predicate ("has …", "is …"). */
        private final String problem;
        /** For {@link #problem(byte[])}: the same as a phrase of its own. */
        private final String reason;
        private final String value;
        private final String expected;

        Refused(String problem, String reason, String value, String expected) {
            super(problem, null, false, false);
            this.problem = problem;
            this.reason = reason;
            this.value = value;
            this.expected = expected;
        }

        /** The exception, located by {@code where}; {@code format} is what was expected when it is no image. */
        InvalidInputException at(InvalidInputException.Builder where, String format) {
            if (value != null) {
                where.value(value);
            }
            return where.expected(expected != null ? expected : format).build();
        }
    }
}
