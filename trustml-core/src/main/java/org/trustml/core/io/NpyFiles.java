package org.trustml.core.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustml.core.InvalidInputException;

/**
 * Reads and writes numpy {@code .npy} files (format versions 1.0, 2.0 and 3.0; see
 * <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>):
 * C-order, little-endian arrays of {@code float32}, {@code float64}, {@code int32} or {@code int64}.
 * Writes are atomic (version 1.0 headers, padded so the data starts on a 64-byte boundary, as numpy
 * does). A file that is not such an array is an {@link InvalidInputException} naming the file and
 * what was wrong with it.
 */
public final class NpyFiles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFiles() {}

    /** Reads a whole {@code .npy} file. */
    public static NpyArray read(Path file) {
        requireNonNull(file, "file");
        InputFiles.requireReadableFile(file, "a numpy .npy file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e, "a numpy .npy file");
        }
        return parse(file, bytes);
    }

    private static NpyArray parse(Path file, byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw bad(file, "does not start with the numpy magic string \\x93NUMPY");
            }
        }
        if (bytes.length < 10) {
            throw bad(file, "is truncated inside the header");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw bad(file, "is truncated inside the header");
            }
            headerLen = b.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw InvalidInputException.problem("has an unsupported .npy format version").file(file)
                    .value(major + "." + (bytes[7] & 0xff)).expected("version 1.0, 2.0 or 3.0").build();
        }
        if (headerStart + headerLen > bytes.length) {
            throw bad(file, "is truncated inside the header");
        }
        String header = new String(bytes, headerStart, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw InvalidInputException.problem("has a header without 'descr', 'fortran_order' and 'shape'")
                    .file(file).value(header.strip()).expected("a numpy .npy header dictionary").build();
        }
        NpyDType dtype = NpyDType.fromDescr(descr.group(1)).orElseThrow(() -> InvalidInputException
                .problem("has an unsupported element type").file(file).value(descr.group(1))
                .expected("<f4, <f8, <i4 or <i8 (little-endian float32, float64, int32, int64)").build());
        if (fortran.group(1).equals("True")) {
            throw InvalidInputException.problem("is stored in Fortran order").file(file)
                    .expected("a C-order array (numpy.ascontiguousarray before numpy.save)").build();
        }
        List<Long> dims = parseShape(file, shape.group(1));
        long count = 1;
        for (long d : dims) {
            count = Math.multiplyExact(count, d);
        }
        long dataStart = headerStart + headerLen;
        long needed = count * dtype.bytes();
        if (bytes.length - dataStart != needed) {
            throw InvalidInputException.problem("has " + (bytes.length - dataStart) + " data bytes").file(file)
                    .expected(needed + " bytes for shape " + dims + " of " + dtype.descr()).build();
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) dataStart, (int) needed).slice();
        return new NpyArray(dtype, dims, data);
    }

    private static List<Long> parseShape(Path file, String text) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1);
            }
            try {
                long d = Long.parseLong(p);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw InvalidInputException.problem("has a shape that is not a tuple of sizes").file(file)
                        .value("(" + text + ")").expected("non-negative integers").build();
            }
        }
        return dims;
    }

    private static InvalidInputException bad(Path file, String problem) {
        return InvalidInputException.problem(problem).file(file).expected("a numpy .npy file").build();
    }

    /** Atomically writes a {@code float32} array of the given shape. */
    public static Path writeFloats(Path file, float[] data, long... shape) {
        return write(file, NpyDType.FLOAT32, shape, data.length, b -> {
            for (float v : data) {
                b.putFloat(v);
            }
        });
    }

    /** Atomically writes a {@code float64} array of the given shape. */
    public static Path writeDoubles(Path file, double[] data, long... shape) {
        return write(file, NpyDType.FLOAT64, shape, data.length, b -> {
            for (double v : data) {
                b.putDouble(v);
            }
        });
    }

    /** Atomically writes an {@code int64} array of the given shape. */
    public static Path writeLongs(Path file, long[] data, long... shape) {
        return write(file, NpyDType.INT64, shape, data.length, b -> {
            for (long v : data) {
                b.putLong(v);
            }
        });
    }

    /** Atomically writes an {@code int32} array of the given shape. */
    public static Path writeInts(Path file, int[] data, long... shape) {
        return write(file, NpyDType.INT32, shape, data.length, b -> {
            for (int v : data) {
                b.putInt(v);
            }
        });
    }

    private interface Filler {
        void fill(ByteBuffer b);
    }

    private static Path write(Path file, NpyDType dtype, long[] shape, int length, Filler filler) {
        requireNonNull(file, "file");
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape has a negative dimension: " + d);
            }
            count = Math.multiplyExact(count, d);
        }
        if (count != length) {
            throw new IllegalArgumentException("data has " + length + " elements, shape "
                    + java.util.Arrays.toString(shape) + " needs " + count);
        }
        byte[] header = header(dtype, shape);
        ByteBuffer body = ByteBuffer.allocate(Math.toIntExact(count * dtype.bytes())).order(ByteOrder.LITTLE_ENDIAN);
        filler.fill(body);
        return AtomicFiles.write(file, out -> {
            out.write(header);
            out.write(body.array());
        });
    }

    private static byte[] header(NpyDType dtype, long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (dims.length() > 0 ? dims.substring(0, dims.length() - 2) : "") + ")";
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }
}
