package dev.otpkit.core;

import static dev.otpkit.core.ValueAssertions.assertHashesApart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.AttemptLimiter.Attempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final AttemptLimiter limiter = AttemptLimiter.inMemoryBuilder().clock(clock).build();

    /** Makes {@code count} failed attempts, each of which must be allowed to proceed. */
    private void fail(String account, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(limiter.beginAttempt(account).proceeds(), "attempt " + (i + 1));
        }
    }

    @Test
    void allowsFiveAttemptsThenLocksForFifteenMinutes() {
        fail("alice", 5);
        assertEquals(Attempt.refuse(START.plus(Duration.ofMinutes(15))), limiter.beginAttempt("alice"));
    }

    @Test
    void answersTheAttemptThatStartsALockWithTheLocksEnd() {
        for (int i = 0; i < 4; i++) {
            assertEquals(Attempt.proceed(), limiter.beginAttempt("alice"), "attempt " + (i + 1));
        }
        Attempt fifth = limiter.beginAttempt("alice");
        assertEquals(Attempt.proceedAndLock(START.plus(Duration.ofMinutes(15))), fifth);
        assertTrue(fifth.proceeds(), "the attempt that reaches the limit still checks its code");
        assertTrue(fifth.startsLock());
        Attempt refused = limiter.beginAttempt("alice");
        assertFalse(refused.startsLock(), "a refused attempt starts nothing");
        assertEquals(fifth.lockedUntil(), refused.lockedUntil());
    }

    @Test
    void answersTheHundredthConsecutiveFailureWithALockUntilReset() {
        for (int failures = 0; failures < AttemptLimiter.MAX_CONSECUTIVE_FAILURES - 5; failures += 5) {
            fail("alice", 5);
            clock.advance(Duration.ofDays(1));
        }
        fail("alice", 4);
        assertEquals(Attempt.proceedAndLock(Instant.MAX), limiter.beginAttempt("alice"));
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt("alice"));
    }

    @Test
    void describesAndComparesAttempts() {
        Instant end = START.plus(Duration.ofMinutes(15));
        assertEquals("Attempt[proceed]", Attempt.proceed().toString());
        assertEquals("Attempt[proceed, locked until 2026-01-01T00:15:00Z]", Attempt.proceedAndLock(end).toString());
        assertEquals("Attempt[refused, locked until reset]", Attempt.refuse(Instant.MAX).toString());
        assertEquals(Attempt.refuse(end).hashCode(), Attempt.refuse(end).hashCode());
        assertNotEquals(Attempt.refuse(end), Attempt.proceedAndLock(end));
        assertNotEquals(Attempt.refuse(end), Attempt.refuse(Instant.MAX));
        assertEquals(Optional.empty(), Attempt.proceed().lockedUntil());
        assertFalse(Attempt.proceed().startsLock());
        assertThrows(NullPointerException.class, () -> Attempt.refuse(null));
        assertThrows(NullPointerException.class, () -> Attempt.proceedAndLock(null));
    }

    @Test
    void successBeforeTheFifthFailureClearsTheCount() {
        fail("alice", 4);
        limiter.recordSuccess("alice");
        fail("alice", 4);
        limiter.beginAttempt("alice");
        limiter.recordSuccess("alice");
        fail("alice", 5);
    }

    @Test
    void acceptsAttemptsAgainWhenTheLockEnds() {
        fail("alice", 5);
        clock.advance(Duration.ofMinutes(15).minusMillis(1));
        assertFalse(limiter.beginAttempt("alice").proceeds());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Attempt.proceed(), limiter.beginAttempt("alice"));
    }

    @Test
    void doublesEachLockUpToTwentyFourHours() {
        long[] expectedMinutes = {15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440};
        for (long minutes : expectedMinutes) {
            fail("alice", 5);
            Instant lockedAt = clock.instant();
            assertEquals(Attempt.refuse(lockedAt.plus(Duration.ofMinutes(minutes))), limiter.beginAttempt("alice"));
            clock.advance(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void successResetsTheDoubling() {
        fail("alice", 5);
        clock.advance(Duration.ofMinutes(15));
        fail("alice", 5);
        clock.advance(Duration.ofMinutes(30));
        limiter.beginAttempt("alice");
        limiter.recordSuccess("alice");
        fail("alice", 5);
        assertEquals(Attempt.refuse(clock.instant().plus(Duration.ofMinutes(15))), limiter.beginAttempt("alice"));
    }

    @Test
    void oneAccountsLockLeavesAnotherAlone() {
        fail("alice", 5);
        assertFalse(limiter.beginAttempt("alice").proceeds());
        fail("bob", 5);
    }

    @Test
    void staysLockedAfterOneHundredConsecutiveFailuresUntilReset() {
        for (int failures = 0; failures < AttemptLimiter.MAX_CONSECUTIVE_FAILURES; failures += 5) {
            fail("alice", 5);
            clock.advance(Duration.ofDays(1));
        }
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt("alice"));
        assertEquals("Verification[LOCKED until reset]", Verification.locked(Instant.MAX).toString());
        clock.advance(Duration.ofDays(365));
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt("alice"));
        limiter.recordSuccess("alice");
        assertEquals(Attempt.proceed(), limiter.beginAttempt("alice"));
    }

    @Test
    void neverForgetsFailuresWithoutASuccess() {
        int allowed = 0;
        for (int day = 0; day < 60; day++) {
            for (int i = 0; i < 4; i++) {
                allowed += limiter.beginAttempt("alice").proceeds() ? 1 : 0;
            }
            clock.advance(Duration.ofDays(1));
        }
        assertEquals(AttemptLimiter.MAX_CONSECUTIVE_FAILURES, allowed, "4 guesses a day for 60 days");
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt("alice"));
    }

    @Test
    void honoursACustomPolicy() {
        AttemptLimiter strict = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(3)
                .lockDurations(Duration.ofMinutes(1), Duration.ofMinutes(3)).maxConsecutiveFailures(15).build();
        long[] expectedMinutes = {1, 2, 3, 3};
        for (long minutes : expectedMinutes) {
            Instant lockEnd = clock.instant().plus(Duration.ofMinutes(minutes));
            assertEquals(Attempt.proceed(), strict.beginAttempt("alice"));
            assertEquals(Attempt.proceed(), strict.beginAttempt("alice"));
            assertEquals(Attempt.proceedAndLock(lockEnd), strict.beginAttempt("alice"));
            assertEquals(Attempt.refuse(lockEnd), strict.beginAttempt("alice"));
            clock.advance(Duration.ofMinutes(minutes));
        }
        assertEquals(Attempt.proceed(), strict.beginAttempt("alice"));
        assertEquals(Attempt.proceed(), strict.beginAttempt("alice"));
        assertEquals(Attempt.proceedAndLock(Instant.MAX), strict.beginAttempt("alice"), "15 consecutive failures");
        assertEquals(Attempt.refuse(Instant.MAX), strict.beginAttempt("alice"));
    }

    @Test
    void letsNoMoreParallelAttemptsThroughThanTheLimit() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            Callable<Boolean> attempt = () -> {
                start.await();
                return limiter.beginAttempt("alice").proceeds();
            };
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int proceeded = 0;
            for (Future<Boolean> result : results) {
                proceeded += result.get() ? 1 : 0;
            }
            assertEquals(AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK, proceeded);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAPolicyAboveOneHundredConsecutiveFailures() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> AttemptLimiter.inMemoryBuilder().failuresBeforeLock(101).build());
        assertEquals("failuresBeforeLock must be 1 to 100, was 101", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AttemptLimiter.inMemoryBuilder().maxConsecutiveFailures(101).build());
        assertThrows(IllegalArgumentException.class,
                () -> AttemptLimiter.inMemoryBuilder().failuresBeforeLock(10).maxConsecutiveFailures(9).build());
    }

    @Test
    void refusesLockDurationsBeyondAYear() {
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class, () -> AttemptLimiter
                .inMemoryBuilder().lockDurations(Duration.ofHours(1), Duration.ofSeconds(Long.MAX_VALUE)).build());
        assertEquals("lock durations must be 1 s to 365 days (PT8760H) with the longest at least the first,"
                + " were PT1H and PT2562047788015215H30M7S", huge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttemptLimiter.inMemoryBuilder()
                .lockDurations(Duration.ofDays(366), Duration.ofDays(366)).build());
        assertThrows(IllegalArgumentException.class, () -> AttemptLimiter.inMemoryBuilder()
                .lockDurations(Duration.ofDays(1), AttemptLimiter.MAX_LOCK.plusMillis(1)).build());
    }

    @Test
    void locksForAYearAtTheLongestAllowed() {
        AttemptLimiter yearly = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(1)
                .lockDurations(AttemptLimiter.MAX_LOCK, AttemptLimiter.MAX_LOCK).build();
        assertEquals(Attempt.proceedAndLock(START.plus(AttemptLimiter.MAX_LOCK)), yearly.beginAttempt("alice"));
        assertEquals(Attempt.refuse(START.plus(AttemptLimiter.MAX_LOCK)), yearly.beginAttempt("alice"));
        clock.advance(AttemptLimiter.MAX_LOCK);
        Instant secondEnd = clock.instant().plus(AttemptLimiter.MAX_LOCK);
        assertEquals(Attempt.proceedAndLock(secondEnd), yearly.beginAttempt("alice"));
        assertEquals(Attempt.refuse(secondEnd), yearly.beginAttempt("alice"),
                "doubling stops at the cap rather than overflowing");
    }

    @Test
    void refusesBadLockDurationsAndBounds() {
        assertThrows(IllegalArgumentException.class, () -> AttemptLimiter.inMemoryBuilder()
                .lockDurations(Duration.ofMillis(999), Duration.ofHours(1)).build());
        assertThrows(IllegalArgumentException.class, () -> AttemptLimiter.inMemoryBuilder()
                .lockDurations(Duration.ofHours(2), Duration.ofHours(1)).build());
        assertThrows(IllegalArgumentException.class, () -> AttemptLimiter.inMemoryBuilder().maxEntries(0).build());
        assertThrows(NullPointerException.class, () -> limiter.beginAttempt(null));
    }

    @Test
    void inMemoryHasTheDefaultPolicyOnTheSystemClock() {
        AttemptLimiter defaults = AttemptLimiter.inMemory();
        for (int i = 1; i < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; i++) {
            assertEquals(Attempt.proceed(), defaults.beginAttempt("alice"));
        }
        Instant before = Instant.ofEpochMilli(Clock.systemUTC().millis());
        Attempt last = defaults.beginAttempt("alice");
        Instant after = Instant.ofEpochMilli(Clock.systemUTC().millis());
        assertTrue(last.startsLock(), last::toString);
        Instant lockedUntil = last.lockedUntil().orElseThrow();
        assertFalse(lockedUntil.isBefore(before.plus(AttemptLimiter.DEFAULT_FIRST_LOCK)), lockedUntil::toString);
        assertFalse(lockedUntil.isAfter(after.plus(AttemptLimiter.DEFAULT_FIRST_LOCK)), lockedUntil::toString);
        assertEquals(Attempt.refuse(lockedUntil), defaults.beginAttempt("alice"));
    }

    @Test
    void oneHundredFailuresBeforeLockLockUntilResetAtTheHundredth() {
        AttemptLimiter patient = AttemptLimiter.inMemoryBuilder().clock(clock)
                .failuresBeforeLock(AttemptLimiter.MAX_CONSECUTIVE_FAILURES).build();
        for (int i = 1; i < AttemptLimiter.MAX_CONSECUTIVE_FAILURES; i++) {
            assertEquals(Attempt.proceed(), patient.beginAttempt("alice"), "attempt " + i);
        }
        assertEquals(Attempt.proceedAndLock(Instant.MAX), patient.beginAttempt("alice"), "the hundredth");
        assertEquals(Attempt.refuse(Instant.MAX), patient.beginAttempt("alice"));
    }

    @Test
    void consecutiveLimitEqualToFailuresBeforeLockLocksUntilResetAtTheFirstLock() {
        AttemptLimiter strict = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(3)
                .maxConsecutiveFailures(3).build();
        assertEquals(Attempt.proceed(), strict.beginAttempt("alice"));
        assertEquals(Attempt.proceed(), strict.beginAttempt("alice"));
        assertEquals(Attempt.proceedAndLock(Instant.MAX), strict.beginAttempt("alice"));
        assertEquals(Attempt.refuse(Instant.MAX), strict.beginAttempt("alice"));
    }

    /** The last failure allowed starts the lock until reset even when it starts no timed lock. */
    @Test
    void theFailureThatReachesTheConsecutiveLimitBetweenLocksStartsTheLockUntilReset() {
        AttemptLimiter strict = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(3)
                .maxConsecutiveFailures(4).build();
        assertEquals(Attempt.proceed(), strict.beginAttempt("alice"));
        assertEquals(Attempt.proceed(), strict.beginAttempt("alice"));
        assertEquals(Attempt.proceedAndLock(START.plus(AttemptLimiter.DEFAULT_FIRST_LOCK)), strict.beginAttempt("alice"));
        clock.advance(AttemptLimiter.DEFAULT_FIRST_LOCK);

        assertEquals(Attempt.proceedAndLock(Instant.MAX), strict.beginAttempt("alice"), "the fourth failure");
        assertEquals(Attempt.refuse(Instant.MAX), strict.beginAttempt("alice"));
    }

    @Test
    void attemptsThatDifferHashApart() {
        Instant end = START.plus(Duration.ofMinutes(15));
        assertHashesApart(Attempt.proceed(), Attempt.proceedAndLock(end), Attempt.refuse(end),
                Attempt.refuse(Instant.MAX));
    }

    @Test
    void doublesLocksFromTheShortestFirstLockOfOneSecond() {
        AttemptLimiter quick = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(1)
                .lockDurations(Duration.ofSeconds(1), Duration.ofSeconds(4)).build();
        for (long seconds : new long[] {1, 2, 4, 4}) {
            Instant lockEnd = clock.instant().plusSeconds(seconds);
            assertEquals(Attempt.proceedAndLock(lockEnd), quick.beginAttempt("alice"));
            assertEquals(Attempt.refuse(lockEnd), quick.beginAttempt("alice"));
            clock.advance(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void builderChecksEachSettingAtOnce() {
        AttemptLimiter.InMemoryBuilder builder = AttemptLimiter.inMemoryBuilder();
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> builder.maxEntries(0));
        assertEquals("maxEntries must be at least 1, was 0", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.failuresBeforeLock(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxConsecutiveFailures(101));
        assertThrows(IllegalArgumentException.class,
                () -> builder.lockDurations(Duration.ofHours(2), Duration.ofHours(1)));
        assertThrows(NullPointerException.class, () -> builder.clock(null));
        assertEquals(Attempt.proceed(), builder.build().beginAttempt("alice"), "the refused settings left the defaults");
    }

    @Test
    void refusesAnAccountItHasNoRoomForWithoutCountingIt() {
        AttemptLimiter one = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(1).build();
        assertEquals(Attempt.proceed(), one.beginAttempt("alice"));

        StoreFullException full = assertThrows(StoreFullException.class, () -> one.beginAttempt("bob"));
        assertEquals("the in-memory AttemptLimiter is full (maxEntries 1) and every entry still matters", full.getMessage());
        one.recordSuccess("alice");
        for (int i = 0; i < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; i++) {
            assertTrue(one.beginAttempt("bob").proceeds(), "bob's refused attempt counted nothing");
        }
    }

    @Test
    void aFullLimiterCannotTellWhenRoomFreesAndTakesTheNextAccountOnceTheFirstSucceeds() {
        AttemptLimiter single = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(1).build();
        assertEquals(Attempt.proceed(), single.beginAttempt("alice"));
        clock.advance(Duration.ofDays(400));
        StoreFullException full = assertThrows(StoreFullException.class, () -> single.beginAttempt("bob"),
                "alice's failure is kept however old it is");
        assertEquals(Optional.empty(), full.retryAfter(), "only alice's success frees room");
        single.recordSuccess("alice");
        assertEquals(Attempt.proceed(), single.beginAttempt("bob"));
    }

    @Test
    void locksForFifteenMinutesFromTheEpochItself() {
        clock.set(Instant.EPOCH);
        fail("alice", 5);
        assertEquals(Attempt.refuse(Instant.EPOCH.plus(Duration.ofMinutes(15))), limiter.beginAttempt("alice"));
    }

    @Test
    void locksForFifteenMinutesOnAClockBefore1970() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59Z");
        clock.set(beforeEpoch);
        fail("alice", 5);
        assertEquals(Attempt.refuse(beforeEpoch.plus(Duration.ofMinutes(15))), limiter.beginAttempt("alice"));
    }

    @Test
    void aLockBeyondTheLastMillisecondEndsThereInsteadOfWrappingIntoThePast() {
        Instant lastMillisecond = Instant.ofEpochMilli(Long.MAX_VALUE);
        clock.set(lastMillisecond.minus(Duration.ofMinutes(1)));
        fail("alice", 5);
        assertEquals(Attempt.refuse(lastMillisecond), limiter.beginAttempt("alice"));
    }

    @Test
    void describesItsPolicyAndSizeButNoAccount() {
        fail("alice", 1);
        assertEquals("InMemoryAttemptLimiter[5 failures lock 900 s doubling to 86400 s, 1 of 100000 accounts tracked]",
                limiter.toString());
    }

    @Test
    void noneCountsNothingAndNeverLocks() {
        AttemptLimiter none = AttemptLimiter.none();
        for (int i = 0; i < 1_000; i++) {
            assertEquals(Attempt.proceed(), none.beginAttempt("alice"));
        }
        none.recordSuccess("alice");
        assertEquals("AttemptLimiter.none()", none.toString());
        assertThrows(NullPointerException.class, () -> none.beginAttempt(null));
    }
}
