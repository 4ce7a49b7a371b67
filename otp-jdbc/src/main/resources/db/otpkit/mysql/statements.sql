-- The statements of otp-jdbc's stores on MySQL 8 or newer and MariaDB 10.6 or newer, by name.
-- The stores name a statement and bind its :parameters; they never build SQL. Times (*_ms) are
-- milliseconds since the epoch from the application's clock.
--
-- InnoDB's UPDATE and DELETE read the latest committed row under its lock whatever the isolation
-- level, so each conditional statement below is atomic on its own. Neither MySQL nor MariaDB
-- returns rows from an UPDATE, and the row count of ON DUPLICATE KEY UPDATE depends on a driver
-- setting (found or affected rows): where a decision needs a count, a conditional UPDATE makes
-- it, and an INSERT adds a missing row (a duplicate-key error then sends the store back to the
-- UPDATE). In a SET list MySQL assigns from left to right, each expression seeing the columns
-- set before it: columns are set in an order that keeps every expression reading old values.

-- ReplayGuard ------------------------------------------------------------------------------

-- name: replay.accept
-- Row count 1: accepted (a newer step); 0: a replay, or no row for the pair yet.
UPDATE otpkit_replay_guard
   SET keep_until_ms = GREATEST(keep_until_ms, :keep_until_ms), last_step = :step
 WHERE account_id = :account_id AND authenticator_id = :authenticator_id AND last_step < :step

-- name: replay.insert
INSERT INTO otpkit_replay_guard (account_id, authenticator_id, last_step, keep_until_ms)
VALUES (:account_id, :authenticator_id, :step, :keep_until_ms)

-- name: replay.has_accepted
SELECT 1 FROM otpkit_replay_guard
 WHERE account_id = :account_id AND authenticator_id = :authenticator_id AND last_step >= :step

-- name: replay.purge
-- Forgets at most :max_rows pairs whose last step has left every window.
DELETE FROM otpkit_replay_guard WHERE keep_until_ms <= :now_ms ORDER BY keep_until_ms LIMIT :max_rows

-- AttemptLimiter ---------------------------------------------------------------------------

-- name: limiter.insert_first_failure
-- An account's first failure since its last success, in the state the store computed for it.
INSERT INTO otpkit_attempt_limiter
       (account_id, failures_since_lock, consecutive_failures, next_lock_ms, locked_until_ms)
VALUES (:account_id, :first_failures_since_lock, 1, :first_next_lock_ms, :first_locked_until_ms)

-- name: limiter.count_failure
-- Counts an attempt as a failure unless the account is locked or this failure reaches a limit
-- (limiter.count_locking_failure counts that one). Row count 1: the attempt proceeds and starts
-- no lock; 0: the account is locked, has no row, or this failure would start a lock.
UPDATE otpkit_attempt_limiter
   SET failures_since_lock = failures_since_lock + 1,
       consecutive_failures = consecutive_failures + 1
 WHERE account_id = :account_id
   AND consecutive_failures < :max_consecutive_failures AND locked_until_ms <= :now_ms
   AND failures_since_lock + 1 < :failures_before_lock
   AND consecutive_failures + 1 < :max_consecutive_failures

-- name: limiter.count_locking_failure
-- Counts the failure that reaches a limit unless the account is locked, and starts a lock, each
-- lock twice as long as the one before, up to :max_lock_ms. Row count 1: the attempt proceeds
-- and started the lock (read its end with limiter.read_lock in the same transaction); 0: the
-- account is locked, has no row, or this failure reaches no limit (a success came in between).
UPDATE otpkit_attempt_limiter
   SET locked_until_ms = :now_ms + next_lock_ms,
       next_lock_ms = LEAST(next_lock_ms * 2, :max_lock_ms),
       failures_since_lock = 0,
       consecutive_failures = consecutive_failures + 1
 WHERE account_id = :account_id
   AND consecutive_failures < :max_consecutive_failures AND locked_until_ms <= :now_ms
   AND (failures_since_lock + 1 >= :failures_before_lock
        OR consecutive_failures + 1 >= :max_consecutive_failures)

-- name: limiter.read_lock
SELECT consecutive_failures, locked_until_ms FROM otpkit_attempt_limiter WHERE account_id = :account_id

-- name: limiter.clear
DELETE FROM otpkit_attempt_limiter WHERE account_id = :account_id

-- OneTimeCodeStore -------------------------------------------------------------------------

-- name: code.put
INSERT INTO otpkit_one_time_code
       (account_id, scope, issue_id, code_hash, issued_at_ms, expires_at_ms, attempts)
