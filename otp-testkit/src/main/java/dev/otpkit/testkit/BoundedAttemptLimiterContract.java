package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.AttemptLimiter.Attempt;
import dev.otpkit.core.StoreFullException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link AttemptLimiter} with a bound, such as otpkit's in-memory limiter:
 * every test of {@link AttemptLimiterContract}, and those of the bound. Extend this class
 * instead of {@link AttemptLimiterContract} and make {@link #newLimiter(Clock, Policy, int)}
 * return your limiter holding at most the given number of accounts with failures.
 *
 * <pre>{@code
 * class MyCacheAttemptLimiterTest extends BoundedAttemptLimiterContract {
 *     @Override
 *     protected AttemptLimiter newLimiter(Clock clock, Policy policy, int maxEntries) {
 *         return new MyCacheAttemptLimiter(clock, policy.failuresBeforeLock(), policy.firstLock(),
 *                 policy.maxLock(), policy.maxConsecutiveFailures(), maxEntries);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered besides: {@link StoreFullException} for a new account when full, counting nothing
 * for it; held accounts still counted and locked; no room made by time alone; a success needing
 * no room; exactly the bound of 32 concurrent new accounts admitted.
 */
public abstract class BoundedAttemptLimiterContract extends AttemptLimiterContract {
    /** For subclasses. */
    protected BoundedAttemptLimiterContract() {
    }

    /**
     * Makes the limiter under test. Called once by each test, which owns the limiter; it must
     * have counted nothing yet.
     *
     * @param clock the time the limiter must read to start and end locks; the tests move it
     * @param policy the lock policy the limiter must apply
     * @param maxEntries the most accounts with failures the limiter may hold at once, 1 or more:
     *     1,000 for the tests that are not about the bound, 2 or 8 for those that are
     * @return a new, empty limiter
     */
    protected abstract AttemptLimiter newLimiter(Clock clock, Policy policy, int maxEntries);

    /**
     * Makes the limiter for the tests that are not about the bound:
     * {@link #newLimiter(Clock, Policy, int)} with room for 1,000 accounts.
     *
     * @param clock the time the limiter must read
     * @param policy the lock policy the limiter must apply
     * @return a new, empty limiter
     */
    @Override
    protected final AttemptLimiter newLimiter(Clock clock, Policy policy) {
        return newLimiter(clock, policy, ROOMY);
    }

    /** A limiter with room for two accounts, holding a failure of Alice's and one of Bob's. */
    private AttemptLimiter fullLimiter() {
        AttemptLimiter limiter = newLimiter(clock(), POLICY, SMALL_BOUND);
        proceed(limiter, "alice", 1);
        proceed(limiter, "bob", 1);
        return limiter;
    }

    /**
     * A full limiter refuses an attempt of a new account with {@link StoreFullException} and
     * counts nothing for it: once there is room, the account has all its attempts.
     */
    @Test
    public void refusesANewAccountWhenFullAndCountsNothing() {
        AttemptLimiter limiter = fullLimiter();
        assertFull(() -> limiter.beginAttempt("carol-refused"), "carol-refused");
        limiter.recordSuccess("alice");
        proceed(limiter, "carol-refused", POLICY.failuresBeforeLock());
        assertLockedFor(limiter, "carol-refused", POLICY.firstLock());
    }

    /** A full limiter goes on counting and locking the accounts it holds. */
    @Test
    public void keepsCountingHeldAccountsWhenFull() {
        AttemptLimiter limiter = fullLimiter();
        proceed(limiter, "alice", POLICY.failuresBeforeLock() - 1);
        assertLockedFor(limiter, "alice", POLICY.firstLock());
    }

    /** Failures do not expire, so time alone makes no room in a full limiter. */
    @Test
    public void makesNoRoomAsTimePasses() {
        AttemptLimiter limiter = fullLimiter();
        clock().advance(Duration.ofDays(365));
        assertFull(() -> limiter.beginAttempt("carol"), "carol");
    }

    /** A success needs no room: a full limiter accepts one for an account it does not hold. */
    @Test
    public void recordSuccessNeedsNoRoom() {
        AttemptLimiter limiter = fullLimiter();
        limiter.recordSuccess("carol");
        assertFull(() -> limiter.beginAttempt("carol"), "carol");
    }

    /**
     * Of 32 threads each bringing a new account to a limiter with room for 8, exactly 8 proceed
     * and the others are refused with {@link StoreFullException}.
     */
    @Test
    public void admitsExactlyTheBoundOfConcurrentNewAccounts() {
        AttemptLimiter limiter = newLimiter(clock(), POLICY, RACE_BOUND);
        assertRaceFillsExactlyTheBound(racer -> assertEquals(Attempt.proceed(), limiter.beginAttempt("racer-" + racer),
                "a new account's first attempt"));
    }
}
