/**
 * The {@code otp} command: enrol an account (secret, {@code otpauth://} URI and QR code),
 * print and verify codes, make backup codes, read URIs. Run it as {@code java -jar otp.jar};
 * it exports no API.
 */
module dev.otpkit.cli {
    requires dev.otpkit.core;
    requires dev.otpkit.qr;
    requires dev.otpkit.backup;
}
