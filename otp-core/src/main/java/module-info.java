/**
 * otpkit core: HOTP (RFC 4226) and TOTP (RFC 6238) generation and secure verification,
 * with no dependency beyond the JDK. Only {@code dev.otpkit.core} is exported.
 */
module dev.otpkit.core {
    exports dev.otpkit.core;
}
