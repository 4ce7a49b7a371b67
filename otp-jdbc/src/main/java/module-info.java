/**
 * otpkit JDBC stores: every otpkit store on PostgreSQL 13+, MySQL 8 / MariaDB 10.6+ or H2 2.x,
 * through nothing but {@code java.sql}. Only {@code dev.otpkit.jdbc} is exported.
 */
module dev.otpkit.jdbc {
    requires transitive dev.otpkit.core;
    requires transitive java.sql;
    // Only JdbcBackupCodeStore needs otp-backup, which brings BouncyCastle: "static", so that a
    // TOTP-only application runs without either (an application with backup codes depends on
    // otp-backup itself); "transitive", because that store's API names BackupCodeStore.
    requires static transitive dev.otpkit.backup;

    exports dev.otpkit.jdbc;
}
