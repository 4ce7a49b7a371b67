package dev.otpkit.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.qr.internal.ModuleGrid;
import dev.otpkit.qr.internal.PngWriter;
import dev.otpkit.qr.internal.SvgWriter;
import dev.otpkit.qr.internal.TerminalWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A QR code, typically of an {@code otpauth://} URI for an authenticator app to scan.
 * Immutable and thread-safe; the matrix is computed once, each rendering on request.
 *
 * <pre>{@code
 * QrCode qr = QrCode.from(uri);
 * byte[] png = qr.png();              // for a download or an <img> served by the application
 * String img = qr.dataUri();          // <img src="..."> inline
 * String svg = qr.svg();              // inline in HTML, scales without blur
 * System.out.print(qr.terminal());    // in a terminal
 * }</pre>
 *
 * <p>Defaults: error correction {@link ErrorCorrection#MEDIUM}, 8 pixels per module, a quiet
 * zone of 4 modules (the minimum ISO/IEC 18004 requires). The QR code carries the secret:
 * show it only to the user being enrolled, do not cache or log it; {@link #toString()} omits
 * the content.
 *
 * <p>PNG is written by otpkit itself with {@code java.util.zip}, so rendering needs neither AWT
 * nor the {@code java.desktop} module.
 */
public final class QrCode {
    /** Pixels per module used unless set: 8. */
    public static final int DEFAULT_MODULE_SIZE = 8;
    /** Largest module size: 64 pixels. */
    public static final int MAX_MODULE_SIZE = 64;
    /** Quiet zone used unless set, and the least allowed: 4 modules. */
    public static final int MIN_QUIET_ZONE = 4;
    /** Largest quiet zone: 40 modules. */
    public static final int MAX_QUIET_ZONE = 40;

    /** How much of the symbol may be damaged and still read; more costs a larger symbol. */
    public enum ErrorCorrection {
        /** About 7% of the symbol recoverable. */
        LOW(ErrorCorrectionLevel.L),
        /** About 15% recoverable; the default. */
        MEDIUM(ErrorCorrectionLevel.M),
        /** About 25% recoverable. */
        QUARTILE(ErrorCorrectionLevel.Q),
        /** About 30% recoverable, for a logo over the middle or a poor screen. */
        HIGH(ErrorCorrectionLevel.H);

        private final ErrorCorrectionLevel zxingLevel;

        ErrorCorrection(ErrorCorrectionLevel zxingLevel) {
            this.zxingLevel = zxingLevel;
        }
    }

    private final ModuleGrid grid;
    private final int symbolSize;
    private final int moduleSize;
    private final ErrorCorrection errorCorrection;

    private QrCode(ModuleGrid grid, int symbolSize, int moduleSize, ErrorCorrection errorCorrection) {
        this.grid = grid;
        this.symbolSize = symbolSize;
        this.moduleSize = moduleSize;
        this.errorCorrection = errorCorrection;
    }

    /**
     * Makes the QR code of an {@code otpauth://} URI with the default settings.
     *
     * @param uri the URI; its {@link OtpAuthUri#toUriString()} is encoded
     * @return the QR code
     * @throws NullPointerException if {@code uri} is null
     */
    public static QrCode from(OtpAuthUri uri) {
        return builder(uri).build();
    }

    /**
     * Makes the QR code of any text with the default settings.
     *
     * @param text the text, at most what a version 40 symbol holds (2331 bytes of UTF-8 at
     *     {@link ErrorCorrection#MEDIUM})
     * @return the QR code
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if the text is empty or too long for a QR code
     */
    public static QrCode from(String text) {
        return builder(text).build();
    }

    /**
     * Starts a builder for the QR code of an {@code otpauth://} URI.
     *
     * @param uri the URI
     * @return a new builder
     * @throws NullPointerException if {@code uri} is null
     */
    public static Builder builder(OtpAuthUri uri) {
        return new Builder(Objects.requireNonNull(uri, "uri").toUriString());
    }

    /**
     * Starts a builder for the QR code of any text.
     *
     * @param text the text
     * @return a new builder
     * @throws NullPointerException if {@code text} is null
     */
    public static Builder builder(String text) {
        return new Builder(Objects.requireNonNull(text, "text"));
    }

    /**
     * Renders the code as a PNG image: 1-bit greyscale, black on white, each module a square of
     * {@link #moduleSize()} pixels, quiet zone included.
     *
     * @return the bytes of a PNG file, {@link #pixelSize()} pixels square
     */
    public byte[] png() {
        return PngWriter.write(grid, moduleSize);
    }

    /**
     * Renders the code as a {@code data:} URI of the {@linkplain #png() PNG}, for the
     * {@code src} of an HTML {@code <img>}. Serve the page with {@code Cache-Control: no-store}:
     * it holds the secret.
     *
     * @return {@code "data:image/png;base64,..."}
     */
    public String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png());
    }

    /**
     * Renders the code as a compact SVG document: a white square and one black path, in module
     * units, displayed {@link #pixelSize()} CSS pixels square and scalable without blur.
     *
     * @return the SVG text, one line ending with a newline
     */
    public String svg() {
        return SvgWriter.write(grid, moduleSize);
    }

    /**
     * Renders the code as text for a terminal with light text on a dark background (most
     * terminals' default): Unicode half blocks, two modules per character cell, quiet zone
     * included. Print it with a monospaced font that has the block characters and a line
     * spacing of 1.
     *
     * @return the lines, each ending with {@code '\n'}
     */
    public String terminal() {
        return terminal(true);
    }

    /**
     * Renders the code as terminal text, for either background.
     *
     * @param darkBackground {@code true} if the terminal shows light text on a dark background,
     *     {@code false} for dark text on a light background
     * @return the lines, each ending with {@code '\n'}
     */
    public String terminal(boolean darkBackground) {
        return TerminalWriter.write(grid, darkBackground);
    }

    /**
     * Returns the width of the symbol without its quiet zone.
     *
     * @return modules per side: 21 to 177
     */
    public int symbolSize() {
        return symbolSize;
    }

    /**
     * Returns the width of the PNG image, quiet zone included.
     *
     * @return pixels per side
     */
    public int pixelSize() {
        return grid.size() * moduleSize;
    }

    /**
     * Returns the pixels per module of the PNG and SVG renderings.
     *
     * @return the module size, 1 to {@value #MAX_MODULE_SIZE}
     */
    public int moduleSize() {
        return moduleSize;
    }

    /**
     * Returns the error correction level.
     *
     * @return the level
     */
    public ErrorCorrection errorCorrection() {
        return errorCorrection;
    }

    /**
     * Describes the code without its content.
     *
     * @return for example {@code "QrCode[41x41 modules, MEDIUM]"}
     */
    @Override
    public String toString() {
        return "QrCode[" + symbolSize + "x" + symbolSize + " modules, " + errorCorrection + "]";
    }

    /** Builds {@link QrCode} instances; not thread-safe. */
    public static final class Builder {
        private final String text;
        private ErrorCorrection errorCorrection = ErrorCorrection.MEDIUM;
        private int moduleSize = DEFAULT_MODULE_SIZE;
        private int quietZone = MIN_QUIET_ZONE;

        private Builder(String text) {
            this.text = text;
        }

        /**
         * Sets the error correction level; default {@link ErrorCorrection#MEDIUM}.
         *
         * @param errorCorrection the level
         * @return this builder
         * @throws NullPointerException if {@code errorCorrection} is null
         */
        public Builder errorCorrection(ErrorCorrection errorCorrection) {
            this.errorCorrection = Objects.requireNonNull(errorCorrection, "errorCorrection");
            return this;
        }

        /**
         * Sets the pixels per module of the PNG and SVG renderings; default 8. Checked by
         * {@link #build()}.
         *
         * @param moduleSize 1 to {@value #MAX_MODULE_SIZE}
         * @return this builder
         */
        public Builder moduleSize(int moduleSize) {
            this.moduleSize = moduleSize;
            return this;
        }

        /**
         * Sets the light border around the symbol; default 4 modules, the least the QR standard
         * allows. Checked by {@link #build()}.
         *
         * @param quietZone {@value #MIN_QUIET_ZONE} to {@value #MAX_QUIET_ZONE} modules
         * @return this builder
         */
        public Builder quietZone(int quietZone) {
            this.quietZone = quietZone;
            return this;
        }

        /**
         * Encodes the text.
         *
         * @return the QR code
         * @throws IllegalArgumentException if the module size or quiet zone is out of range, the
         *     text is empty, or it is too long for a QR code at the chosen error correction
         */
        public QrCode build() {
            requireRange("moduleSize", moduleSize, 1, MAX_MODULE_SIZE);
            requireRange("quietZone", quietZone, MIN_QUIET_ZONE, MAX_QUIET_ZONE);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("text must not be empty");
            }
            ByteMatrix matrix = encode();
            int size = matrix.getWidth();
            boolean[][] symbol = new boolean[size][size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    symbol[y][x] = matrix.get(x, y) == 1;
                }
            }
            return new QrCode(new ModuleGrid(symbol, quietZone), size, moduleSize, errorCorrection);
        }

        private ByteMatrix encode() {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
                // Byte mode defaults to ISO-8859-1; other text needs UTF-8, declared by an ECI.
                hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            }
            try {
                return Encoder.encode(text, errorCorrection.zxingLevel, hints).getMatrix();
            } catch (WriterException e) {
                // zxing's message ("Data too big") is generic; never include the text, it may be a secret.
                throw new IllegalArgumentException("text of " + text.getBytes(StandardCharsets.UTF_8).length
                        + " bytes is too long for a QR code at error correction " + errorCorrection);
            }
        }

        private static void requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
            }
        }
    }
}
