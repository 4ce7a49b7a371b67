/**
 * otpkit JDBC stores: every otpkit store on PostgreSQL 13+, MySQL 8 / MariaDB 10.6+ or H2 2.x,
 * through nothing but {@code java.sql}. Only {@code dev.otpkit.jdbc} is exported.
 */
module dev.otpkit.jdbc {
    requires transitive dev.otpkit.core;
    requires transitive java.sql;
    // Only JdbcBackupCodeStore needs otp-backup, which brings BouncyCastle: "static", so that a
    // TOTP-only application compiles and runs without either; an application with backup codes
    // requires dev.otpkit.backup itself. Not "transitive": a static transitive dependency is
    // resolved when a consumer compiles, so a TOTP-only consumer would fail to compile.
    requires static dev.otpkit.backup;

    exports dev.otpkit.jdbc;
}
