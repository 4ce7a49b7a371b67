/**
 * otpkit test kit: abstract JUnit 5 contract tests for every otpkit SPI ({@code ReplayGuard},
 * {@code AttemptLimiter}, {@code OneTimeCodeStore}, {@code BackupCodeStore}), to extend in the
 * tests of your own store. otp-backup is optional: only the backup-code contract needs it.
 */
module dev.otpkit.testkit {
    requires transitive dev.otpkit.core;
    requires static transitive dev.otpkit.backup;
    requires transitive org.junit.jupiter.api;

    exports dev.otpkit.testkit;
}
