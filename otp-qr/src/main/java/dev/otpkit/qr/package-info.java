/**
 * QR codes for enrolment: {@link dev.otpkit.qr.QrCode} renders an
 * {@link dev.otpkit.core.OtpAuthUri} as PNG, a {@code data:} URI, SVG or terminal text.
 */
package dev.otpkit.qr;
