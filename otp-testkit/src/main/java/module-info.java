/**
 * otpkit test kit: abstract JUnit 5 contract tests for every otpkit SPI ({@code ReplayGuard},
 * {@code AttemptLimiter}, {@code OneTimeCodeStore}, {@code BackupCodeStore}), to extend in the
 * tests of your own store. otp-backup is optional: only the backup-code contract needs it.
 */
module dev.otpkit.testkit {
    requires transitive dev.otpkit.core;
    // Only BackupCodeStoreContract needs otp-backup, which brings BouncyCastle: "static", so that
    // a TOTP-only user compiles and runs without either; a user of that contract requires
    // dev.otpkit.backup itself. Not "transitive": a static transitive dependency is resolved when
    // a consumer compiles, so a TOTP-only consumer would fail to compile.
    requires static dev.otpkit.backup;
    requires transitive org.junit.jupiter.api;

    exports dev.otpkit.testkit;
}