VALUES (:account_id, :scope, :issue_id, :code_hash, :issued_at_ms, :expires_at_ms, :attempts)
ON DUPLICATE KEY UPDATE
       issue_id = VALUES(issue_id), code_hash = VALUES(code_hash), issued_at_ms = VALUES(issued_at_ms),
       expires_at_ms = VALUES(expires_at_ms), attempts = VALUES(attempts)

-- name: code.count_attempt
-- First statement of a claim, in a transaction: counts the attempt and locks the row.
UPDATE otpkit_one_time_code SET attempts = attempts + 1 WHERE account_id = :account_id AND scope = :scope

-- name: code.read_claimed
-- Second statement of a claim, in the same transaction: the row as counted.
SELECT issue_id, code_hash, issued_at_ms, expires_at_ms, attempts
  FROM otpkit_one_time_code WHERE account_id = :account_id AND scope = :scope FOR UPDATE

-- name: code.remove
DELETE FROM otpkit_one_time_code WHERE account_id = :account_id AND scope = :scope AND issue_id = :issue_id

-- name: code.purge
DELETE FROM otpkit_one_time_code WHERE expires_at_ms <= :now_ms ORDER BY expires_at_ms LIMIT :max_rows

-- BackupCodeStore --------------------------------------------------------------------------

-- name: backup.lock_set
-- First statement of a replacement: locks the account's set row until the transaction ends.
INSERT INTO otpkit_backup_code_set (account_id, generation) VALUES (:account_id, 1)
ON DUPLICATE KEY UPDATE generation = generation + 1

-- name: backup.delete_all
DELETE FROM otpkit_backup_code WHERE account_id = :account_id

-- name: backup.insert
INSERT INTO otpkit_backup_code (account_id, code_hash) VALUES (:account_id, :code_hash)

-- name: backup.hashes
SELECT code_hash FROM otpkit_backup_code WHERE account_id = :account_id

-- name: backup.remove
DELETE FROM otpkit_backup_code WHERE account_id = :account_id AND code_hash = :code_hash

-- JdbcCredentialStore ----------------------------------------------------------------------

-- name: credential.save
INSERT INTO otpkit_totp_credential
       (account_id, credential_id, sealed_secret, algorithm, digits, period_seconds, t0_ms, confirmed_step)
VALUES (:account_id, :credential_id, :sealed_secret, :algorithm, :digits, :period_seconds, :t0_ms,
        :confirmed_step)
ON DUPLICATE KEY UPDATE
       credential_id = VALUES(credential_id), sealed_secret = VALUES(sealed_secret),
       algorithm = VALUES(algorithm), digits = VALUES(digits), period_seconds = VALUES(period_seconds),
       t0_ms = VALUES(t0_ms), confirmed_step = VALUES(confirmed_step)

-- name: credential.find
SELECT credential_id, sealed_secret, algorithm, digits, period_seconds, t0_ms, confirmed_step
  FROM otpkit_totp_credential WHERE account_id = :account_id

-- name: credential.delete
DELETE FROM otpkit_totp_credential WHERE account_id = :account_id

-- name: enrollment.save
INSERT INTO otpkit_pending_enrollment
       (account_id, enrollment_id, sealed_secret, issuer, account_name, algorithm, digits, period_seconds,
        expires_at_ms)
VALUES (:account_id, :enrollment_id, :sealed_secret, :issuer, :account_name, :algorithm, :digits,
        :period_seconds, :expires_at_ms)
ON DUPLICATE KEY UPDATE
       enrollment_id = VALUES(enrollment_id), sealed_secret = VALUES(sealed_secret), issuer = VALUES(issuer),
       account_name = VALUES(account_name), algorithm = VALUES(algorithm), digits = VALUES(digits),
       period_seconds = VALUES(period_seconds), expires_at_ms = VALUES(expires_at_ms)

-- name: enrollment.find
SELECT enrollment_id, sealed_secret, issuer, account_name, algorithm, digits, period_seconds, expires_at_ms
  FROM otpkit_pending_enrollment WHERE account_id = :account_id AND expires_at_ms > :now_ms

-- name: enrollment.consume
-- Takes the account's pending enrolment if it is still the one given: of concurrent
-- activations of one enrolment, exactly one deletes the row.
DELETE FROM otpkit_pending_enrollment WHERE account_id = :account_id AND enrollment_id = :enrollment_id

-- name: enrollment.purge
DELETE FROM otpkit_pending_enrollment WHERE expires_at_ms <= :now_ms ORDER BY expires_at_ms LIMIT :max_rows
