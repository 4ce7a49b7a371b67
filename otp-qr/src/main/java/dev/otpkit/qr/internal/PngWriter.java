package dev.otpkit.qr.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a module grid as a PNG (ISO/IEC 15948): 1-bit greyscale, no interlace, each module a
 * square of pixels. Uses only {@code java.util.zip}, so no AWT or {@code java.desktop}.
 */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BIT_DEPTH = 1;
    private static final int COLOR_TYPE_GREYSCALE = 0;
    private static final int FILTER_NONE = 0;

    private PngWriter() {
    }

    /**
     * Encodes the grid.
     *
     * @param grid the modules, quiet zone included
     * @param moduleSize pixels per module side, 1 or more
     * @return the PNG file's bytes
     */
    public static byte[] write(ModuleGrid grid, int moduleSize) {
        int pixels = grid.size() * moduleSize;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        writeChunk(png, "IHDR", header(pixels));
        writeChunk(png, "IDAT", imageData(grid, moduleSize, pixels));
        writeChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] header(int pixels) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        writeInt(header, pixels);
        writeInt(header, pixels);
        header.write(BIT_DEPTH);
        header.write(COLOR_TYPE_GREYSCALE);
        header.write(0); // compression method: deflate, the only one defined
        header.write(0); // filter method: adaptive, the only one defined
        header.write(0); // interlace: none
        return header.toByteArray();
    }

    /** Zlib-compressed scanlines; rows of one module are identical, so they compress to little. */
    private static byte[] imageData(ModuleGrid grid, int moduleSize, int pixels) {
        byte[] scanline = new byte[1 + (pixels + 7) / 8];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed, deflater)) {
            for (int y = 0; y < grid.size(); y++) {
                fillScanline(scanline, grid, y, moduleSize, pixels);
                for (int repeat = 0; repeat < moduleSize; repeat++) {
                    zlib.write(scanline);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    /** One row of pixels, most significant bit first; a set bit is white (greyscale 1). */
    private static void fillScanline(byte[] scanline, ModuleGrid grid, int y, int moduleSize, int pixels) {
        Arrays.fill(scanline, (byte) 0);
        scanline[0] = FILTER_NONE;
        for (int px = 0; px < pixels; px++) {
            if (!grid.isDark(px / moduleSize, y)) {
                scanline[1 + px / 8] |= (byte) (0x80 >>> (px % 8));
            }
        }
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(png, data.length);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        writeInt(png, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
