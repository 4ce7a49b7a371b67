package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.internal.InMemoryAttemptLimiter;
import dev.otpkit.core.internal.InMemoryReplayGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Floods the in-memory stores with far more accounts than they may hold. */
class BoundedStoresTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int BOUND = 1_000;
    private static final int FLOOD = 100 * BOUND;

    private final TestClock clock = new TestClock(START);

    @Test
    void limiterStaysWithinItsBoundAndNeverDropsAFailure() {
        InMemoryAttemptLimiter limiter = (InMemoryAttemptLimiter) AttemptLimiter.inMemoryBuilder()
                .clock(clock).maxAccounts(BOUND).build();
        for (int i = 0; i < 5; i++) {
            limiter.beginAttempt("victim");
        }
        int refused = flood(limiter, "first-");
        assertEquals(BOUND, limiter.trackedAccounts());
        assertEquals(FLOOD - (BOUND - 1), refused, "new accounts are refused once the table is full");
        assertEquals(Optional.of(START.plus(Duration.ofMinutes(15))), limiter.beginAttempt("someone-new"),
                "refused as locked for one first lock");
        assertEquals(Optional.of(START.plus(Duration.ofMinutes(15))), limiter.beginAttempt("victim"));

        // A year later every failure still counts: time alone frees no room and resets no count.
        clock.advance(Duration.ofDays(365));
        assertEquals(FLOOD, flood(limiter, "second-"));
        assertEquals(BOUND, limiter.trackedAccounts());
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), limiter.beginAttempt("victim"));
        }
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(30))), limiter.beginAttempt("victim"),
                "the second lock doubles: the victim's entry survived both floods");

        // A success frees its account's room at once.
        limiter.recordSuccess("first-0");
        assertEquals(Optional.empty(), limiter.beginAttempt("someone-new"));
    }

    @Test
    void limiterMakesRoomAsSoonAsSuccessesClearAccounts() {
        InMemoryAttemptLimiter limiter = (InMemoryAttemptLimiter) AttemptLimiter.inMemoryBuilder()
                .clock(clock).maxAccounts(BOUND).build();
        flood(limiter, "user-");
        for (int i = 0; i < BOUND; i++) {
            limiter.recordSuccess("user-" + i);
        }
        assertEquals(0, limiter.trackedAccounts());
        assertEquals(Optional.empty(), limiter.beginAttempt("someone-new"));
    }

    @Test
    void limiterStaysWithinItsBoundUnderAParallelFlood() throws Exception {
        InMemoryAttemptLimiter limiter = (InMemoryAttemptLimiter) AttemptLimiter.inMemoryBuilder()
                .clock(clock).maxAccounts(BOUND).build();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> refusals = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "thread" + t + "-";
                refusals.add(pool.submit(() -> flood(limiter, prefix)));
            }
            int refused = 0;
            for (Future<Integer> future : refusals) {
                refused += future.get();
            }
            assertEquals(BOUND, limiter.trackedAccounts());
            assertEquals(threads * FLOOD - BOUND, refused, "every account admitted is counted once");
        } finally {
            pool.shutdownNow();
        }
    }

    private static int flood(AttemptLimiter limiter, String prefix) {
        int refused = 0;
        for (int i = 0; i < FLOOD; i++) {
            refused += limiter.beginAttempt(prefix + i).isPresent() ? 1 : 0;
        }
        return refused;
    }

    @Test
    void replayGuardStaysWithinItsBoundAndForgetsOnlyStepsOutsideEveryWindow() {
        InMemoryReplayGuard guard = (InMemoryReplayGuard) ReplayGuard.inMemoryBuilder()
                .clock(clock).maxAccounts(BOUND).build();
        Instant windowEnd = START.plus(Duration.ofSeconds(90));
        String account = ReplayGuard.ACCOUNT_AUTHENTICATOR;
        assertTrue(guard.tryAccept("alice", account, 100, windowEnd).isAccepted());
        int noRoom = 0;
        for (int i = 0; i < FLOOD; i++) {
            ReplayGuard.Acceptance answer = guard.tryAccept("user-" + i, account, 100, windowEnd);
            noRoom += answer.equals(ReplayGuard.Acceptance.noRoom(windowEnd)) ? 1 : 0;
        }
        assertEquals(BOUND, guard.trackedAccounts());
        assertEquals(FLOOD - (BOUND - 1), noRoom, "a full guard fails closed and says when it expects room");
        assertEquals(ReplayGuard.Acceptance.replayed(), guard.tryAccept("alice", account, 100, windowEnd),
                "alice's step is still remembered");

        // Every step above has now left its window: all of it may go, and the room is reused.
        clock.set(windowEnd);
        Instant nextWindowEnd = windowEnd.plus(Duration.ofSeconds(90));
        int accepted = 0;
        for (int i = 0; i < FLOOD; i++) {
            accepted += guard.tryAccept("later-" + i, account, 103, nextWindowEnd).isAccepted() ? 1 : 0;
        }
        assertEquals(BOUND, accepted);
        assertEquals(BOUND, guard.trackedAccounts());
    }
}
