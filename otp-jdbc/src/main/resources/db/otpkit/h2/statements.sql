-- The statements of otp-jdbc's stores on H2 2.x, by name. The stores name a statement and bind
-- its :parameters; they never build SQL. Times (*_ms) are milliseconds since the epoch from the
-- application's clock.
--
-- H2's UPDATE and DELETE lock each row they change and evaluate their WHERE again on its latest
-- committed version, so each conditional statement below is atomic on its own. The conditional
-- upserts are MERGE ... USING: it locks the matched row and tests WHEN MATCHED AND ... on its
-- latest committed version, so its row count (1: updated or inserted; 0: matched, condition
-- false) decides as PostgreSQL's ON CONFLICT DO UPDATE ... WHERE does. MERGE ... KEY is a plain
-- upsert. Two MERGEs inserting one new key at once fail one with a duplicate key; it wrote
-- nothing, and the store tries it again, when it meets the row.

-- ReplayGuard ------------------------------------------------------------------------------

-- name: replay.accept
-- Accepts :step if it is newer than the pair's last accepted step. Row count 1: accepted (a new
-- pair, or a newer step); 0: a replay.
MERGE INTO otpkit_replay_guard r
USING (VALUES (CAST(:account_id AS VARCHAR(255)), CAST(:authenticator_id AS VARCHAR(255)), CAST(:step AS BIGINT),
               CAST(:keep_until_ms AS BIGINT))) AS v (account_id, authenticator_id, step, keep_until_ms)
   ON r.account_id = v.account_id AND r.authenticator_id = v.authenticator_id
 WHEN MATCHED AND r.last_step < v.step THEN UPDATE
      SET last_step = v.step, keep_until_ms = GREATEST(r.keep_until_ms, v.keep_until_ms)
 WHEN NOT MATCHED THEN INSERT (account_id, authenticator_id, last_step, keep_until_ms)
      VALUES (v.account_id, v.authenticator_id, v.step, v.keep_until_ms)

-- name: replay.has_accepted
SELECT 1 FROM otpkit_replay_guard
 WHERE account_id = :account_id AND authenticator_id = :authenticator_id AND last_step >= :step

-- name: replay.purge
-- Forgets at most :max_rows pairs whose last step has left every window.
DELETE FROM otpkit_replay_guard WHERE keep_until_ms <= :now_ms FETCH FIRST :max_rows ROWS ONLY

-- AttemptLimiter ---------------------------------------------------------------------------

-- name: limiter.count_failure
-- Counts an attempt as a failure unless the account is locked; a failure that reaches the
-- limit starts a lock, each lock twice as long as the one before, up to :max_lock_ms. A new
-- account gets the state the store computed for a first failure. Returns the counted row (the
-- attempt proceeds; failures_since_lock 0 says that this failure started a lock), or no row:
-- the account is locked (nothing changed). Both WHEN MATCHED clauses test the locked row, in
-- order: the first counts a failure that stays below both limits, the second one that reaches
-- a limit. Two clauses with plain SETs cost H2 less than one whose SETs each repeat the test
-- in a CASE.
SELECT failures_since_lock, consecutive_failures, locked_until_ms FROM FINAL TABLE (
MERGE INTO otpkit_attempt_limiter l
USING (VALUES (CAST(:account_id AS VARCHAR(255)))) AS v (account_id) ON l.account_id = v.account_id
 WHEN MATCHED AND l.failures_since_lock + 1 < :failures_before_lock
              AND l.consecutive_failures + 1 < :max_consecutive_failures AND l.locked_until_ms <= :now_ms
      THEN UPDATE SET failures_since_lock = l.failures_since_lock + 1,
                      consecutive_failures = l.consecutive_failures + 1
 WHEN MATCHED AND l.consecutive_failures < :max_consecutive_failures AND l.locked_until_ms <= :now_ms
      THEN UPDATE SET locked_until_ms = :now_ms + l.next_lock_ms,
                      next_lock_ms = LEAST(l.next_lock_ms * 2, :max_lock_ms),
                      failures_since_lock = 0,
                      consecutive_failures = l.consecutive_failures + 1
 WHEN NOT MATCHED THEN INSERT (account_id, failures_since_lock, consecutive_failures, next_lock_ms, locked_until_ms)
      VALUES (v.account_id, :first_failures_since_lock, 1, :first_next_lock_ms, :first_locked_until_ms))

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