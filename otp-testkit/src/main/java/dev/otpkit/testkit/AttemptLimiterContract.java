package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.AttemptLimiter.Attempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AttemptLimiter}, as its javadoc states it, under a lock policy the kit
 * chooses: extend this class in your tests and make {@link #newLimiter(Clock, Policy)}
 * return your limiter configured with the given {@link Policy}, and every test below runs
 * against it. Each test name says the behaviour it checks.
 *
 * <pre>{@code
 * class JdbcAttemptLimiterTest extends AttemptLimiterContract {
 *     @Override
 *     protected AttemptLimiter newLimiter(Clock clock, Policy policy) {
 *         truncateTables();                       // each test starts from an empty store
 *         return new MyJdbcAttemptLimiter(dataSource, clock, policy.failuresBeforeLock(),
 *                 policy.firstLock(), policy.maxLock(), policy.maxConsecutiveFailures());
 *     }
 * }
 * }</pre>
 *
 * <p>Covered: attempts proceed until the policy's failures before lock, then a lock whose end is
 * the retry time, doubling up to the longest lock (a doubling of the first or not); the attempt
 * that starts a lock says so, with the lock's end; attempts refused while locked count nothing; a
 * success clears failures, lock and doubling; failures are never forgotten without a success, up
 * to a lock until reset ({@link Instant#MAX}); accounts kept apart, whatever characters their ids
 * hold; null ids refused; of 32 concurrent attempts, exactly as many proceed as failures remain
 * before the lock, one of them starting it, and none is lost. A limiter with a bound extends
 * {@link BoundedAttemptLimiterContract} instead, which adds the tests of the bound.
 */
public abstract class AttemptLimiterContract extends StoreContract {
    /**
     * The policy of most tests: small numbers, so that a lock, the doubling, its cap and the
     * lock until reset are all reached in a few attempts.
     */
    static final Policy POLICY = new Policy(3, Duration.ofMinutes(1), Duration.ofMinutes(4), 15);

    /** For subclasses. */
    protected AttemptLimiterContract() {
    }

    /**
     * A lock policy, in the terms of otpkit's limiters ({@link AttemptLimiter.InMemoryBuilder}):
     * after {@code failuresBeforeLock} consecutive failures an account is locked for
     * {@code firstLock}; each further lock lasts twice as long as the one before, up to
     * {@code maxLock}; after {@code maxConsecutiveFailures} failures without a success the
     * account stays locked until {@link AttemptLimiter#recordSuccess(String)}. A success clears
     * all of it.
     *
     * @param failuresBeforeLock consecutive failures that start a lock, 1 to 100
     * @param firstLock the first lock's length, 1 second to {@link AttemptLimiter#MAX_LOCK}
     * @param maxLock the longest lock, from {@code firstLock} to {@link AttemptLimiter#MAX_LOCK}
     * @param maxConsecutiveFailures failures after which the account stays locked until a
     *     success, from {@code failuresBeforeLock} to 100
     */
    public record Policy(int failuresBeforeLock, Duration firstLock, Duration maxLock, int maxConsecutiveFailures) {
        /** otpkit's default policy: 5 failures, 15 minutes doubling up to 24 hours, 100 in a row. */
        public static final Policy DEFAULT = new Policy(AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK,
                AttemptLimiter.DEFAULT_FIRST_LOCK, AttemptLimiter.DEFAULT_MAX_LOCK,
                AttemptLimiter.MAX_CONSECUTIVE_FAILURES);

        /**
         * Checks the policy as otpkit's limiter builders do.
         *
         * @param failuresBeforeLock consecutive failures that start a lock, 1 to 100
         * @param firstLock the first lock's length, 1 second to 365 days
         * @param maxLock the longest lock, from {@code firstLock} to 365 days
         * @param maxConsecutiveFailures failures after which the account stays locked until a
         *     success, from {@code failuresBeforeLock} to 100
         * @throws NullPointerException if a duration is null
         * @throws IllegalArgumentException if a value is out of its range
         */
        public Policy {
            Objects.requireNonNull(firstLock, "firstLock");
            Objects.requireNonNull(maxLock, "maxLock");
            if (failuresBeforeLock < 1 || maxConsecutiveFailures < failuresBeforeLock
                    || maxConsecutiveFailures > AttemptLimiter.MAX_CONSECUTIVE_FAILURES) {
                throw new IllegalArgumentException("failures must be 1 <= failuresBeforeLock <= maxConsecutiveFailures"
                        + " <= 100, were " + failuresBeforeLock + " and " + maxConsecutiveFailures);
            }
            if (firstLock.compareTo(Duration.ofSeconds(1)) < 0 || maxLock.compareTo(firstLock) < 0
                    || maxLock.compareTo(AttemptLimiter.MAX_LOCK) > 0) {
                throw new IllegalArgumentException("locks must be 1 s <= firstLock <= maxLock <= 365 days, were "
                        + firstLock + " and " + maxLock);
            }
        }

        /**
         * Returns the length of the lock that follows {@code earlierLocks} locks since the last
         * success: {@code firstLock} doubled that many times, capped at {@code maxLock}.
         *
         * @param earlierLocks locks since the last success, 0 or more
         * @return the lock's length
         * @throws IllegalArgumentException if {@code earlierLocks} is negative
         */
        public Duration lockAfter(int earlierLocks) {
            if (earlierLocks < 0) {
                throw new IllegalArgumentException("earlierLocks must be 0 or more, was " + earlierLocks);
            }
            Duration length = firstLock;
            for (int i = 0; i < earlierLocks && length.compareTo(maxLock) < 0; i++) {
                length = length.multipliedBy(2);
            }
            return length.compareTo(maxLock) < 0 ? length : maxLock;
        }
    }

    /**
     * Makes the limiter under test. Called once by each test, which owns the limiter; it must
     * have counted nothing yet (for a database store: empty its table here).
     *
     * @param clock the time the limiter must read to start and end locks; the tests move it
     * @param policy the lock policy the limiter must apply
     * @return a new, empty limiter
     */
    protected abstract AttemptLimiter newLimiter(Clock clock, Policy policy);

    private AttemptLimiter limiter() {
        return newLimiter(clock(), POLICY);
    }

    /** Makes {@code count} attempts, each of which must proceed. */
    static void proceed(AttemptLimiter limiter, String accountId, int count) {
        for (int i = 1; i <= count; i++) {
            int attempt = i;
            assertTrue(limiter.beginAttempt(accountId).proceeds(),
                    () -> "attempt " + attempt + " of " + Ids.show(accountId) + " should proceed");
        }
    }

    /** Checks that the next attempt is refused with a lock of {@code length} starting now. */
    void assertLockedFor(AttemptLimiter limiter, String accountId, Duration length) {
        assertEquals(Attempt.refuse(clock().instant().plus(length)), limiter.beginAttempt(accountId),
                () -> "a lock of " + length + " from " + clock().instant());
    }

    /** Makes {@code rounds} rounds of failures, each ending in a lock that the clock waits out. */
    private void waitOutLocks(AttemptLimiter limiter, String accountId, int rounds) {
        for (int round = 0; round < rounds; round++) {
            proceed(limiter, accountId, POLICY.failuresBeforeLock());
            assertLockedFor(limiter, accountId, POLICY.lockAfter(round));
            clock().advance(POLICY.lockAfter(round));
        }
    }

    /**
     * The first failures-before-lock attempts proceed; the next is refused until the end of the
     * first lock, which starts with the last attempt that proceeded.
     */
    @Test
    public void letsFailuresBeforeLockProceedThenLocksForTheFirstLock() {
        AttemptLimiter limiter = limiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        assertLockedFor(limiter, "alice", POLICY.firstLock());
    }

    /**
     * The attempt whose failure reaches the limit proceeds and says that it started a lock, with
     * the lock's end ({@link Attempt#proceedAndLock(Instant)}), so that a service can report the
     * lock once; the attempts before it say nothing of a lock, and so does the one that reaches
     * the most consecutive failures, except that its lock lasts until reset.
     */
    @Test
    public void answersTheAttemptThatStartsALockWithTheLocksEnd() {
        AttemptLimiter limiter = limiter();
        for (int round = 0; round < POLICY.maxConsecutiveFailures() / POLICY.failuresBeforeLock(); round++) {
            for (int i = 1; i < POLICY.failuresBeforeLock(); i++) {
                assertEquals(Attempt.proceed(), limiter.beginAttempt("alice"), "round " + round + ", attempt " + i);
            }
            boolean last = (round + 1) * POLICY.failuresBeforeLock() >= POLICY.maxConsecutiveFailures();
            Instant end = last ? Instant.MAX : clock().instant().plus(POLICY.lockAfter(round));
            assertEquals(Attempt.proceedAndLock(end), limiter.beginAttempt("alice"), "round " + round);
            assertEquals(Attempt.refuse(end), limiter.beginAttempt("alice"), "round " + round);
            clock().advance(POLICY.lockAfter(round));
        }
    }

    /** While locked, every attempt is refused with the same retry time. */
    @Test
    public void keepsTheSameRetryTimeWhileLocked() {
        AttemptLimiter limiter = limiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        Attempt lockedUntil = limiter.beginAttempt("alice");
        clock().advance(Duration.ofSeconds(30));
        assertEquals(lockedUntil, limiter.beginAttempt("alice"), "30 s into the lock");
    }

    /** The lock ends at its retry time exactly: a millisecond before, attempts are refused. */
    @Test
    public void letsAttemptsProceedAgainWhenTheLockEnds() {
        AttemptLimiter limiter = limiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        Instant lockedUntil = limiter.beginAttempt("alice").lockedUntil().orElseThrow();
        clock().set(lockedUntil.minusMillis(1));
        assertEquals(Attempt.refuse(lockedUntil), limiter.beginAttempt("alice"), "a millisecond before the end");
        clock().set(lockedUntil);
        assertEquals(Attempt.proceed(), limiter.beginAttempt("alice"), "at the end of the lock");
    }

    /**
     * An attempt refused while locked counts nothing: after the lock, failures-before-lock
     * attempts proceed again before the second lock.
     */
    @Test
    public void countsNoAttemptRefusedWhileLocked() {
        AttemptLimiter limiter = limiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        Instant lockedUntil = limiter.beginAttempt("alice").lockedUntil().orElseThrow();
        for (int i = 0; i < 10; i++) {
            assertEquals(Attempt.refuse(lockedUntil), limiter.beginAttempt("alice"));
        }
        clock().set(lockedUntil);
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        assertLockedFor(limiter, "alice", POLICY.lockAfter(1));
    }

    /** Each lock lasts twice as long as the one before, up to the longest lock. */
    @Test
    public void doublesEachLockUpToTheLongest() {
        AttemptLimiter limiter = limiter();
        for (Duration lock : List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(4))) {
            proceed(limiter, "alice", POLICY.failuresBeforeLock());
            assertLockedFor(limiter, "alice", lock);
            clock().advance(lock);
        }
    }

    /**
     * The doubling stops at the longest lock even where that is no doubling of the first: with
     * one failure before each lock, locks of 10, 20, then 25 seconds, the longest, and 25 again.
     */
    @Test
    public void capsTheDoublingAtALongestLockThatIsNoDoubling() {
        Policy uneven = new Policy(1, Duration.ofSeconds(10), Duration.ofSeconds(25), 100);
        AttemptLimiter limiter = newLimiter(clock(), uneven);
        for (long seconds : new long[] {10, 20, 25, 25}) {
            proceed(limiter, "alice", 1);
            assertLockedFor(limiter, "alice", Duration.ofSeconds(seconds));
            clock().advance(Duration.ofSeconds(seconds));
        }
    }

    /** A success before the lock clears the failures counted so far. */
    @Test
    public void successClearsTheFailures() {
        AttemptLimiter limiter = limiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock() - 1);
        limiter.recordSuccess("alice");
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        assertLockedFor(limiter, "alice", POLICY.firstLock());
    }

    /** A success unlocks a locked account at once: the way to unlock an account on purpose. */
    @Test
    public void successUnlocksALockedAccount() {
        AttemptLimiter limiter = limiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        assertFalse(limiter.beginAttempt("alice").proceeds());
        limiter.recordSuccess("alice");
        assertEquals(Attempt.proceed(), limiter.beginAttempt("alice"));
    }

    /** After a success, the next lock is a first lock again: the doubling starts anew. */
    @Test
    public void successStartsTheLockScheduleAnew() {
        AttemptLimiter limiter = limiter();
        waitOutLocks(limiter, "alice", 2);
        limiter.recordSuccess("alice");
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        assertLockedFor(limiter, "alice", POLICY.firstLock());
    }

    /**
     * After the policy's most consecutive failures the account is locked until a success,
     * answered as {@link Instant#MAX}, even a year later.
     */
    @Test
    public void staysLockedUntilResetAfterTheMostConsecutiveFailures() {
        AttemptLimiter limiter = limiter();
        int rounds = POLICY.maxConsecutiveFailures() / POLICY.failuresBeforeLock();
        waitOutLocks(limiter, "alice", rounds - 1);
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt("alice"), POLICY.maxConsecutiveFailures()
                + " consecutive failures");
        clock().advance(Duration.ofDays(365));
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt("alice"), "a year later");
        limiter.recordSuccess("alice");
        assertEquals(Attempt.proceed(), limiter.beginAttempt("alice"), "after a success");
    }

    /**
     * Failures are never forgotten without a success, however slowly they come: guessing one
     * attempt below the lock each day still ends locked until reset.
     */
    @Test
    public void neverForgetsFailuresWithoutASuccess() {
        AttemptLimiter limiter = limiter();
        int proceeded = 0;
        for (int day = 0; day < POLICY.maxConsecutiveFailures(); day++) {
            for (int i = 0; i < POLICY.failuresBeforeLock() - 1; i++) {
                proceeded += limiter.beginAttempt("alice").proceeds() ? 1 : 0;
            }
            clock().advance(Duration.ofDays(1));
        }
        assertEquals(POLICY.maxConsecutiveFailures(), proceeded, "attempts that proceeded, paced below the lock");
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt("alice"));
    }

    /** One account's lock leaves another account's attempts alone. */
    @Test
    public void keepsAccountsApart() {
        AttemptLimiter limiter = limiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock());
        assertFalse(limiter.beginAttempt("alice").proceeds());
        proceed(limiter, "bob", POLICY.failuresBeforeLock());
    }

    /**
     * Account ids are compared as they are: empty, blanks, separators, case,
     * accents, trailing spaces, characters outside the Basic Multilingual Plane and SQL
     * wildcards each name an account of their own.
     */
    @Test
    public void keepsUnusualAccountIdsApart() {
        AttemptLimiter limiter = limiter();
        for (String id : Ids.UNUSUAL) {
            proceed(limiter, id, POLICY.failuresBeforeLock());
        }
        for (String id : Ids.UNUSUAL) {
            assertLockedFor(limiter, id, POLICY.firstLock());
        }
    }

    /**
     * Ids at and beyond the limits: each id of up to 255 chars of well-formed Unicode without
     * U+0000 (of one, three and four bytes in UTF-8) is kept exactly; a longer one, or one with
     * U+0000 or an unpaired surrogate, is kept exactly too or refused with
     * {@link IllegalArgumentException}, never cut short, changed or taken for another; a success for a refused id clears no other account.
     */
    @Test
    public void keepsHardAccountIdsExactlyOrRefusesThem() {
        AttemptLimiter limiter = limiter();
        assertKeepsHardIdsExactlyOrRefusesThem(id -> proceed(limiter, id, POLICY.failuresBeforeLock()),
                id -> assertLockedFor(limiter, id, POLICY.firstLock()), limiter::recordSuccess);
    }

    /** A success clears its own account only; for an account without failures it does nothing. */
    @Test
    public void successClearsOnlyItsOwnAccount() {
        AttemptLimiter limiter = limiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock() - 1);
        limiter.recordSuccess("bob");
        limiter.recordSuccess("alice/bob");
        proceed(limiter, "alice", 1);
        assertLockedFor(limiter, "alice", POLICY.firstLock());
    }

    /** Account ids are required. */
    @Test
    public void refusesNullAccountIds() {
        AttemptLimiter limiter = limiter();
        assertThrows(NullPointerException.class, () -> limiter.beginAttempt(null));
        assertThrows(NullPointerException.class, () -> limiter.recordSuccess(null));
    }

    /**
     * Of 32 concurrent attempts on one account under otpkit's default policy, exactly as many
     * proceed as failures remain before the lock: 5 on a new account, 2 on one with 3 failures;
     * exactly one of them says that it started the lock, and the others are refused. Five rounds,
     * each on an account of its own.
     */
    @Test
    public void letsExactlyTheRemainingFailuresOfConcurrentAttemptsProceed() {
        AttemptLimiter limiter = newLimiter(clock(), Policy.DEFAULT);
        int failuresBeforeLock = Policy.DEFAULT.failuresBeforeLock();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String account = "alice-" + round;
            assertConcurrentAttemptsProceed(limiter, account, failuresBeforeLock, "a new account");
            limiter.recordSuccess(account);
            proceed(limiter, account, 3);
            assertConcurrentAttemptsProceed(limiter, account, failuresBeforeLock - 3, "an account with 3 failures");
        }
    }

    private static void assertConcurrentAttemptsProceed(AttemptLimiter limiter, String accountId, int expected,
            String which) {
        List<Attempt> attempts = Race.run(RACERS, () -> limiter.beginAttempt(accountId));
        assertEquals(expected, attempts.stream().filter(Attempt::proceeds).count(), () -> "attempts that proceeded of "
                + RACERS + " concurrent ones on " + which);
        assertEquals(1, attempts.stream().filter(Attempt::startsLock).count(), () -> "attempts that started the lock"
                + " of " + RACERS + " concurrent ones on " + which);
    }

    /**
     * Every one of 32 concurrent attempts is counted: with 100 failures before the lock, all 32
     * proceed, and then exactly 68 more before the account is locked.
     */
    @Test
    public void countsEveryOneOfConcurrentAttempts() {
        Policy hundred = new Policy(100, Duration.ofMinutes(1), Duration.ofMinutes(1), 100);
        AttemptLimiter limiter = newLimiter(clock(), hundred);
        List<Boolean> proceeded = Race.run(RACERS, () -> limiter.beginAttempt("alice").proceeds());
        assertEquals(RACERS, Collections.frequency(proceeded, true), "concurrent attempts that proceeded");
        proceed(limiter, "alice", hundred.failuresBeforeLock() - RACERS);
        assertFalse(limiter.beginAttempt("alice").proceeds(), "the 101st attempt: every racer was counted");
    }

    /** A lock of the longest length otpkit allows, 365 days, starts and ends like any other. */
    @Test
    public void honoursTheLongestLockAllowed() {
        Policy yearly = new Policy(1, AttemptLimiter.MAX_LOCK, AttemptLimiter.MAX_LOCK, 100);
        AttemptLimiter limiter = newLimiter(clock(), yearly);
        proceed(limiter, "alice", 1);
        assertLockedFor(limiter, "alice", AttemptLimiter.MAX_LOCK);
        clock().advance(AttemptLimiter.MAX_LOCK);
        proceed(limiter, "alice", 1);
        assertLockedFor(limiter, "alice", AttemptLimiter.MAX_LOCK);
    }
}
