package dev.otpkit.testkit;

import dev.otpkit.core.ReplayGuard;
import java.time.Clock;

/** The kit's replay-guard contract, run against otpkit's in-memory guard. */
class InMemoryReplayGuardTest extends BoundedReplayGuardContract {
    @Override
    protected ReplayGuard newGuard(Clock clock, int maxEntries) {
        return ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(maxEntries).build();
    }
}
