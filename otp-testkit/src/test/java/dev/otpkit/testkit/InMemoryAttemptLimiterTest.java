package dev.otpkit.testkit;

import dev.otpkit.core.AttemptLimiter;
import java.time.Clock;

/** The kit's attempt-limiter contract, run against otpkit's in-memory limiter. */
class InMemoryAttemptLimiterTest extends BoundedAttemptLimiterContract {
    @Override
    protected AttemptLimiter newLimiter(Clock clock, Policy policy, int maxEntries) {
        return inMemory(clock, policy, maxEntries);
    }

    /** The in-memory limiter with the kit's clock, policy and bound. */
    static AttemptLimiter inMemory(Clock clock, Policy policy, int maxEntries) {
        return AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(maxEntries)
                .failuresBeforeLock(policy.failuresBeforeLock())
                .lockDurations(policy.firstLock(), policy.maxLock())
                .maxConsecutiveFailures(policy.maxConsecutiveFailures())
                .build();
    }
}
