/**
 * otpkit's stores in a relational database, for applications that run on several servers or
 * must keep their state across restarts: {@link dev.otpkit.jdbc.JdbcReplayGuard},
 * {@link dev.otpkit.jdbc.JdbcAttemptLimiter}, {@link dev.otpkit.jdbc.JdbcOneTimeCodeStore},
 * {@link dev.otpkit.jdbc.JdbcBackupCodeStore} (needs otp-backup) and
 * {@link dev.otpkit.jdbc.JdbcCredentialStore} (enrolled TOTP credentials and pending enrolments,
 * secrets sealed). {@link dev.otpkit.jdbc.OtpkitSchema} creates their tables.
 *
 * <p>Supported: PostgreSQL 13+, MySQL 8+, MariaDB 10.6+ and H2 2.x, detected from the
 * connection; any other database is refused at first use with a message that says so. Each
 * operation is one conditional statement, or one short transaction holding a row lock, whose
 * row count makes the decision: nothing is read and then written. So consuming a code, accepting
 * a step or counting a failure succeeds at most once per input across every server, at the
 * driver's default isolation level. Times come from the application's clock, never the
 * database's.
 *
 * <p>A database error surfaces as a {@link dev.otpkit.core.StoreException} whose cause is the
 * {@link java.sql.SQLException} and whose message holds no account id, code or secret. A
 * verification whose store failed throws it and is never valid.
 */
package dev.otpkit.jdbc;
