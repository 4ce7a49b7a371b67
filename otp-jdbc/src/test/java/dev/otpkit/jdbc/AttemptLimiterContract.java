package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.AttemptLimiter.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttemptLimiter} with the in-memory limiter's policy must do: the SPI's
 * javadoc and the policy as tests. Each test uses accounts of its own. To be replaced or joined
 * by otp-testkit's {@code AttemptLimiterContract}.
 */
abstract class AttemptLimiterContract {
    final TestClock clock = new TestClock();

    /** A limiter on {@link #clock} with this policy. */
    abstract AttemptLimiter limiter(int failuresBeforeLock, Duration firstLock, Duration maxLock,
            int maxConsecutiveFailures);

    private AttemptLimiter defaultLimiter() {
        return limiter(AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK, AttemptLimiter.DEFAULT_FIRST_LOCK,
                AttemptLimiter.DEFAULT_MAX_LOCK, AttemptLimiter.MAX_CONSECUTIVE_FAILURES);
    }

    private void fail(AttemptLimiter limiter, String account, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(Attempt.proceed(), limiter.beginAttempt(account), "attempt " + (i + 1) + " proceeds");
        }
    }

    @Test
    void locksAfterTheFailuresBeforeLockForTheFirstLock() {
        AttemptLimiter limiter = defaultLimiter();
        String account = TestDatabase.account();
        fail(limiter, account, 5);
        Instant lockedUntil = clock.instant().plus(Duration.ofMinutes(15));
        assertEquals(Attempt.refuse(lockedUntil), limiter.beginAttempt(account));
        clock.advance(Duration.ofMinutes(15).minusMillis(1));
        assertEquals(Attempt.refuse(lockedUntil), limiter.beginAttempt(account), "a refused attempt does not extend it");
        clock.advance(Duration.ofMillis(1));
        assertEquals(Attempt.proceed(), limiter.beginAttempt(account), "the lock ends on time");
    }

    @Test
    void doublesEachFurtherLockUpToTheLongest() {
        AttemptLimiter limiter = limiter(2, Duration.ofMinutes(15), Duration.ofMinutes(50), 100);
        String account = TestDatabase.account();
        for (Duration lock : List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(50),
                Duration.ofMinutes(50))) {
            fail(limiter, account, 2);
            assertEquals(Attempt.refuse(clock.instant().plus(lock)), limiter.beginAttempt(account));
            clock.advance(lock);
        }
    }

    @Test
    void locksAtTheFirstFailureWhenOneFailureLocks() {
        AttemptLimiter limiter = limiter(1, Duration.ofSeconds(10), Duration.ofSeconds(15), 100);
        String account = TestDatabase.account();
        fail(limiter, account, 1);
        assertEquals(Attempt.refuse(clock.instant().plusSeconds(10)), limiter.beginAttempt(account));
        clock.advance(Duration.ofSeconds(10));
        fail(limiter, account, 1);
        assertEquals(Attempt.refuse(clock.instant().plusSeconds(15)), limiter.beginAttempt(account));
    }

    @Test
    void successClearsFailuresAndLocks() {
        AttemptLimiter limiter = defaultLimiter();
        String account = TestDatabase.account();
        fail(limiter, account, 4);
        limiter.recordSuccess(account);
        fail(limiter, account, 5);
        assertTrue(!limiter.beginAttempt(account).proceeds());
        limiter.recordSuccess(account);
        fail(limiter, account, 5);
        assertEquals(Attempt.refuse(clock.instant().plus(Duration.ofMinutes(15))), limiter.beginAttempt(account),
                "the lock after a success is a first lock again");
    }

    @Test
    void staysLockedAfterTheMostConsecutiveFailuresUntilASuccess() {
        AttemptLimiter limiter = limiter(2, Duration.ofSeconds(1), Duration.ofSeconds(1), 6);
        String account = TestDatabase.account();
        for (int lock = 0; lock < 3; lock++) {
            fail(limiter, account, 2);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt(account));
        clock.advance(Duration.ofDays(400));
        assertEquals(Attempt.refuse(Instant.MAX), limiter.beginAttempt(account));
        limiter.recordSuccess(account);
        fail(limiter, account, 2);
    }

    @Test
    void keepsAccountsApart() {
        AttemptLimiter limiter = defaultLimiter();
        String account = TestDatabase.account();
        fail(limiter, account, 5);
        assertTrue(!limiter.beginAttempt(account).proceeds());
        fail(limiter, account.toUpperCase(java.util.Locale.ROOT), 5);
        fail(limiter, account + " ", 5);
        limiter.recordSuccess("never-seen-" + account);
    }

    @Test
    void letsNoMoreRacingAttemptsProceedThanFailuresRemain() {
        AttemptLimiter limiter = defaultLimiter();
        for (int round = 0; round < 3; round++) {
            String account = TestDatabase.account();
            List<Boolean> proceeded = Race.runAll(32, () -> limiter.beginAttempt(account).proceeds());
            assertEquals(5, Collections.frequency(proceeded, true), "a fresh account");
            limiter.recordSuccess(account);
            fail(limiter, account, 3);
            List<Boolean> again = Race.runAll(32, () -> limiter.beginAttempt(account).proceeds());
            assertEquals(2, Collections.frequency(again, true), "an account with 3 failures");
        }
    }

    @Test
    void refusesNullAccount() {
        AttemptLimiter limiter = defaultLimiter();
        assertThrows(NullPointerException.class, () -> limiter.beginAttempt(null));
        assertThrows(NullPointerException.class, () -> limiter.recordSuccess(null));
    }
}
