package dev.otpkit.jdbc;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.StoreException;
import dev.otpkit.jdbc.internal.Call;
import dev.otpkit.jdbc.internal.Columns;
import dev.otpkit.jdbc.internal.Database;
import dev.otpkit.jdbc.internal.StoreFailure;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link AttemptLimiter} in a database table ({@code otpkit_attempt_limiter}), exact across
 * any number of servers sharing it: of N concurrent attempts on one account, on any servers, at
 * most as many proceed as failures remain before the lock. Thread-safe; build one per
 * application and share it between verifiers.
 *
 * <p>The policy is the in-memory limiter's, with the same settings and defaults: after
 * {@value AttemptLimiter#DEFAULT_FAILURES_BEFORE_LOCK} consecutive failures the account is
 * locked for 15 minutes, each further lock twice as long as the one before, up to 24 hours; a
 * success clears everything; after {@value AttemptLimiter#MAX_CONSECUTIVE_FAILURES} consecutive
 * failures the account stays locked until {@link #recordSuccess(String)}. Lock times come from
 * the builder's clock.
 *
 * <p>Counting an attempt is one conditional statement that counts it only if the account is not
 * locked, and starts a lock when the count reaches the limit; what it returns or its row count
 * tells whether the attempt proceeds, and whether it started a lock
 * ({@link Attempt#proceedAndLock(Instant)}). Round trips: on PostgreSQL and H2 one (an upsert
 * returning the counted row: {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING},
 * {@code SELECT ... FROM FINAL TABLE (MERGE ... WHEN MATCHED AND ...)}), two when the account is
 * locked (the lock's end is read then); on PostgreSQL also two for the failure that starts a
 * lock (an {@code UPDATE} of its own, which returns the lock's end, or reads it if the account
 * is locked: the upsert counts only failures that start no lock, which keeps every other
 * failure's statement short). On MySQL and MariaDB, which have no conditional upsert
 * and whose statements return no rows: one (an {@code INSERT}) for an account without failures,
 * two (an {@code UPDATE} after the {@code INSERT} met the existing row) for one with failures;
 * the failure that starts a lock is an {@code UPDATE} of its own, run with the read of the lock's
 * end in one transaction after the first {@code UPDATE} changed nothing (four statements); a
 * locked account takes that {@code UPDATE} too (four statements as well).
 * {@link #recordSuccess(String)} is one {@code DELETE}. A failure counted before the database
 * went away stays counted.
 *
 * <p>A row exists only for an account with failures since its last success, and stays until a
 * success clears it, however old it is: forgetting a count would let an attacker who paces
 * guesses exceed the limit. So there is nothing to purge; call {@link #recordSuccess(String)}
 * for accounts you delete.
 *
 * <p>Every method throws {@link StoreException} if the database fails (the
 * {@code SQLException} is its cause; the message holds no account id), and
 * {@link IllegalArgumentException} for an account id longer than 255 chars or holding U+0000 or
 * an unpaired surrogate.
 */
public final class JdbcAttemptLimiter implements AttemptLimiter {
    /** Rounds of count-then-read before giving up on an account whose row keeps changing. */
    private static final int MAX_ROUNDS = 5;

    private final Database database;
    private final Clock clock;
    private final int failuresBeforeLock;
    private final long firstLockMillis;
    private final long maxLockMillis;
    private final int maxConsecutiveFailures;

    private JdbcAttemptLimiter(Builder builder) {
        this.database = builder.database("JdbcAttemptLimiter");
        this.clock = builder.clock();
        this.failuresBeforeLock = builder.failuresBeforeLock;
        this.firstLockMillis = builder.firstLock.toMillis();
        this.maxLockMillis = builder.maxLock.toMillis();
        this.maxConsecutiveFailures = builder.maxConsecutiveFailures;
    }

    /**
     * Starts a builder for a limiter on a data source, with the default policy; create its
     * table first with {@link OtpkitSchema#create(DataSource)} or the Flyway migrations.
     *
     * @param dataSource the database, shared by every server of the application
     * @return a new builder
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException if the database fails; whether the attempt was counted is
     *     then unknown, and the caller must not check the code
     */
    @Override
    public Attempt beginAttempt(String accountId) {
        Columns.id("accountId", accountId);
        long now = clock.millis();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Attempt> attempt = database.dialect().updateReturnsRows()
                    ? database.call(session -> countReturningTheRow(session, accountId, now))
                    : countByRowCounts(accountId, now);
            if (attempt.isPresent()) {
                return attempt.get();
            }
            // Not locked after all: a success or a lock's end came in between. Count again.
        }
        throw StoreFailure.of(database.store(), "the account's row kept changing under concurrent"
                + " attempts; the attempt was not counted");
    }

    /**
     * PostgreSQL and H2: the counting statement returns the counted row. On PostgreSQL it counts
     * only failures that start no lock, and the one that starts a lock takes a second statement.
     * Empty if the account turned out not to be locked after all.
     */
    private Optional<Attempt> countReturningTheRow(Database.Session session, String accountId, long now)
            throws SQLException {
        if (insertedFirstFailure(session, accountId, now)) {
            return Optional.of(firstFailure(now));
        }
        Optional<Attempt> counted = withPolicy(session.statement("limiter.count_failure"), accountId, now)
                .single(row -> counted(row.getInt(1), row.getInt(2), row.getLong(3)));
        if (counted.isPresent()) {
            return counted;
        }
        return session.dialect().startsLocksApart() ? countLockingFailure(session, accountId, now)
                : refusalIfLocked(session, accountId, now);
    }

    /**
     * PostgreSQL: counts the failure that starts a lock, or reads the lock that refuses the
     * attempt, in one statement. Empty if the account has no row or is not locked after all.
     */
    private Optional<Attempt> countLockingFailure(Database.Session session, String accountId, long now)
            throws SQLException {
        return withPolicy(session.statement("limiter.count_locking_failure"), accountId, now)
                .single(row -> row.getBoolean(1) ? Optional.of(counted(0, row.getInt(2), row.getLong(3)))
                        : refusal(row.getInt(2), row.getLong(3), now))
                .flatMap(attempt -> attempt);
    }

    /**
     * MySQL and MariaDB: a failure that starts no lock by its row count alone; the one that
     * starts a lock by a second {@code UPDATE}, read back in the same transaction. Empty if the
     * account turned out not to be locked after all.
     */
    private Optional<Attempt> countByRowCounts(String accountId, long now) {
        Optional<Attempt> proceeded = database.call(session -> {
            if (insertedFirstFailure(session, accountId, now)) {
                return Optional.of(firstFailure(now));
            }
            int counted = withPolicy(session.statement("limiter.count_failure"), accountId, now).update();
            return counted == 1 ? Optional.of(Attempt.proceed()) : Optional.empty();
        });
        if (proceeded.isPresent()) {
            return proceeded;
        }
        return database.transaction(session -> {
            if (withPolicy(session.statement("limiter.count_locking_failure"), accountId, now).update() == 1) {
                return session.statement("limiter.read_lock").set("account_id", accountId)
                        .single(row -> counted(0, row.getInt(1), row.getLong(2)));
            }
            return refusalIfLocked(session, accountId, now);
        });
    }

    /** Where no upsert can be conditional: inserts the row of an account's first failure, if it has none. */
    private boolean insertedFirstFailure(Database.Session session, String accountId, long now) throws SQLException {
        return !session.dialect().hasConditionalUpsert()
                && withPolicy(session.statement("limiter.insert_first_failure"), accountId, now)
                        .insertUnlessPresent();
    }

    /** The answer to an account's first failure, in the state {@link #withPolicy} inserts. */
    private Attempt firstFailure(long now) {
        return counted(firstFailureLocks() ? 0 : 1, 1, now + firstLockMillis);
    }

    /**
     * The answer to a counted failure from the row it left: a failure that started a lock
     * reset the failures since the lock to 0.
     */
    private Attempt counted(int failuresSinceLock, int consecutiveFailures, long lockedUntilMillis) {
        if (failuresSinceLock != 0) {
            return Attempt.proceed();
        }
        return Attempt.proceedAndLock(consecutiveFailures >= maxConsecutiveFailures ? Instant.MAX
                : Instant.ofEpochMilli(lockedUntilMillis));
    }

    /** Refuses the attempt if the account's row says it is locked; empty if it is not (any more). */
    private Optional<Attempt> refusalIfLocked(Database.Session session, String accountId, long now)
            throws SQLException {
        return session.statement("limiter.read_lock").set("account_id", accountId)
                .single(row -> refusal(row.getInt(1), row.getLong(2), now)).flatMap(refusal -> refusal);
    }

    /**
     * Binds the account, the time and the policy; and the state after a first failure, for the
     * statements that insert a missing row. That state comes from the same rule as the
     * statements': the failure that reaches a limit starts a lock.
     */
    private Call withPolicy(Call call, String accountId, long now) {
        boolean firstFailureLocks = firstFailureLocks();
        return call.set("account_id", accountId).set("now_ms", now)
                .set("failures_before_lock", failuresBeforeLock)
                .set("max_consecutive_failures", maxConsecutiveFailures)
                .set("max_lock_ms", maxLockMillis)
                .set("first_failures_since_lock", firstFailureLocks ? 0 : 1)
                .set("first_next_lock_ms", firstFailureLocks ? Math.min(2 * firstLockMillis, maxLockMillis)
                        : firstLockMillis)
                .set("first_locked_until_ms", firstFailureLocks ? now + firstLockMillis : Long.MIN_VALUE);
    }

    /** Whether the policy locks an account at its first failure. */
    private boolean firstFailureLocks() {
        return failuresBeforeLock == 1 || maxConsecutiveFailures == 1;
    }

    /** The refusal a row's lock gives an attempt at {@code now}; empty if the row is not locked. */
    private Optional<Attempt> refusal(int consecutiveFailures, long lockedUntilMillis, long now) {
        if (consecutiveFailures >= maxConsecutiveFailures) {
            return Optional.of(Attempt.refuse(Instant.MAX));
        }
        return now < lockedUntilMillis ? Optional.of(Attempt.refuse(Instant.ofEpochMilli(lockedUntilMillis)))
                : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code DELETE} of the account's row.
     *
     * @throws StoreException if the database fails
     */
    @Override
    public void recordSuccess(String accountId) {
        Columns.id("accountId", accountId);
        database.call(session -> session.statement("limiter.clear").set("account_id", accountId).update());
    }

    /**
     * Describes the policy.
     *
     * @return for example {@code "JdbcAttemptLimiter[5 failures lock 900 s doubling to 86400 s, stuck after 100]"}
     */
    @Override
    public String toString() {
        return "JdbcAttemptLimiter[" + failuresBeforeLock + " failures lock " + firstLockMillis / 1000
                + " s doubling to " + maxLockMillis / 1000 + " s, stuck after " + maxConsecutiveFailures + "]";
    }

    /**
     * Builds {@link JdbcAttemptLimiter} instances; the policy settings are those of
     * {@link AttemptLimiter.InMemoryBuilder}. Setters check their argument at once,
     * {@link #build()} how they go together. Not thread-safe.
     */
    public static final class Builder extends TimedStoreBuilder<Builder> {
        private static final Duration MIN_LOCK = Duration.ofSeconds(1);

        private int failuresBeforeLock = DEFAULT_FAILURES_BEFORE_LOCK;
        private Duration firstLock = DEFAULT_FIRST_LOCK;
        private Duration maxLock = DEFAULT_MAX_LOCK;
        private int maxConsecutiveFailures = MAX_CONSECUTIVE_FAILURES;

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        /**
         * Sets how many consecutive failures start a lock; default 5.
         *
         * @param failures 1 to 100
         * @return this builder
         * @throws IllegalArgumentException if {@code failures} is out of range
         */
        public Builder failuresBeforeLock(int failures) {
            if (failures < 1 || failures > MAX_CONSECUTIVE_FAILURES) {
                throw new IllegalArgumentException("failuresBeforeLock must be 1 to " + MAX_CONSECUTIVE_FAILURES
                        + ", was " + failures);
            }
            this.failuresBeforeLock = failures;
            return this;
        }

        /**
         * Sets the first lock's length and the cap that doubling lock lengths stop at; default
         * 15 minutes and 24 hours. Lengths count in milliseconds.
         *
         * @param first the first lock, 1 second to 365 days
         * @param max the longest lock, from {@code first} to 365 days
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if a length is out of range or {@code max} is shorter
         *     than {@code first}
         */
        public Builder lockDurations(Duration first, Duration max) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(max, "max");
            if (first.compareTo(MIN_LOCK) < 0 || max.compareTo(MAX_LOCK) > 0 || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("lock durations must be 1 s to 365 days (PT8760H) with the"
                        + " longest at least the first, were " + first + " and " + max);
            }
            this.firstLock = first;
            this.maxLock = max;
            return this;
        }

        /**
         * Sets after how many consecutive failures, across locks, the account stays locked until
         * {@link AttemptLimiter#recordSuccess(String)}; default and most 100.
         *
         * @param failures from {@link #failuresBeforeLock(int)} to 100; checked against it by
         *     {@link #build()}
         * @return this builder
         * @throws IllegalArgumentException if {@code failures} is not 1 to 100
         */
        public Builder maxConsecutiveFailures(int failures) {
            if (failures < 1 || failures > MAX_CONSECUTIVE_FAILURES) {
                throw new IllegalArgumentException("maxConsecutiveFailures must be 1 to "
                        + MAX_CONSECUTIVE_FAILURES + ", was " + failures);
            }
            this.maxConsecutiveFailures = failures;
            return this;
        }

        /**
         * Builds the limiter. It connects on first use, not now.
         *
         * @return the limiter
         * @throws IllegalArgumentException if the consecutive-failure limit is below the failures
         *     before a lock
         */
        public JdbcAttemptLimiter build() {
            if (maxConsecutiveFailures < failuresBeforeLock) {
                throw new IllegalArgumentException("maxConsecutiveFailures (" + maxConsecutiveFailures
                        + ") must be at least failuresBeforeLock (" + failuresBeforeLock + ")");
            }
            return new JdbcAttemptLimiter(this);
        }
    }
}
