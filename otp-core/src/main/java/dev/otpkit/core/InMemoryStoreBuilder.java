package dev.otpkit.core;

import dev.otpkit.core.internal.Bounds;
import java.time.Clock;
import java.util.Objects;

/**
 * What the builders of the in-memory stores share: the bound, the clock and building. Each
 * setter checks its argument at once; {@link #newStore} checks the whole.
 *
 * @param <B> the concrete builder, which every setter returns
 * @param <S> the store's SPI
 */
abstract class InMemoryStoreBuilder<B extends InMemoryStoreBuilder<B, S>, S> {
    private int maxEntries = Bounds.DEFAULT_MAX_ENTRIES;
    private Clock clock = Clock.systemUTC();

    InMemoryStoreBuilder() {
    }

    /**
     * This builder as its concrete type, for the setters to return. Safe: every subclass is
     * declared as {@code X extends InMemoryStoreBuilder<X, S>} with B = X itself.
     */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Makes the store with the bound, the clock and the concrete builder's own settings. */
    abstract S newStore(int maxEntries, Clock clock);

    /**
     * Sets the most entries the store holds at once: accounts, or pairs of account and
     * authenticator (replay guard), or of account and scope (email and SMS codes); default
     * {@value dev.otpkit.core.internal.Bounds#DEFAULT_MAX_ENTRIES}. A store full of entries that
     * still matter refuses new ones with a {@link StoreFullException}.
     *
     * @param maxEntries at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEntries} is below 1
     */
    public B maxEntries(int maxEntries) {
        this.maxEntries = Bounds.requireMaxEntries(maxEntries);
        return self();
    }

    /**
     * Sets the clock that decides when an entry stops mattering (a step leaves every window, a
     * lock ends, a code expires); default {@link Clock#systemUTC()}. Give it the clock of the
     * verifiers or services that use the store.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * Builds the store. A builder may be used again: each call makes a new store.
     *
     * @return a new, empty store
     */
    public S build() {
        return newStore(maxEntries, clock);
    }
}
