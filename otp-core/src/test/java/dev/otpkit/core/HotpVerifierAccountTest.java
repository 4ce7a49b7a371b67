package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.Verification.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HotpVerifierAccountTest {
    /** RFC 4226 Appendix D: the secret "12345678901234567890" and its codes for counters 0 to 9. */
    private static final OtpSecret RFC_SECRET =
            OtpSecret.fromBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final String[] RFC_CODES = {
        "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"
    };
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final HotpVerifier verifier = HotpVerifier.builder(Hotp.builder().build()).clock(clock).build();

    /** Resynchronises alice from the RFC codes of two counters, with the stored counter given. */
    private Status resync(int firstCounter, int secondCounter, long storedCounter) {
        return verifier.resynchronize("alice", RFC_SECRET, RFC_CODES[firstCounter], RFC_CODES[secondCounter],
                storedCounter).status();
    }

    @Test
    void acceptsACounterOnceWhenTwoRequestsReadTheSameStoredCounter() {
        assertEquals(Verification.valid(2, 2), verifier.verify("alice", RFC_SECRET, RFC_CODES[2], 0));
        assertEquals(Status.REPLAYED, verifier.verify("alice", RFC_SECRET, RFC_CODES[2], 0).status());
        assertEquals(Status.REPLAYED, verifier.verify("alice", RFC_SECRET, RFC_CODES[1], 0).status());
        assertEquals(Verification.valid(3, 0), verifier.verify("alice", RFC_SECRET, RFC_CODES[3], 3));
    }

    @Test
    void remembersACounterForAnHourWhateverTheLookAheadOfTheVerifiersSharingTheGuard() {
        ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).build();
        HotpVerifier narrow = HotpVerifier.builder(Hotp.builder().build()).clock(clock).lookAhead(0)
                .replayGuard(guard).build();
        HotpVerifier wide = HotpVerifier.builder(Hotp.builder().build()).clock(clock)
                .lookAhead(HotpVerifier.MAX_LOOK_AHEAD).replayGuard(guard).build();
        assertEquals(Verification.valid(2, 0), narrow.verify("alice", RFC_SECRET, RFC_CODES[2], 2));

        clock.advance(HotpVerifier.REPLAY_MEMORY.minusMillis(1));
        assertEquals(Status.REPLAYED, wide.verify("alice", RFC_SECRET, RFC_CODES[2], 0).status(),
                "a request that read the counter before the first one stored its next");
    }

    @Test
    void answersUnavailableWithoutCountingWhileTheGuardHasNoRoom() {
        ReplayGuard oneAccount = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(1).build();
        AttemptLimiter oneFailureLocks = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(1).build();
        HotpVerifier small = HotpVerifier.builder(Hotp.builder().build()).clock(clock).replayGuard(oneAccount)
                .attemptLimiter(oneFailureLocks).build();
        assertEquals(Status.VALID, small.verify("bob", RFC_SECRET, RFC_CODES[0], 0).status());

        Verification refused = small.verify("alice", RFC_SECRET, RFC_CODES[0], 0);
        assertEquals(Verification.unavailable(Optional.of(NOW.plus(HotpVerifier.REPLAY_MEMORY))), refused);
        assertEquals(refused, small.resynchronize("alice", RFC_SECRET, RFC_CODES[7], RFC_CODES[8], 0),
                "not LOCKED: the refusal did not count as the one failure that locks");

        clock.set(refused.retryAfter().orElseThrow());
        assertEquals(Verification.valid(0, 0), small.verify("alice", RFC_SECRET, RFC_CODES[0], 0));
    }

    @Test
    void answersUnavailableWithoutCountingWhileTheLimiterIsFull() {
        AttemptLimiter oneAccount = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(1)
                .failuresBeforeLock(1).build();
        HotpVerifier small = HotpVerifier.builder(Hotp.builder().build()).clock(clock).attemptLimiter(oneAccount).build();
        assertEquals(Status.INVALID, small.verify("bob", RFC_SECRET, RFC_CODES[9], 0).status());

        assertEquals(Status.UNAVAILABLE, small.verify("alice", RFC_SECRET, RFC_CODES[0], 0).status());
        assertEquals(Status.UNAVAILABLE,
                small.resynchronize("alice", RFC_SECRET, RFC_CODES[7], RFC_CODES[8], 0).status());
        oneAccount.recordSuccess("bob");
        assertEquals(Verification.valid(0, 0), small.verify("alice", RFC_SECRET, RFC_CODES[0], 0),
                "neither refusal counted as the one failure that locks");
    }

    @Test
    void refusesTheRightCodeWhileLockedAndAcceptsItAfterwards() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Status.INVALID, verifier.verify("alice", RFC_SECRET, RFC_CODES[9], 0).status());
        }
        assertEquals(Verification.locked(NOW.plus(Duration.ofMinutes(15))),
                verifier.verify("alice", RFC_SECRET, RFC_CODES[0], 0));
        assertEquals(Status.VALID, verifier.verify("bob", RFC_SECRET, RFC_CODES[0], 0).status());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Status.VALID, verifier.verify("alice", RFC_SECRET, RFC_CODES[0], 0).status());
    }

    @Test
    void doesNotFindACodeBeyondTheLookAhead() {
        assertEquals(Status.INVALID, verifier.verify("alice", RFC_SECRET, RFC_CODES[7], 0).status());
    }

    @Test
    void resynchronisesFromTwoConsecutiveCodesBeyondTheLookAhead() {
        Verification resynchronised = verifier.resynchronize("alice", RFC_SECRET, RFC_CODES[7], RFC_CODES[8], 0);
        assertEquals(Verification.valid(8, 8), resynchronised);
        assertEquals(9, resynchronised.match().orElseThrow().nextCounter());
    }

    @Test
    void refusesCodesThatAreNotConsecutiveInOrder() {
        assertEquals(Status.INVALID, resync(7, 9, 0));
        assertEquals(Status.INVALID, resync(8, 7, 0));
        assertEquals(Status.INVALID, resync(7, 8, 8), "the pair lies before the expected counter");
    }

    @Test
    void resynchronisesOnlyWithinTheWindow() {
        HotpVerifier narrow = HotpVerifier.builder(Hotp.builder().build()).clock(clock).resyncWindow(6).build();
        assertEquals(Status.INVALID, narrow.resynchronize("alice", RFC_SECRET, RFC_CODES[7], RFC_CODES[8], 0).status(),
                "the first code is 7 counters ahead");
        assertEquals(Verification.valid(7, 7),
                narrow.resynchronize("alice", RFC_SECRET, RFC_CODES[6], RFC_CODES[7], 0));
    }

    @Test
    void refusesAResynchronisationReplay() {
        verifier.resynchronize("alice", RFC_SECRET, RFC_CODES[7], RFC_CODES[8], 0);
        assertEquals(Status.REPLAYED, resync(7, 8, 0));
    }

    @Test
    void countsAResynchronisationAsAnAttemptAndHonoursLocks() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Status.INVALID, resync(9, 0, 0));
        }
        assertEquals(Status.LOCKED, resync(7, 8, 0));
    }

    @Test
    void answersMalformedIfEitherCodeIsMalformed() {
        assertEquals(Status.MALFORMED, verifier.resynchronize("alice", RFC_SECRET, "16258", RFC_CODES[8], 0).status());
        assertEquals(Status.MALFORMED, verifier.resynchronize("alice", RFC_SECRET, RFC_CODES[7], null, 0).status());
        assertEquals(Status.MALFORMED, verifier.verify("alice", RFC_SECRET, "x", 0).status());
    }

    @Test
    void searchesUpToTheTopOfTheCounterRangeWithoutOverflowing() {
        long top = Long.MAX_VALUE;
        Hotp hotp = Hotp.builder().build();
        assertEquals(Verification.valid(top, 2),
                verifier.verify("alice", RFC_SECRET, hotp.generate(RFC_SECRET, top), top - 2));
        assertEquals(Verification.valid(top, 3), verifier.resynchronize("bob", RFC_SECRET,
                hotp.generate(RFC_SECRET, top - 1), hotp.generate(RFC_SECRET, top), top - 3));
    }

    @Test
    void refusesBadSettingsAndArguments() {
        HotpVerifier.Builder builder = HotpVerifier.builder(Hotp.builder().build());
        assertThrows(IllegalArgumentException.class, () -> builder.resyncWindow(0).build());
        assertThrows(IllegalArgumentException.class, () -> builder.resyncWindow(1001).build());
        assertThrows(IllegalArgumentException.class, () -> verifier.verify("alice", RFC_SECRET, RFC_CODES[0], -1));
        assertThrows(IllegalArgumentException.class, () -> verifier.resynchronize("alice", RFC_SECRET, "x", "y", -1),
                "a negative counter is a programmer error, whatever the codes");
        assertThrows(NullPointerException.class, () -> verifier.verify(null, RFC_SECRET, RFC_CODES[0], 0));
    }

    @Test
    void resynchronisesWithinWindowsOfOneToAThousandCounters() {
        HotpVerifier narrowest = HotpVerifier.builder(Hotp.builder().build()).clock(clock).resyncWindow(1).build();
        assertEquals(Status.INVALID, narrowest.resynchronize("alice", RFC_SECRET, RFC_CODES[2], RFC_CODES[3], 0).status());
        assertEquals(Status.VALID, narrowest.resynchronize("alice", RFC_SECRET, RFC_CODES[1], RFC_CODES[2], 0).status());

        Hotp hotp = Hotp.builder().build();
        HotpVerifier widest = HotpVerifier.builder(hotp).clock(clock).resyncWindow(HotpVerifier.MAX_RESYNC_WINDOW).build();
        assertEquals(Status.INVALID, widest.resynchronize("bob", RFC_SECRET, hotp.generate(RFC_SECRET, 1001),
                hotp.generate(RFC_SECRET, 1002), 0).status());
        assertEquals(Status.VALID, widest.resynchronize("bob", RFC_SECRET, hotp.generate(RFC_SECRET, 1000),
                hotp.generate(RFC_SECRET, 1001), 0).status());
    }

    @Test
    void acceptsACodeAgainOnlyWhenReplayProtectionIsSwitchedOff() {
        HotpVerifier unguarded =
                HotpVerifier.builder(Hotp.builder().build()).clock(clock).replayGuard(ReplayGuard.none()).build();
        assertEquals(Status.VALID, unguarded.verify("alice", RFC_SECRET, RFC_CODES[0], 0).status());
        assertEquals(Status.VALID, unguarded.verify("alice", RFC_SECRET, RFC_CODES[0], 0).status());
    }
}
