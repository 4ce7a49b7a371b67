package dev.otpkit.jdbc;

import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The builder of a JDBC store that reads the time: from the application's clock, never from
 * the database's.
 *
 * @param <B> the concrete builder, returned by the setters
 */
abstract class TimedStoreBuilder<B extends TimedStoreBuilder<B>> extends StoreBuilder<B> {
    private Clock clock = Clock.systemUTC();

    TimedStoreBuilder(DataSource dataSource) {
        super(dataSource);
    }

    /**
     * Sets the clock the store reads the time from; default {@link Clock#systemUTC()}. Give
     * every store and verifier of an application the same clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    final Clock clock() {
        return clock;
    }
}
