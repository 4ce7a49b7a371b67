package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The README's table "How much the defaults let a brute-force attacker do", played out: an
 * attacker who knows the password guesses wrong TOTP codes through a verifier with the default
 * limiter, each time as soon as the lock allows, and never waits longer.
 */
class BruteForceBudgetTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** More attempts than any budget: the attack must end locked for good long before. */
    private static final int GIVE_UP = 1_000;

    private final TestClock clock = new TestClock(START);
    private final Totp totp = Totp.builder().build();
    private final TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).build();
    private final OtpSecret secret = OtpSecret.generate();

    /** The wrong guesses the verifier compared (answered INVALID), by minutes after the start. */
    private final Map<Long, Integer> guessesByMinute = new TreeMap<>();
    private Verification lastAnswer;

    /** Guesses until the account is locked until reset, moving the clock to the end of every lock. */
    private void attack() {
        for (int attempt = 0; attempt < GIVE_UP; attempt++) {
            lastAnswer = verifier.verify("alice", secret, wrongCodeNow());
            if (lastAnswer.status() == Status.INVALID) {
                guessesByMinute.merge(Duration.between(START, clock.instant()).toMinutes(), 1, Integer::sum);
            } else {
                assertEquals(Status.LOCKED, lastAnswer.status());
                Instant retryAfter = lastAnswer.retryAfter().orElseThrow();
                if (retryAfter.equals(Instant.MAX)) {
                    return;
                }
                clock.set(retryAfter);
            }
        }
        throw new AssertionError("still guessing after " + GIVE_UP + " attempts");
    }

    /** A code that none of the 3 steps of the default window has now. */
    private String wrongCodeNow() {
        long current = totp.step(clock.instant());
        Set<String> window = new HashSet<>();
        for (long step = current - 1; step <= current + 1; step++) {
            window.add(totp.generateForStep(secret, step));
        }
        return window.contains("000000") ? (window.contains("000001") ? "000002" : "000001") : "000000";
    }

    private List<Long> roundStarts() {
        return new ArrayList<>(guessesByMinute.keySet());
    }

    @Test
    void allowsThirtyFiveGuessesInTheFirstDayInSevenRoundsOfFive() {
        attack();

        List<Long> firstDay = roundStarts().subList(0, 7);
        assertEquals(List.of(0L, 15L, 45L, 105L, 225L, 465L, 945L), firstDay, "round starts, in minutes");
        firstDay.forEach(minute -> assertEquals(5, guessesByMinute.get(minute), "round at minute " + minute));
        assertTrue(roundStarts().get(7) >= Duration.ofDays(1).toMinutes(), "the eighth round is on the next day");
        assertEquals(Duration.ofHours(16).toMinutes(), roundStarts().get(7) - roundStarts().get(6),
                "the lock after the seventh round");
    }

    @Test
    void allowsFiveGuessesEachLaterDay() {
        attack();

        List<Long> starts = roundStarts();
        for (int round = 8; round < starts.size(); round++) {
            assertEquals(Duration.ofDays(1).toMinutes(), starts.get(round) - starts.get(round - 1), "round " + round);
            assertEquals(5, guessesByMinute.get(starts.get(round)), "round " + round);
        }
    }

    @Test
    void allowsOneHundredGuessesEverTheLastAfterThirteenPointThreeDays() {
        attack();

        assertEquals(AttemptLimiter.MAX_CONSECUTIVE_FAILURES,
                guessesByMinute.values().stream().mapToInt(Integer::intValue).sum());
        long lastRound = roundStarts().get(roundStarts().size() - 1);
        assertEquals("13.3", String.format(Locale.ROOT, "%.1f", lastRound / (double) Duration.ofDays(1).toMinutes()),
                "days until the 100th failure");
        assertEquals(Verification.locked(Instant.MAX), lastAnswer, "locked until reset");

        clock.advance(Duration.ofDays(365));
        String right = totp.generate(secret, clock.instant());
        assertEquals(Verification.locked(Instant.MAX), verifier.verify("alice", secret, right),
                "waiting does not help, even with the right code");
    }
}
