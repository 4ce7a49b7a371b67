/**
 * Single-use recovery codes for two-factor authentication, for when the phone with the
 * authenticator app is lost, stored only as Argon2id hashes.
 *
 * <p>{@link dev.otpkit.backup.BackupCodes} is the entry point: {@code generate(accountId)} makes
 * a {@link dev.otpkit.backup.BackupCodeSet} (the plain codes, to show the user once, and their
 * PHC hashes) and stores the hashes in place of the account's previous set; {@code verify}
 * checks and consumes a code, answering with {@link dev.otpkit.core.Verification}, the one
 * result of every otpkit check, and counting attempts with the
 * {@link dev.otpkit.core.AttemptLimiter} that the account's TOTP checks use.
 * {@link dev.otpkit.backup.BackupCodeStore} is the SPI that keeps the hashes: a bounded
 * in-memory default ({@code inMemory()}, {@code inMemoryBuilder()}) that fails closed with a
 * {@link dev.otpkit.core.StoreFullException} when full, or your own database.
 * {@link dev.otpkit.backup.Argon2idCost} sets how expensive the hashes are, no weaker than
 * OWASP's minimum.
 *
 * <p>Everything here is immutable and thread-safe unless it is a builder; build once, share.
 */
package dev.otpkit.backup;
