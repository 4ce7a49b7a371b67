/**
 * otpkit QR: QR codes of {@code otpauth://} URIs (or any text) as PNG bytes, a {@code data:}
 * URI, SVG and terminal text. It needs zxing's core for the matrix only and writes PNG itself,
 * so it does not read {@code java.desktop}: it works on headless servers and in jlink images.
 * Only {@code dev.otpkit.qr} is exported.
 */
@SuppressWarnings("requires-automatic")
module dev.otpkit.qr {
    requires transitive dev.otpkit.core;
    // zxing core 3.5.3 is an automatic module; its manifest names it com.google.zxing.
    requires com.google.zxing;

    exports dev.otpkit.qr;
}
