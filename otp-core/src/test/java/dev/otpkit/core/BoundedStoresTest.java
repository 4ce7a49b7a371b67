package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Floods the in-memory stores with far more accounts than they may hold, through their SPI
 * alone. otp-testkit's contracts check the same behaviour at bounds of 2 and 8 (they run there,
 * as otp-core cannot depend on the kit); these check it at scale: 100,000 accounts for 1,000
 * places, sequential and on 8 threads.
 */
class BoundedStoresTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int BOUND = 1_000;
    private static final int FLOOD = 100 * BOUND;

    private final TestClock clock = new TestClock(START);

    @Test
    void limiterStaysWithinItsBoundAndNeverDropsAFailure() {
        AttemptLimiter limiter = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(BOUND).build();
        for (int i = 0; i < 5; i++) {
            limiter.beginAttempt("victim");
        }
        int refused = flood(limiter, "first-");
        assertEquals(FLOOD - (BOUND - 1), refused, "new accounts are refused once the table is full");
        StoreFullException full = assertThrows(StoreFullException.class, () -> limiter.beginAttempt("someone-new"));
        assertEquals(Optional.empty(), full.retryAfter(), "only a success frees room, whenever it comes");
        assertEquals(AttemptLimiter.Attempt.refuse(START.plus(Duration.ofMinutes(15))), limiter.beginAttempt("victim"));

        // A year later every failure still counts: time alone frees no room and resets no count.
        clock.advance(Duration.ofDays(365));
        assertEquals(FLOOD, flood(limiter, "second-"));
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.beginAttempt("victim").proceeds());
        }
        assertEquals(AttemptLimiter.Attempt.refuse(clock.instant().plus(Duration.ofMinutes(30))),
                limiter.beginAttempt("victim"),
                "the second lock doubles: the victim's entry survived both floods");

        // A success frees its account's room at once.
        limiter.recordSuccess("first-0");
        assertEquals(AttemptLimiter.Attempt.proceed(), limiter.beginAttempt("someone-new"));
    }

    @Test
    void limiterStaysWithinItsBoundUnderAParallelFlood() throws Exception {
        AttemptLimiter limiter = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(BOUND).build();
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
            assertEquals(threads * FLOOD - BOUND, refused, "every account admitted is counted once");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Makes one attempt for each of FLOOD new accounts; answers how many the full table refused. */
    private static int flood(AttemptLimiter limiter, String prefix) {
        int refused = 0;
        for (int i = 0; i < FLOOD; i++) {
            try {
                assertEquals(AttemptLimiter.Attempt.proceed(), limiter.beginAttempt(prefix + i), "a first attempt proceeds");
            } catch (StoreFullException full) {
                refused++;
            }
        }
        return refused;
    }

    @Test
    void replayGuardStaysWithinItsBoundAndForgetsOnlyStepsOutsideEveryWindow() {
        ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(BOUND).build();
        Instant windowEnd = START.plus(Duration.ofSeconds(90));
        String account = ReplayGuard.ACCOUNT_AUTHENTICATOR;
        assertTrue(guard.tryAccept("alice", account, 100, windowEnd));
        int noRoom = 0;
        for (int i = 0; i < FLOOD; i++) {
            try {
                assertTrue(guard.tryAccept("user-" + i, account, 100, windowEnd), "a first use is accepted");
            } catch (StoreFullException full) {
                noRoom += full.retryAfter().equals(Optional.of(windowEnd)) ? 1 : 0;
            }
        }
        assertEquals(FLOOD - (BOUND - 1), noRoom, "a full guard fails closed and says when it expects room");
        assertFalse(guard.tryAccept("alice", account, 100, windowEnd), "alice's step is still remembered");

        // Every step above has now left its window: all of it may go, and the room is reused.
        clock.set(windowEnd);
        Instant nextWindowEnd = windowEnd.plus(Duration.ofSeconds(90));
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < FLOOD; i++) {
            try {
                accepted += guard.tryAccept("later-" + i, account, 103, nextWindowEnd) ? 1 : 0;
            } catch (StoreFullException full) {
                refused++;
            }
        }
        assertEquals(BOUND, accepted);
        assertEquals(FLOOD - BOUND, refused);
    }
}
