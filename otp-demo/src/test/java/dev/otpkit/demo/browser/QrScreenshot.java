package dev.otpkit.demo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads a QR code from a screenshot, the way a phone's camera reads it from the screen: zxing
 * scans the whole image, with no hint of where the code is, and the page's source is never looked
 * at.
 */
final class QrScreenshot {
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private QrScreenshot() {}

    /**
     * Decodes the one QR code a screenshot shows, or fails the calling test.
     *
     * <p>zxing's single-code reader takes the three likeliest finder patterns; in about 1 code in
     * 200 (11 of 2,000 of the demo's otpauth URIs), data modules that look like a finder pattern
     * mislead it and it finds nothing. The multi-code reader, which weighs every triple of
     * candidates, then reads the code, as a phone's camera reads it at the next frame.
     *
     * @param png the screenshot as PNG bytes
     * @return the text the QR code holds
     */
    static String decode(byte[] png) {
        BufferedImage image = read(png);
        try {
            return new QRCodeReader().decode(bitmap(image), HINTS).getText();
        } catch (ReaderException e) {
            return decodeWithEveryFinderTriple(image);
        }
    }

    private static String decodeWithEveryFinderTriple(BufferedImage image) {
        try {
            List<String> texts = Arrays.stream(new QRCodeMultiReader().decodeMultiple(bitmap(image), HINTS))
                    .map(Result::getText)
                    .distinct()
                    .toList();
            assertEquals(1, texts.size(), "QR codes in the screenshot");
            return texts.get(0);
        } catch (NotFoundException e) {
            return fail("no QR code found in the " + image.getWidth() + "x" + image.getHeight() + " screenshot");
        }
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }

    private static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "the screenshot is not an image ImageIO can read");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
