-- The statements of otp-jdbc's stores on PostgreSQL 13 or newer, by name. The stores name a
-- statement and bind its :parameters; they never build SQL. Times (*_ms) are milliseconds since
-- the epoch from the application's clock. Each statement is atomic on its own at READ COMMITTED:
-- an UPDATE, DELETE or ON CONFLICT DO UPDATE that waits for a concurrent change evaluates its
-- WHERE again on the row as that change left it.

-- ReplayGuard ------------------------------------------------------------------------------

-- name: replay.accept
-- Accepts :step if it is newer than the pair's last accepted step. Row count 1: accepted (a new
-- pair, or a newer step); 0: a replay.
INSERT INTO otpkit_replay_guard AS r (account_id, authenticator_id, last_step, keep_until_ms)
VALUES (:account_id, :authenticator_id, :step, :keep_until_ms)
ON CONFLICT (account_id, authenticator_id) DO UPDATE
   SET last_step = EXCLUDED.last_step,
       keep_until_ms = GREATEST(r.keep_until_ms, EXCLUDED.keep_until_ms)
 WHERE r.last_step < EXCLUDED.last_step

-- name: replay.has_accepted
SELECT 1 FROM otpkit_replay_guard
 WHERE account_id = :account_id AND authenticator_id = :authenticator_id AND last_step >= :step

-- name: replay.purge
-- Forgets at most :max_rows pairs whose last step has left every window.
DELETE FROM otpkit_replay_guard
 WHERE (account_id, authenticator_id) IN (
        SELECT account_id, authenticator_id FROM otpkit_replay_guard
         WHERE keep_until_ms <= :now_ms
         LIMIT :max_rows)
   AND keep_until_ms <= :now_ms

-- AttemptLimiter ---------------------------------------------------------------------------

-- name: limiter.count_failure
-- Counts an attempt as a failure unless the account is locked or this failure reaches a limit
-- (limiter.count_locking_failure counts that one). A new account gets the state the store
-- computed for a first failure. Returns the counted row (the attempt proceeds;
-- failures_since_lock 0 says that a first failure started a lock), or no row: the account is
-- locked, or this failure would start a lock (nothing changed).
INSERT INTO otpkit_attempt_limiter AS l
       (account_id, failures_since_lock, consecutive_failures, next_lock_ms, locked_until_ms)
VALUES (:account_id, :first_failures_since_lock, 1, :first_next_lock_ms, :first_locked_until_ms)
ON CONFLICT (account_id) DO UPDATE
   SET failures_since_lock = l.failures_since_lock + 1,
       consecutive_failures = l.consecutive_failures + 1
 WHERE l.consecutive_failures < :max_consecutive_failures AND l.locked_until_ms <= :now_ms
   AND l.failures_since_lock + 1 < :failures_before_lock
   AND l.consecutive_failures + 1 < :max_consecutive_failures
RETURNING l.failures_since_lock, l.consecutive_failures, l.locked_until_ms

