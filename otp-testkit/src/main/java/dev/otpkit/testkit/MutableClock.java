package dev.otpkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it: the contracts give one to the store
 * under test and advance it to reach the end of a lock, a {@code keepUntil} or a code's expiry
 * without waiting. Safe to read and move from many threads.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
 * clock.advance(Duration.ofMinutes(15));
 * }</pre>
 */
public final class MutableClock extends Clock {
    /** The time, shared with the clocks {@link #withZone(ZoneId)} makes. */
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * Makes a clock in UTC that shows {@code start} until it is moved.
     *
     * @param start the instant the clock shows
     * @throws NullPointerException if {@code start} is null
     */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, zero or more
     * @throws NullPointerException if {@code duration} is null
     * @throws IllegalArgumentException if {@code duration} is negative; use {@link #set(Instant)}
     *     to turn the clock back
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("advance moves the clock forward only (zero or more), was " + duration);
        }
        now.accumulateAndGet(null, (current, unused) -> current.plus(duration));
    }

    /**
     * Sets the clock to an instant, earlier or later than the one it shows.
     *
     * @param instant the instant the clock shows from now on
     * @throws NullPointerException if {@code instant} is null
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Returns the instant the clock shows.
     *
     * @return the instant last set or reached by {@link #advance(Duration)}
     */
    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Returns the clock's zone.
     *
     * @return UTC unless this clock was made by {@link #withZone(ZoneId)}
     */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Returns a clock in another zone that shows, and is moved with, the same instant as this
     * one.
     *
     * @param zone the zone
     * @return a clock sharing this clock's time
     * @throws NullPointerException if {@code zone} is null
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Describes the clock.
     *
     * @return for example {@code "MutableClock[2026-01-01T00:00:00Z, Z]"}
     */
    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
