package dev.otpkit.core;

import dev.otpkit.core.internal.AccountTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The bounded in-memory {@link AttemptLimiter}: one small entry per account with failures since
 * its last success, changed under that entry's monitor (see {@link AccountTable}). Made by
 * {@link AttemptLimiter.InMemoryBuilder}.
 *
 * <p>An entry is dropped only when a success clears it, never because time passed: forgetting
 * a count, however old, would let an attacker who paces guesses below the lock threshold exceed
 * {@link AttemptLimiter#MAX_CONSECUTIVE_FAILURES} failures in a row. No entry with failures is
 * safe to evict, so a table full of them refuses attempts of accounts it does not track.
 */
final class InMemoryAttemptLimiter implements AttemptLimiter {
    private final int failuresBeforeLock;
    private final long firstLockMillis;
    private final long maxLockMillis;
    private final int maxConsecutiveFailures;
    private final Clock clock;
    private final AccountTable<Failures> table;

    /** The state of one account; fields are read and written under its monitor only. */
    private final class Failures extends AccountTable.Entry {
        /** Failures since the last lock began (or since the last success). */
        int sinceLock;
        /** Failures since the last success, across locks. */
        int consecutive;
        /** Locks begun since the last success; each doubles the next lock's length. */
        int locks;
        long lockedUntilMillis = Long.MIN_VALUE;

        /** Refuses the attempt if locked, else counts it as a failure, locking at the limit. */
        Attempt begin(long now, long unused) {
            if (consecutive >= maxConsecutiveFailures || now < lockedUntilMillis) {
                return Attempt.refuse(lockedUntil());
            }
            sinceLock++;
            consecutive++;
            if (sinceLock < failuresBeforeLock && consecutive < maxConsecutiveFailures) {
                return Attempt.proceed();
            }
            lockedUntilMillis = saturatedAdd(now, lockMillis(locks));
            locks++;
            sinceLock = 0;
            return Attempt.proceedAndLock(lockedUntil());
        }

        /** The end of the lock in force: never, once the consecutive failures reached the limit. */
        private Instant lockedUntil() {
            return consecutive >= maxConsecutiveFailures ? Instant.MAX : Instant.ofEpochMilli(lockedUntilMillis);
        }

        /** Forgets the failures and locks: the entry is then dropped. */
        Boolean clear(long unused, long alsoUnused) {
            consecutive = 0;
            return Boolean.TRUE;
        }

        /** Kept until a success clears the failures, however long ago they were. */
        @Override
        protected long forgetAtMillis() {
            return consecutive == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * Makes a limiter; the arguments are checked by the builder.
     *
     * @param failuresBeforeLock consecutive failures that start a lock
     * @param firstLockMillis the first lock's length
     * @param maxLockMillis the longest lock
     * @param maxConsecutiveFailures failures after which the account stays locked until reset
     * @param maxEntries the most accounts tracked
     * @param clock the time source
     */
    InMemoryAttemptLimiter(int failuresBeforeLock, long firstLockMillis, long maxLockMillis,
            int maxConsecutiveFailures, int maxEntries, Clock clock) {
        this.failuresBeforeLock = failuresBeforeLock;
        this.firstLockMillis = firstLockMillis;
        this.maxLockMillis = maxLockMillis;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.clock = clock;
        this.table = new AccountTable<>("the in-memory AttemptLimiter", maxEntries, Failures::new);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A table full of accounts with failures, which only successes clear, cannot tell when
     * room frees: its {@link StoreFullException} has no retry time.
     */
    @Override
    public Attempt beginAttempt(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        long now = clock.millis();
        return table.update(accountId, now, Failures::begin, now, 0);
    }

    /** The length of the lock that follows {@code earlierLocks} locks: doubling, capped. */
    private long lockMillis(int earlierLocks) {
        long length = firstLockMillis;
        for (int i = 0; i < earlierLocks && length < maxLockMillis; i++) {
            length *= 2;
        }
        return Math.min(length, maxLockMillis);
    }

    @Override
    public void recordSuccess(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        table.updateIfPresent(accountId, clock.millis(), Failures::clear, 0, 0, Boolean.FALSE);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public String toString() {
        return "InMemoryAttemptLimiter[" + failuresBeforeLock + " failures lock " + firstLockMillis / 1000
                + " s doubling to " + maxLockMillis / 1000 + " s, " + table.size() + " of " + table.maxEntries()
                + " accounts tracked]";
    }
}