-- name: limiter.count_locking_failure
-- After limiter.count_failure declined an attempt: counts the failure that reaches a limit
-- unless the account is locked, and starts a lock, each lock twice as long as the one before, up
-- to :max_lock_ms. Returns (TRUE, the counted row's failures and lock end): the attempt proceeds
-- and started the lock; or (FALSE, the row as this statement's snapshot saw it): nothing was
-- counted, and the row says whether the account is locked (if it says not, a concurrent change
-- came in between: count again); or no row: the account has none (a success cleared it).
WITH locking AS (
    UPDATE otpkit_attempt_limiter
       SET locked_until_ms = :now_ms + next_lock_ms,
           next_lock_ms = LEAST(next_lock_ms * 2, :max_lock_ms),
           failures_since_lock = 0,
           consecutive_failures = consecutive_failures + 1
     WHERE account_id = :account_id
       AND consecutive_failures < :max_consecutive_failures AND locked_until_ms <= :now_ms
       AND (failures_since_lock + 1 >= :failures_before_lock
            OR consecutive_failures + 1 >= :max_consecutive_failures)
    RETURNING consecutive_failures, locked_until_ms)
SELECT TRUE, consecutive_failures, locked_until_ms FROM locking
UNION ALL
SELECT FALSE, consecutive_failures, locked_until_ms FROM otpkit_attempt_limiter
 WHERE account_id = :account_id AND NOT EXISTS (SELECT 1 FROM locking)

-- name: limiter.read_lock
SELECT consecutive_failures, locked_until_ms FROM otpkit_attempt_limiter WHERE account_id = :account_id

-- name: limiter.clear
DELETE FROM otpkit_attempt_limiter WHERE account_id = :account_id

-- OneTimeCodeStore -------------------------------------------------------------------------

-- name: code.put
INSERT INTO otpkit_one_time_code
       (account_id, scope, issue_id, code_hash, issued_at_ms, expires_at_ms, attempts)
VALUES (:account_id, :scope, :issue_id, :code_hash, :issued_at_ms, :expires_at_ms, :attempts)
ON CONFLICT (account_id, scope) DO UPDATE
   SET issue_id = EXCLUDED.issue_id, code_hash = EXCLUDED.code_hash, issued_at_ms = EXCLUDED.issued_at_ms,
       expires_at_ms = EXCLUDED.expires_at_ms, attempts = EXCLUDED.attempts

-- name: code.claim
-- Counts an attempt and returns the code with the count, in one statement.
UPDATE otpkit_one_time_code SET attempts = attempts + 1
 WHERE account_id = :account_id AND scope = :scope
RETURNING issue_id, code_hash, issued_at_ms, expires_at_ms, attempts

-- name: code.remove
DELETE FROM otpkit_one_time_code WHERE account_id = :account_id AND scope = :scope AND issue_id = :issue_id

-- name: code.purge
DELETE FROM otpkit_one_time_code
 WHERE (account_id, scope) IN (
        SELECT account_id, scope FROM otpkit_one_time_code
         WHERE expires_at_ms <= :now_ms
         LIMIT :max_rows)
   AND expires_at_ms <= :now_ms

-- BackupCodeStore --------------------------------------------------------------------------

-- name: backup.lock_set
-- First statement of a replacement: locks the account's set row until the transaction ends.
INSERT INTO otpkit_backup_code_set AS s (account_id, generation) VALUES (:account_id, 1)
ON CONFLICT (account_id) DO UPDATE SET generation = s.generation + 1

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
ON CONFLICT (account_id) DO UPDATE
   SET credential_id = EXCLUDED.credential_id, sealed_secret = EXCLUDED.sealed_secret,
       algorithm = EXCLUDED.algorithm, digits = EXCLUDED.digits, period_seconds = EXCLUDED.period_seconds,
       t0_ms = EXCLUDED.t0_ms, confirmed_step = EXCLUDED.confirmed_step

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
ON CONFLICT (account_id) DO UPDATE
   SET enrollment_id = EXCLUDED.enrollment_id, sealed_secret = EXCLUDED.sealed_secret,
       issuer = EXCLUDED.issuer, account_name = EXCLUDED.account_name, algorithm = EXCLUDED.algorithm,
       digits = EXCLUDED.digits, period_seconds = EXCLUDED.period_seconds, expires_at_ms = EXCLUDED.expires_at_ms

-- name: enrollment.find
SELECT enrollment_id, sealed_secret, issuer, account_name, algorithm, digits, period_seconds, expires_at_ms
  FROM otpkit_pending_enrollment WHERE account_id = :account_id AND expires_at_ms > :now_ms

-- name: enrollment.consume
-- Takes the account's pending enrolment if it is still the one given: of concurrent
-- activations of one enrolment, exactly one deletes the row.
DELETE FROM otpkit_pending_enrollment WHERE account_id = :account_id AND enrollment_id = :enrollment_id

-- name: enrollment.purge
DELETE FROM otpkit_pending_enrollment
 WHERE account_id IN (
        SELECT account_id FROM otpkit_pending_enrollment
         WHERE expires_at_ms <= :now_ms
         LIMIT :max_rows)
   AND expires_at_ms <= :now_ms
