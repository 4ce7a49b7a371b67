-- The statements of otp-jdbc's stores on H2 2.x, by name. The stores name a statement and bind
-- its :parameters; they never build SQL. Times (*_ms) are milliseconds since the epoch from the
-- application's clock.
--
-- H2's UPDATE and DELETE lock each row they change and evaluate their WHERE again on its latest
-- committed version, so each conditional statement below is atomic on its own. H2 has no
-- conditional upsert: a conditional UPDATE decides, and an INSERT adds a missing row (a
-- duplicate-key error then sends the store back to the UPDATE). MERGE ... KEY is a plain upsert;
-- two of them inserting one new key at once fail one with a duplicate key, which the store tries
-- again.

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
DELETE FROM otpkit_replay_guard WHERE keep_until_ms <= :now_ms FETCH FIRST :max_rows ROWS ONLY

-- AttemptLimiter ---------------------------------------------------------------------------

-- name: limiter.insert_first_failure
-- An account's first failure since its last success, in the state the store computed for it.
INSERT INTO otpkit_attempt_limiter
       (account_id, failures_since_lock, consecutive_failures, next_lock_ms, locked_until_ms)
VALUES (:account_id, :first_failures_since_lock, 1, :first_next_lock_ms, :first_locked_until_ms)

-- name: limiter.count_failure
-- Counts an attempt as a failure unless the account is locked; a failure that reaches the
-- limit starts a lock, each lock twice as long as the one before, up to :max_lock_ms. Returns
-- the counted row (the attempt proceeds; failures_since_lock 0 says that this failure started a
-- lock), or no row: the account is locked, or has no row.
SELECT failures_since_lock, consecutive_failures, locked_until_ms FROM FINAL TABLE (
UPDATE otpkit_attempt_limiter
   SET locked_until_ms = CASE WHEN failures_since_lock + 1 >= :failures_before_lock
                                OR consecutive_failures + 1 >= :max_consecutive_failures
                              THEN :now_ms + next_lock_ms ELSE locked_until_ms END,
       next_lock_ms = CASE WHEN failures_since_lock + 1 >= :failures_before_lock
                             OR consecutive_failures + 1 >= :max_consecutive_failures
                           THEN LEAST(next_lock_ms * 2, :max_lock_ms) ELSE next_lock_ms END,
       failures_since_lock = CASE WHEN failures_since_lock + 1 >= :failures_before_lock
                                    OR consecutive_failures + 1 >= :max_consecutive_failures
                                  THEN 0 ELSE failures_since_lock + 1 END,
       consecutive_failures = consecutive_failures + 1
 WHERE account_id = :account_id
   AND consecutive_failures < :max_consecutive_failures AND locked_until_ms <= :now_ms)

-- name: limiter.read_lock
SELECT consecutive_failures, locked_until_ms FROM otpkit_attempt_limiter WHERE account_id = :account_id

-- name: limiter.clear
DELETE FROM otpkit_attempt_limiter WHERE account_id = :account_id

-- OneTimeCodeStore -------------------------------------------------------------------------

-- name: code.put
MERGE INTO otpkit_one_time_code
       (account_id, scope, issue_id, code_hash, issued_at_ms, expires_at_ms, attempts) KEY (account_id, scope)
VALUES (:account_id, :scope, :issue_id, :code_hash, :issued_at_ms, :expires_at_ms, :attempts)

-- name: code.claim
-- Counts an attempt and returns the code with the count, in one statement.
SELECT issue_id, code_hash, issued_at_ms, expires_at_ms, attempts FROM FINAL TABLE (
       UPDATE otpkit_one_time_code SET attempts = attempts + 1 WHERE account_id = :account_id AND scope = :scope)

-- name: code.remove
DELETE FROM otpkit_one_time_code WHERE account_id = :account_id AND scope = :scope AND issue_id = :issue_id

-- name: code.purge
DELETE FROM otpkit_one_time_code WHERE expires_at_ms <= :now_ms FETCH FIRST :max_rows ROWS ONLY

-- BackupCodeStore --------------------------------------------------------------------------

-- name: backup.lock_set
-- First statement of a replacement: locks the account's set row until the transaction ends.
MERGE INTO otpkit_backup_code_set s
USING (VALUES (CAST(:account_id AS VARCHAR(255)))) AS v (account_id) ON s.account_id = v.account_id
 WHEN MATCHED THEN UPDATE SET generation = s.generation + 1
 WHEN NOT MATCHED THEN INSERT (account_id, generation) VALUES (v.account_id, 1)

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
MERGE INTO otpkit_totp_credential
       (account_id, credential_id, sealed_secret, algorithm, digits, period_seconds, t0_ms, confirmed_step)
       KEY (account_id)
VALUES (:account_id, :credential_id, :sealed_secret, :algorithm, :digits, :period_seconds, :t0_ms,
        :confirmed_step)

-- name: credential.find
SELECT credential_id, sealed_secret, algorithm, digits, period_seconds, t0_ms, confirmed_step
  FROM otpkit_totp_credential WHERE account_id = :account_id

-- name: credential.delete
DELETE FROM otpkit_totp_credential WHERE account_id = :account_id

-- name: enrollment.save
MERGE INTO otpkit_pending_enrollment
       (account_id, enrollment_id, sealed_secret, issuer, account_name, algorithm, digits, period_seconds,
        expires_at_ms) KEY (account_id)
VALUES (:account_id, :enrollment_id, :sealed_secret, :issuer, :account_name, :algorithm, :digits,
        :period_seconds, :expires_at_ms)

-- name: enrollment.find
SELECT enrollment_id, sealed_secret, issuer, account_name, algorithm, digits, period_seconds, expires_at_ms
  FROM otpkit_pending_enrollment WHERE account_id = :account_id AND expires_at_ms > :now_ms

-- name: enrollment.consume
-- Takes the account's pending enrolment if it is still the one given: of concurrent
-- activations of one enrolment, exactly one deletes the row.
DELETE FROM otpkit_pending_enrollment WHERE account_id = :account_id AND enrollment_id = :enrollment_id

-- name: enrollment.purge
DELETE FROM otpkit_pending_enrollment WHERE expires_at_ms <= :now_ms FETCH FIRST :max_rows ROWS ONLY