/**
 * otpkit core: HOTP (RFC 4226) and TOTP (RFC 6238) generation and secure verification,
 * with no dependency beyond the JDK. Only {@code dev.otpkit.core} is exported to everyone; the
 * internal package is exported to the otpkit modules that make results and share in-memory
 * store machinery, and to no application.
 */
@SuppressWarnings("module") // otp-backup is built after this module: javac warns "module not found"
module dev.otpkit.core {
    exports dev.otpkit.core;
    exports dev.otpkit.core.internal to dev.otpkit.backup;
}
