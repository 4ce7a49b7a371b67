-- otpkit's tables on H2 2.x (otp-jdbc). Run by OtpkitSchema.create, or by Flyway
-- as a migration of the location classpath:db/otpkit/h2. Idempotent.
--
-- Times are BIGINT milliseconds since 1970-01-01T00:00:00Z, always from the application's clock,
-- never the database's now(). Ids are compared exactly.
-- Every table and index name starts with otpkit_; OtpkitSchema puts another prefix in its place.

-- The last accepted TOTP step or HOTP counter of each authenticator of an account.
CREATE TABLE IF NOT EXISTS otpkit_replay_guard (
    account_id        VARCHAR(255) NOT NULL,
    authenticator_id  VARCHAR(255) NOT NULL,
    last_step         BIGINT       NOT NULL,
    keep_until_ms     BIGINT       NOT NULL,
    PRIMARY KEY (account_id, authenticator_id)
);
CREATE INDEX IF NOT EXISTS otpkit_replay_guard_keep_until_idx ON otpkit_replay_guard (keep_until_ms);

-- Consecutive failures and locks of accounts that failed since their last success.
CREATE TABLE IF NOT EXISTS otpkit_attempt_limiter (
    account_id            VARCHAR(255) NOT NULL PRIMARY KEY,
    failures_since_lock   INTEGER      NOT NULL,
    consecutive_failures  INTEGER      NOT NULL,
    next_lock_ms          BIGINT       NOT NULL,
    locked_until_ms       BIGINT       NOT NULL
);

-- The email or SMS code pending for an account and scope: its keyed hash, never the code.
CREATE TABLE IF NOT EXISTS otpkit_one_time_code (
    account_id     VARCHAR(255) NOT NULL,
    scope          VARCHAR(255) NOT NULL,
    issue_id       VARCHAR(255) NOT NULL,
    code_hash      VARBINARY(255) NOT NULL,
    issued_at_ms   BIGINT       NOT NULL,
    expires_at_ms  BIGINT       NOT NULL,
    attempts       INTEGER      NOT NULL,
    PRIMARY KEY (account_id, scope)
);
CREATE INDEX IF NOT EXISTS otpkit_one_time_code_expires_idx ON otpkit_one_time_code (expires_at_ms);

-- One row per account that has had backup codes: replacing a set locks it first, so that two
-- replacements of one account never mix their codes.
CREATE TABLE IF NOT EXISTS otpkit_backup_code_set (
    account_id  VARCHAR(255) NOT NULL PRIMARY KEY,
    generation  BIGINT       NOT NULL
);

-- The Argon2id hashes (PHC strings) of each account's unused backup codes, never a code.
CREATE TABLE IF NOT EXISTS otpkit_backup_code (
    account_id  VARCHAR(255) NOT NULL,
    code_hash   VARCHAR(255) NOT NULL,
    PRIMARY KEY (account_id, code_hash)
);

-- Each account's active TOTP credential, its secret sealed by SecretSealer (AES-256-GCM).
CREATE TABLE IF NOT EXISTS otpkit_totp_credential (
    account_id      VARCHAR(255)  NOT NULL PRIMARY KEY,
    credential_id   VARCHAR(255)  NOT NULL,
    sealed_secret   VARCHAR(4096) NOT NULL,
    algorithm       VARCHAR(16)   NOT NULL,
    digits          INTEGER       NOT NULL,
    period_seconds  BIGINT        NOT NULL,
    t0_ms           BIGINT        NOT NULL,
    confirmed_step  BIGINT        NOT NULL
);

-- Each account's enrolment waiting for its first code, its secret sealed by SecretSealer.
CREATE TABLE IF NOT EXISTS otpkit_pending_enrollment (
    account_id      VARCHAR(255)  NOT NULL PRIMARY KEY,
    enrollment_id   VARCHAR(255)  NOT NULL,
    sealed_secret   VARCHAR(4096) NOT NULL,
    issuer          VARCHAR(1024),
    account_name    VARCHAR(1024) NOT NULL,
    algorithm       VARCHAR(16)   NOT NULL,
    digits          INTEGER       NOT NULL,
    period_seconds  BIGINT        NOT NULL,
    expires_at_ms   BIGINT        NOT NULL
);
CREATE INDEX IF NOT EXISTS otpkit_pending_enrollment_expires_idx ON otpkit_pending_enrollment (expires_at_ms);
