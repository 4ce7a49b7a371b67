package dev.otpkit.testkit;

import dev.otpkit.core.OneTimeCodeStore;
import java.time.Clock;

/** The kit's one-time-code store contract, run against otpkit's in-memory store. */
class InMemoryOneTimeCodeStoreTest extends BoundedOneTimeCodeStoreContract {
    @Override
    protected OneTimeCodeStore newStore(Clock clock, int maxEntries) {
        return OneTimeCodeStore.inMemoryBuilder().clock(clock).maxEntries(maxEntries).build();
    }
}
