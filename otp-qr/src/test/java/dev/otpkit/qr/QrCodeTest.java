package dev.otpkit.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.otpkit.core.HmacAlgorithm;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendering is read back with zxing's own QR reader (detector included, no "pure barcode"
 * shortcut) and must give back the exact text. The PNG is decoded by javax.imageio and checked
 * by pngcheck; the SVG is rendered by librsvg's rsvg-convert: both independent of otpkit.
 */
class QrCodeTest {
    private static final OtpAuthUri URI = OtpAuthUri.builder()
            .secret(OtpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))
            .issuer("ACME Co").account("alice@example.com").build();

    static Stream<String> texts() {
        return Stream.of(
                URI.toUriString(),
                // A fixed secret, not a random one: zxing's detector misses about 1 in 100 random
                // version-13 symbols (they still decode with its PURE_BARCODE hint), so a random
                // one would make this test fail now and then for zxing's reason, not ours.
                OtpAuthUri.builder().secret(OtpSecret.fromBase32("K".repeat(103) + "Q")).issuer("Bücher & Söhne, 日本")
                        .account("jürgen+2fa@example.de").totp(Totp.builder().algorithm(HmacAlgorithm.SHA512).digits(8)
                        .period(Duration.ofSeconds(60)).build()).build().toUriString(),
                "otpauth://hotp/X:y?secret=JBSWY3DPEHPK3PXP&counter=7",
                "plain text with Unicode: Grüße 🔐");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void pngDecodesToTheExactText(String text) throws IOException {
        assertEquals(text, decodePng(QrCode.from(text).png()));
    }

    @ParameterizedTest
    @EnumSource(QrCode.ErrorCorrection.class)
    void pngDecodesAtEveryErrorCorrectionLevel(QrCode.ErrorCorrection level) throws IOException {
        QrCode qr = QrCode.builder(URI).errorCorrection(level).build();

        assertEquals(URI.toUriString(), decodePng(qr.png()));
        assertEquals(level, qr.errorCorrection());
    }

    @Test
    void higherErrorCorrectionNeedsALargerSymbol() {
        assertTrue(QrCode.builder(URI).errorCorrection(QrCode.ErrorCorrection.HIGH).build().symbolSize()
                > QrCode.builder(URI).errorCorrection(QrCode.ErrorCorrection.LOW).build().symbolSize());
    }

    @ParameterizedTest
    @MethodSource("texts")
    void pngPassesPngcheck(String text, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("qr.png");
        Files.write(file, QrCode.from(text).png());

        Process pngcheck = new ProcessBuilder("pngcheck", "-v", file.toString()).redirectErrorStream(true).start();
        String report = new String(pngcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pngcheck.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, pngcheck.exitValue(), report);
        assertTrue(report.contains("No errors detected"), report);
        assertTrue(report.contains("1-bit grayscale"), report);
    }

    @Test
    void pngHasTheConfiguredSizeAndALightQuietZone() throws IOException {
        QrCode qr = QrCode.builder(URI).moduleSize(3).quietZone(6).build();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.png()));

        int expected = (qr.symbolSize() + 2 * 6) * 3;
        assertEquals(expected, image.getWidth());
        assertEquals(expected, image.getHeight());
        assertEquals(expected, qr.pixelSize());
        int border = 6 * 3;
        for (int i = 0; i < expected; i++) {
            for (int edge = 0; edge < border; edge++) {
                assertLight(image, i, edge);
                assertLight(image, edge, i);
                assertLight(image, i, expected - 1 - edge);
                assertLight(image, expected - 1 - edge, i);
            }
        }
        // The finder pattern's corner is the first dark pixel inside the quiet zone.
        assertEquals(0xFF000000, image.getRGB(border, border));
        assertEquals(URI.toUriString(), decodePng(qr.png()));
    }

    @Test
    void pngWithOnePixelModulesIsTheDefaultImageScaledDown() throws IOException {
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(QrCode.builder(URI).moduleSize(1).build().png()));
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(QrCode.from(URI).png()));

        assertEquals(small.getWidth() * QrCode.DEFAULT_MODULE_SIZE, large.getWidth());
        for (int y = 0; y < small.getHeight(); y++) {
            for (int x = 0; x < small.getWidth(); x++) {
                int centre = QrCode.DEFAULT_MODULE_SIZE / 2;
                assertEquals(large.getRGB(x * QrCode.DEFAULT_MODULE_SIZE + centre, y * QrCode.DEFAULT_MODULE_SIZE + centre), small.getRGB(x, y), x + "," + y);
            }
        }
    }

    @Test
    void dataUriCarriesThePng() {
        QrCode qr = QrCode.from(URI);
        String dataUri = qr.dataUri();

        assertTrue(dataUri.startsWith("data:image/png;base64,"));
        assertArrayEquals(qr.png(), Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length())));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void svgRenderedByLibrsvgDecodesToTheExactText(String text, @TempDir Path dir) throws Exception {
        String svg = QrCode.from(text).svg();
        Path svgFile = dir.resolve("qr.svg");
        Path pngFile = dir.resolve("qr.png");
        Files.writeString(svgFile, svg);

        Process rsvg = new ProcessBuilder("rsvg-convert", "--format", "png", "--output", pngFile.toString(),
                svgFile.toString()).redirectErrorStream(true).start();
        String output = new String(rsvg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(rsvg.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, rsvg.exitValue(), output);
        assertEquals(text, decodePng(Files.readAllBytes(pngFile)));
    }

    @Test
    void svgIsOnePathWithTheConfiguredDisplaySize() {
        QrCode qr = QrCode.builder(URI).moduleSize(5).build();
        String svg = qr.svg();

        assertEquals(1, svg.split("<path", -1).length - 1);
        assertTrue(svg.contains("width=\"" + qr.pixelSize() + "\""), svg);
        assertTrue(svg.contains("viewBox=\"0 0 " + (qr.symbolSize() + 8) + " " + (qr.symbolSize() + 8) + "\""), svg);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void terminalTextForDarkBackgroundDecodesToTheExactText(String text) {
        String terminal = QrCode.from(text).terminal();

        assertEquals(text, decodeTerminal(terminal, true));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void terminalTextForLightBackgroundDecodesToTheExactText(String text) {
        String terminal = QrCode.from(text).terminal(false);

        assertEquals(text, decodeTerminal(terminal, false));
    }

    @Test
    void terminalTextIsHalfBlocksTwoModulesPerLine() {
        QrCode qr = QrCode.from(URI);
        String[] lines = qr.terminal().split("\n");

        int size = qr.symbolSize() + 8;
        assertEquals((size + 1) / 2, lines.length);
        for (String line : lines) {
            assertEquals(size, line.length());
            assertTrue(line.chars().allMatch(c -> " \u2580\u2584\u2588".indexOf(c) >= 0), line);
        }
        // Dark background: the light quiet zone is ink, so the first line is all full blocks.
        assertEquals("\u2588".repeat(size), lines[0]);
    }

    @Test
    void refusesBadSettingsAndTextThatDoesNotFit() {
        assertThrows(IllegalArgumentException.class, () -> QrCode.builder(URI).quietZone(3).build());
        assertThrows(IllegalArgumentException.class, () -> QrCode.builder(URI).moduleSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> QrCode.builder(URI).moduleSize(65).build());
        assertThrows(IllegalArgumentException.class, () -> QrCode.from(""));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> QrCode.from("secret-".repeat(500)));
        assertTrue(tooLong.getMessage().contains("3500 bytes is too long"), tooLong.getMessage());
        assertFalse(tooLong.getMessage().contains("secret-"), tooLong.getMessage());
    }

    @Test
    void toStringOmitsTheContent() {
        QrCode qr = QrCode.from(URI);

        assertEquals("QrCode[" + qr.symbolSize() + "x" + qr.symbolSize() + " modules, MEDIUM]", qr.toString());
    }

    private static void assertLight(BufferedImage image, int x, int y) {
        assertEquals(0xFFFFFFFF, image.getRGB(x, y), "pixel " + x + "," + y + " of the quiet zone");
    }

    private static String decodePng(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int width = image.getWidth();
        int height = image.getHeight();
        return decode(image.getRGB(0, 0, width, height, null, 0, width), width, height);
    }

    /**
     * Paints terminal text as a screen would: each cell 4 pixels wide and 8 tall, its ink in the
     * terminal's text colour, the rest in its background colour.
     */
    private static String decodeTerminal(String terminal, boolean darkBackground) {
        String[] lines = terminal.split("\n");
        int cell = 4;
        int width = lines[0].length() * cell;
        int height = lines.length * 2 * cell;
        int ink = darkBackground ? 0xFFFFFFFF : 0xFF000000;
        int background = darkBackground ? 0xFF000000 : 0xFFFFFFFF;
        int[] pixels = new int[width * height];
        for (int row = 0; row < lines.length; row++) {
            assertEquals(lines[0].length(), lines[row].length(), "every line has the same width");
            for (int column = 0; column < lines[row].length(); column++) {
                char c = lines[row].charAt(column);
                boolean upper = c == '\u2588' || c == '\u2580';
                boolean lower = c == '\u2588' || c == '\u2584';
                for (int dy = 0; dy < 2 * cell; dy++) {
                    boolean inked = dy < cell ? upper : lower;
                    for (int dx = 0; dx < cell; dx++) {
                        pixels[(row * 2 * cell + dy) * width + column * cell + dx] = inked ? ink : background;
                    }
                }
            }
        }
        return decode(pixels, width, height);
    }

    private static String decode(int[] argb, int width, int height) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, argb)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (ReaderException e) {
            throw new AssertionError("zxing could not read the QR code", e);
        }
    }
}
