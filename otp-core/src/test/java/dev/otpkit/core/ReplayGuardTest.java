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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofSeconds(90));
    private static final String ACCOUNT = ReplayGuard.ACCOUNT_AUTHENTICATOR;

    private final TestClock clock = new TestClock(NOW);
    private final ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).build();

    @Test
    void acceptsOnlyStrictlyNewerSteps() {
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, LATER));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 100, LATER), "the same step");
        assertFalse(guard.tryAccept("alice", ACCOUNT, 99, LATER), "an older step");
        assertTrue(guard.tryAccept("alice", ACCOUNT, 101, LATER));
    }

    @Test
    void tellsWhatItRemembersWithoutChangingIt() {
        assertFalse(guard.hasAccepted("alice", ACCOUNT, 0), "nothing accepted yet");
        assertFalse(guard.hasAccepted("alice", ACCOUNT, 0), "asking accepted nothing");
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, LATER));
        assertTrue(guard.hasAccepted("alice", ACCOUNT, 100));
        assertTrue(guard.hasAccepted("alice", ACCOUNT, 99));
        assertFalse(guard.hasAccepted("alice", ACCOUNT, 101));
        assertFalse(guard.hasAccepted("bob", ACCOUNT, 100));
        assertFalse(guard.hasAccepted("alice", "c1", 100));
        clock.set(LATER);
        assertFalse(guard.hasAccepted("alice", ACCOUNT, 100), "forgotten once out of every window");
    }

    @Test
    void keepsAccountsApart() {
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, LATER));
        assertTrue(guard.tryAccept("bob", ACCOUNT, 100, LATER));
    }

    @Test
    void keepsTheAuthenticatorsOfOneAccountApart() {
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, LATER));
        assertTrue(guard.tryAccept("alice", "c1", 100, LATER));
        assertTrue(guard.tryAccept("alice", "c2", 100, LATER));
        assertFalse(guard.tryAccept("alice", "c1", 100, LATER));
    }

    /**
     * Every pair of two ids drawn from all strings of up to three characters over 'a' and the
     * characters a joined key would be split on ('/', ':', NUL), the empty string included:
     * 85 ids, 7,225 pairs. If any two distinct pairs shared an entry, the second of them would
     * be refused as a replay.
     */
    @Test
    void neverMixesTwoDistinctPairsOfAccountAndAuthenticator() {
        List<String> ids = allStrings("a/:\0", 3);
        assertEquals(85, ids.size());
        ReplayGuard roomy = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(ids.size() * ids.size()).build();
        for (String accountId : ids) {
            for (String authenticatorId : ids) {
                assertTrue(roomy.tryAccept(accountId, authenticatorId, 1, LATER),
                        () -> "pair " + List.of(accountId, authenticatorId) + " met an earlier pair");
            }
        }
        for (String accountId : ids) {
            for (String authenticatorId : ids) {
                assertFalse(roomy.tryAccept(accountId, authenticatorId, 1, LATER));
            }
        }
    }

    /** All strings of 0 to {@code maxLength} characters taken from {@code alphabet}. */
    private static List<String> allStrings(String alphabet, int maxLength) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : alphabet.toCharArray()) {
                    longer.add(prefix + c);
                }
            }
            all.addAll(longer);
            previous = longer;
        }
        return all;
    }

    @Test
    void acceptsOneOfManyConcurrentUsesOfAStep() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> use = () -> {
                start.await();
                return guard.tryAccept("alice", ACCOUNT, 7, LATER);
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
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, NOW.plus(Duration.ofMinutes(5))),
                "a verifier that keeps steps long");
        assertTrue(guard.tryAccept("alice", ACCOUNT, 101, NOW.plus(Duration.ofSeconds(60))),
                "one that keeps them short");
        clock.advance(Duration.ofMinutes(2));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 101, NOW.plus(Duration.ofMinutes(5))),
                "still remembered");
    }

    @Test
    void refusesANewPairWhenFullUntilTheFirstEntryExpiresWithoutForgettingAny() {
        ReplayGuard two = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(2).build();
        Instant aliceExpires = NOW.plus(Duration.ofSeconds(60));
        assertTrue(two.tryAccept("alice", ACCOUNT, 100, aliceExpires));
        assertTrue(two.tryAccept("bob", ACCOUNT, 100, LATER));

        StoreFullException full = assertThrows(StoreFullException.class,
                () -> two.tryAccept("carol", ACCOUNT, 100, LATER));
        assertEquals(Optional.of(aliceExpires), full.retryAfter());
        assertEquals("the in-memory ReplayGuard is full (maxEntries 2) and every entry still matters;"
                + " room expected at " + aliceExpires, full.getMessage(), "names the store, not the account");
        assertFalse(two.hasAccepted("carol", ACCOUNT, 100), "nothing recorded");
        assertFalse(two.tryAccept("alice", ACCOUNT, 100, aliceExpires), "a remembered pair still answers");

        clock.set(aliceExpires);
        assertTrue(two.tryAccept("carol", ACCOUNT, 100, LATER));
    }

    @Test
    void refusesWithoutARetryTimeWhenNoEntryWillExpire() {
        ReplayGuard one = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(1).build();
        assertTrue(one.tryAccept("alice", ACCOUNT, 100, Instant.MAX));

        StoreFullException full = assertThrows(StoreFullException.class,
                () -> one.tryAccept("bob", ACCOUNT, 100, LATER));
        assertEquals(Optional.empty(), full.retryAfter());
    }

    /** A thread that swept a full guard and found nothing to drop lets another thread sweep later. */
    @Test
    void anotherThreadMakesRoomOnceTheFirstEntryExpires() throws Exception {
        ReplayGuard one = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(1).build();
        Instant aliceExpires = NOW.plus(Duration.ofSeconds(60));
        assertTrue(one.tryAccept("alice", ACCOUNT, 100, aliceExpires));
        assertThrows(StoreFullException.class, () -> one.tryAccept("bob", ACCOUNT, 100, LATER));

        clock.set(aliceExpires);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertTrue(other.submit(() -> one.tryAccept("bob", ACCOUNT, 100, LATER)).get());
        } finally {
            other.shutdown();
        }
    }

    @Test
    void inMemoryRemembersStepsOnTheSystemClock() {
        ReplayGuard defaults = ReplayGuard.inMemory();
        Instant inAMinute = Instant.now().plus(Duration.ofMinutes(1));
        assertTrue(defaults.tryAccept("alice", ACCOUNT, 100, inAMinute));
        assertFalse(defaults.tryAccept("alice", ACCOUNT, 100, inAMinute));
        assertTrue(defaults.hasAccepted("alice", ACCOUNT, 100));
        assertEquals("InMemoryReplayGuard[1 of 100000 pairs remembered]", defaults.toString());
    }

    @Test
    void noneRemembersNothingAndAcceptsEveryStep() {
        ReplayGuard none = ReplayGuard.none();
        assertTrue(none.tryAccept("alice", ACCOUNT, 100, LATER));
        assertTrue(none.tryAccept("alice", ACCOUNT, 100, LATER), "the same step again");
        assertTrue(none.tryAccept("alice", ACCOUNT, 99, LATER), "an older step");
        assertFalse(none.hasAccepted("alice", ACCOUNT, 100));
        assertEquals("ReplayGuard.none()", none.toString());
        assertThrows(NullPointerException.class, () -> none.tryAccept(null, ACCOUNT, 1, LATER));
    }

    @Test
    void builderChecksTheBoundAtOnce() {
        ReplayGuard.InMemoryBuilder builder = ReplayGuard.inMemoryBuilder();
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> builder.maxEntries(0));
        assertEquals("maxEntries must be at least 1, was 0", zero.getMessage());
        assertThrows(NullPointerException.class, () -> builder.clock(null));
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> guard.tryAccept(null, ACCOUNT, 1, LATER));
        assertThrows(NullPointerException.class, () -> guard.tryAccept("alice", null, 1, LATER));
        assertThrows(NullPointerException.class, () -> guard.tryAccept("alice", ACCOUNT, 1, null));
        assertThrows(NullPointerException.class, () -> guard.hasAccepted(null, ACCOUNT, 1));
        assertThrows(NullPointerException.class, () -> guard.hasAccepted("alice", null, 1));
        ReplayGuard writeOnly = guard::tryAccept;
        assertThrows(NullPointerException.class, () -> writeOnly.hasAccepted("alice", null, 1), "the default too");
    }
}
