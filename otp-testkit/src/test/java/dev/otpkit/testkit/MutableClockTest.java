package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    @Test
    void standsStillUntilMoved() {
        assertEquals(START, clock.instant());
        assertEquals(START.toEpochMilli(), clock.millis());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    void advancesAndIsSetBothWays() {
        clock.advance(Duration.ofMinutes(15));
        assertEquals(START.plus(Duration.ofMinutes(15)), clock.instant());
        clock.advance(Duration.ZERO);
        assertEquals(START.plus(Duration.ofMinutes(15)), clock.instant());
        clock.set(START.minusSeconds(1));
        assertEquals(START.minusSeconds(1), clock.instant());
    }

    @Test
    void refusesToAdvanceBackwards() {
        IllegalArgumentException back = assertThrows(IllegalArgumentException.class,
                () -> clock.advance(Duration.ofMillis(-1)));
        assertEquals("advance moves the clock forward only (zero or more), was PT-0.001S", back.getMessage());
        assertEquals(START, clock.instant(), "unchanged");
    }

    @Test
    void aClockInAnotherZoneMovesWithIt() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock inParis = clock.withZone(paris);
        assertEquals(paris, inParis.getZone());
        clock.advance(Duration.ofHours(1));
        assertEquals(clock.instant(), inParis.instant());
        ((MutableClock) inParis).advance(Duration.ofHours(1));
        assertEquals(START.plus(Duration.ofHours(2)), clock.instant());
    }

    @Test
    void refusesNulls() {
        assertThrows(NullPointerException.class, () -> new MutableClock(null));
        assertThrows(NullPointerException.class, () -> clock.advance(null));
        assertThrows(NullPointerException.class, () -> clock.set(null));
        assertThrows(NullPointerException.class, () -> clock.withZone(null));
    }

    @Test
    void describesItself() {
        assertEquals("MutableClock[2026-01-01T00:00:00Z, Z]", clock.toString());
    }
}
