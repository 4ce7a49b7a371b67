/**
 * One-time passwords for two-factor sign-in: HOTP (RFC 4226) and TOTP (RFC 6238) codes,
 * verified securely by default, with the JDK alone.
 *
 * <p>Start with {@link dev.otpkit.core.OtpSecret} (a shared secret that never prints itself),
 * {@link dev.otpkit.core.Totp} and {@link dev.otpkit.core.Hotp} (code parameters and
 * generation) and {@link dev.otpkit.core.OtpAuthUri} (the {@code otpauth://} URI an
 * authenticator app scans). Verify logins with {@link dev.otpkit.core.TotpVerifier} or
 * {@link dev.otpkit.core.HotpVerifier}: every check, theirs and those of
 * {@link dev.otpkit.core.OneTimeCodes} (email and SMS codes) and
 * {@link dev.otpkit.core.Enrollments} (activating a new authenticator), answers with the one
 * result model of {@link dev.otpkit.core.Verification}, never with an exception for user input.
 * Accounts are protected by two small SPIs, {@link dev.otpkit.core.ReplayGuard} (each code at
 * most once) and {@link dev.otpkit.core.AttemptLimiter} (locks after repeated failures), with
 * {@link dev.otpkit.core.OneTimeCodeStore} for pending email codes: each has a bounded
 * in-memory default ({@code inMemory()}, {@code inMemoryBuilder()}) that fails closed with a
 * {@link dev.otpkit.core.StoreFullException} when full, and can be backed by a database.
 * {@link dev.otpkit.core.SecretSealer} encrypts secrets for storage at rest.
 *
 * <p>Everything here is immutable and thread-safe unless it is a builder; build once, share.
 */
package dev.otpkit.core;
