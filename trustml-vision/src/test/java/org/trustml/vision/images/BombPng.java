package org.trustml.vision.images;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Decompression bombs for tests: PNGs that declare a huge size in a few bytes. Written by hand (PNG
 * specification, ISO/IEC 15948: signature, IHDR, IDAT, IEND; each chunk length, type, data, CRC-32).
 */
final class BombPng {
    private BombPng() {}

    /**
     * A complete, valid 8-bit greyscale PNG of {@code width × height} black pixels: every row is a
     * filter byte 0 and zeros, deflated as it is generated (20000×20000 is 400 MB of pixels in about
     * 1.7 MB, written in a second or two).
     */
    static byte[] black(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        byte[] row = new byte[width + 1];
        byte[] buf = new byte[1 << 16];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return png(width, height, idat.toByteArray());
    }

    /** Only the header of a {@code width × height} PNG: no pixel data at all, so decoding it must fail. */
    static byte[] headerOnly(int width, int height) throws IOException {
        return png(width, height, null);
    }

    private static byte[] png(int width, int height, byte[] idat) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0}); // bit depth 8, colour type 0 (grey), deflate, filter 0, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        if (idat != null) {
            chunk(out, "IDAT", idat);
        }
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
