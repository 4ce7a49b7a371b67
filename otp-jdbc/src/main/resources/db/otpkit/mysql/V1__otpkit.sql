-- otpkit's tables on MySQL 8 or newer and MariaDB 10.6 or newer (otp-jdbc). Run by
-- OtpkitSchema.create, or by Flyway as a migration of the location classpath:db/otpkit/mysql.
-- Idempotent.
--
-- Times are BIGINT milliseconds since 1970-01-01T00:00:00Z, always from the application's clock,
-- never the database's NOW(). Ids are VARBINARY (their UTF-8 bytes, up to 255 chars of 4 bytes):
-- compared byte for byte, where a text collation would make 'alice', 'Alice' and 'alice '
-- one account. Every table and index name starts with otpkit_; OtpkitSchema puts another prefix
-- in its place.

-- The last accepted TOTP step or HOTP counter of each authenticator of an account.
CREATE TABLE IF NOT EXISTS otpkit_replay_guard (
    account_id        VARBINARY(1020) NOT NULL,
    authenticator_id  VARBINARY(1020) NOT NULL,
    last_step         BIGINT          NOT NULL,
    keep_until_ms     BIGINT          NOT NULL,
    PRIMARY KEY (account_id, authenticator_id),
    INDEX otpkit_replay_guard_keep_until_idx (keep_until_ms)
) ENGINE = InnoDB;

-- Consecutive failures and locks of accounts that failed since their last success.
CREATE TABLE IF NOT EXISTS otpkit_attempt_limiter (
    account_id            VARBINARY(1020) NOT NULL PRIMARY KEY,
    failures_since_lock   INTEGER         NOT NULL,
    consecutive_failures  INTEGER         NOT NULL,
    next_lock_ms          BIGINT          NOT NULL,
    locked_until_ms       BIGINT          NOT NULL
) ENGINE = InnoDB;

-- The email or SMS code pending for an account and scope: its keyed hash, never the code.
CREATE TABLE IF NOT EXISTS otpkit_one_time_code (
    account_id     VARBINARY(1020) NOT NULL,
    scope          VARBINARY(1020) NOT NULL,
    issue_id       VARBINARY(1020) NOT NULL,
    code_hash      VARBINARY(255)  NOT NULL,
    issued_at_ms   BIGINT          NOT NULL,
    expires_at_ms  BIGINT          NOT NULL,
    attempts       INTEGER         NOT NULL,
    PRIMARY KEY (account_id, scope),
    INDEX otpkit_one_time_code_expires_idx (expires_at_ms)
) ENGINE = InnoDB;

-- One row per account that has had backup codes: replacing a set locks it first, so that two
-- replacements of one account never mix their codes.
CREATE TABLE IF NOT EXISTS otpkit_backup_code_set (
    account_id  VARBINARY(1020) NOT NULL PRIMARY KEY,
    generation  BIGINT          NOT NULL
) ENGINE = InnoDB;

-- The Argon2id hashes (PHC strings) of each account's unused backup codes, never a code.
CREATE TABLE IF NOT EXISTS otpkit_backup_code (
    account_id  VARBINARY(1020) NOT NULL,
    code_hash   VARBINARY(1020) NOT NULL,
    PRIMARY KEY (account_id, code_hash)
) ENGINE = InnoDB;

-- Each account's active TOTP credential, its secret sealed by SecretSealer (AES-256-GCM).
CREATE TABLE IF NOT EXISTS otpkit_totp_credential (
    account_id      VARBINARY(1020) NOT NULL PRIMARY KEY,
    credential_id   VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    sealed_secret   VARCHAR(4096) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    algorithm       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    digits          INTEGER         NOT NULL,
    period_seconds  BIGINT          NOT NULL,
    t0_ms           BIGINT          NOT NULL,
    confirmed_step  BIGINT          NOT NULL
) ENGINE = InnoDB;

-- Each account's enrolment waiting for its first code, its secret sealed by SecretSealer.
CREATE TABLE IF NOT EXISTS otpkit_pending_enrollment (
    account_id      VARBINARY(1020) NOT NULL PRIMARY KEY,
    enrollment_id   VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    sealed_secret   VARCHAR(4096) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    issuer          VARCHAR(1024) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    account_name    VARCHAR(1024) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    algorithm       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    digits          INTEGER         NOT NULL,
    period_seconds  BIGINT          NOT NULL,
    expires_at_ms   BIGINT          NOT NULL,
    INDEX otpkit_pending_enrollment_expires_idx (expires_at_ms)
) ENGINE = InnoDB;
