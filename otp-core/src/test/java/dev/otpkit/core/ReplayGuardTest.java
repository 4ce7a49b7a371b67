package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofSeconds(90));

    private final TestClock clock = new TestClock(NOW);
    private final ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).build();

    @Test
    void acceptsOnlyStrictlyNewerSteps() {
        assertTrue(guard.tryAccept("alice", 100, LATER));
        assertFalse(guard.tryAccept("alice", 100, LATER), "the same step");
        assertFalse(guard.tryAccept("alice", 99, LATER), "an older step");
        assertTrue(guard.tryAccept("alice", 101, LATER));
    }

    @Test
    void tellsWhatItRemembersWithoutChangingIt() {
        assertFalse(guard.hasAccepted("alice", 0), "nothing accepted yet");
        assertFalse(guard.hasAccepted("alice", 0), "asking accepted nothing");
        assertTrue(guard.tryAccept("alice", 100, LATER));
        assertTrue(guard.hasAccepted("alice", 100));
        assertTrue(guard.hasAccepted("alice", 99));
        assertFalse(guard.hasAccepted("alice", 101));
        assertFalse(guard.hasAccepted("bob", 100));
        clock.set(LATER);
        assertFalse(guard.hasAccepted("alice", 100), "forgotten once out of every window");
        assertThrows(NullPointerException.class, () -> guard.hasAccepted(null, 1));
    }

    @Test
    void keepsAccountsApart() {
        assertTrue(guard.tryAccept("alice", 100, LATER));
        assertTrue(guard.tryAccept("bob", 100, LATER));
    }

    @Test
    void acceptsOneOfManyConcurrentUsesOfAStep() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> use = () -> {
                start.await();
                return guard.tryAccept("alice", 7, LATER);
            };
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(use));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsAStepAsLongAsAnyVerifierAskedFor() {
        assertTrue(guard.tryAccept("alice", 100, NOW.plus(Duration.ofMinutes(5))), "a verifier with a wide window");
        assertTrue(guard.tryAccept("alice", 101, NOW.plus(Duration.ofSeconds(60))), "one with a narrow window");
        clock.advance(Duration.ofMinutes(2));
        assertFalse(guard.tryAccept("alice", 101, NOW.plus(Duration.ofMinutes(5))), "still remembered");
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> guard.tryAccept(null, 1, LATER));
        assertThrows(NullPointerException.class, () -> guard.tryAccept("alice", 1, null));
        assertThrows(IllegalArgumentException.class, () -> ReplayGuard.inMemoryBuilder().maxAccounts(0).build());
    }
}
