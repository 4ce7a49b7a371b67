/**
 * Single-use recovery codes for two-factor authentication, stored only as Argon2id hashes:
 * {@link dev.otpkit.backup.BackupCodes} makes and checks them, {@link dev.otpkit.backup.BackupCodeStore}
 * keeps the hashes.
 */
package dev.otpkit.backup;
