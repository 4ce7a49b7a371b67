package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryOneTimeCodeStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final TestClock clock = new TestClock(T0);

    private OneTimeCodeStore store(int maxEntries) {
        return OneTimeCodeStore.inMemoryBuilder().clock(clock).maxEntries(maxEntries).build();
    }

    private static PendingCode code(String account, String issueId, Instant issuedAt) {
        return new PendingCode(account, "login", issueId, new byte[32], issuedAt,
                issuedAt.plus(Duration.ofMinutes(10)), 0);
    }

    @Test
    void countsEachAttemptOnce() {
        OneTimeCodeStore store = store(10);
        store.put(code("alice", "a1", T0));
        assertEquals(1, store.claimAttempt("alice", "login").orElseThrow().attempts());
        assertEquals(2, store.claimAttempt("alice", "login").orElseThrow().attempts());
        assertEquals(Optional.empty(), store.claimAttempt("alice", "transfer"));
    }

    @Test
    void newCodeReplacesPendingOneAndResetsAttempts() {
        OneTimeCodeStore store = store(10);
        store.put(code("alice", "a1", T0));
        store.claimAttempt("alice", "login");
        store.put(code("alice", "a2", T0));
        PendingCode pending = store.claimAttempt("alice", "login").orElseThrow();
        assertEquals("a2", pending.issueId());
        assertEquals(1, pending.attempts());
    }

    @Test
    void removesOnlyTheNamedIssueAndOnlyOnce() {
        OneTimeCodeStore store = store(10);
        store.put(code("alice", "a2", T0));
        assertFalse(store.remove("alice", "login", "a1"));
        assertTrue(store.remove("alice", "login", "a2"));
        assertFalse(store.remove("alice", "login", "a2"));
        assertEquals(Optional.empty(), store.claimAttempt("alice", "login"));
    }

    @Test
    void refusesANewCodeWhenFullOfLiveCodesAndEvictsNone() {
        OneTimeCodeStore store = store(2);
        store.put(code("alice", "a", T0));
        store.put(code("bob", "b", T0.plusSeconds(1)));

        StoreFullException full = assertThrows(StoreFullException.class,
                () -> store.put(code("carol", "c", T0.plusSeconds(2))));
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(10))), full.retryAfter(), "when alice's code expires");
        assertFalse(full.getMessage().contains("carol"), full.getMessage());
        assertTrue(store.claimAttempt("alice", "login").isPresent(), "the oldest code was kept");
        assertTrue(store.claimAttempt("bob", "login").isPresent());
        assertEquals(Optional.empty(), store.claimAttempt("carol", "login"));
        store.put(code("alice", "a2", T0.plusSeconds(3)));
        assertEquals("a2", store.claimAttempt("alice", "login").orElseThrow().issueId(),
                "a pair it holds may still replace its code");
    }

    @Test
    void dropsExpiredCodesToMakeRoom() {
        OneTimeCodeStore store = store(2);
        store.put(code("alice", "a", T0));
        store.put(code("bob", "b", T0.plusSeconds(1)));
        clock.set(T0.plus(Duration.ofMinutes(10)));  // alice's code has expired, bob's has not

        store.put(code("carol", "c", clock.instant()));
        assertEquals(Optional.empty(), store.claimAttempt("alice", "login"));
        assertTrue(store.claimAttempt("bob", "login").isPresent());
        assertTrue(store.claimAttempt("carol", "login").isPresent());
    }

    @Test
    void forgetsAnExpiredCode() {
        OneTimeCodeStore store = store(10);
        store.put(code("alice", "a", T0));
        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertEquals(Optional.empty(), store.claimAttempt("alice", "login"));
        assertEquals("InMemoryOneTimeCodeStore[0 of 10 codes pending]", store.toString());
    }

    @Test
    void removesNothingOnceTheCodeHasExpired() {
        OneTimeCodeStore store = store(10);
        store.put(code("alice", "a", T0));
        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertFalse(store.remove("alice", "login", "a"));
        assertEquals("InMemoryOneTimeCodeStore[0 of 10 codes pending]", store.toString());
    }

    @Test
    void inMemoryHoldsCodesOnTheSystemClock() {
        OneTimeCodeStore defaults = OneTimeCodeStore.inMemory();
        defaults.put(code("alice", "a", Instant.now()));
        assertEquals("a", defaults.claimAttempt("alice", "login").orElseThrow().issueId());
        assertEquals("InMemoryOneTimeCodeStore[1 of 100000 codes pending]", defaults.toString());
    }

    @Test
    void aStoreForOneCodeKeepsTheFirstAndRefusesASecondPair() {
        OneTimeCodeStore store = store(1);
        store.put(code("alice", "a", T0));
        assertThrows(StoreFullException.class, () -> store.put(code("bob", "b", T0.plusSeconds(1))));
        assertEquals(Optional.empty(), store.claimAttempt("bob", "login"));
        assertEquals("a", store.claimAttempt("alice", "login").orElseThrow().issueId());
        assertEquals("InMemoryOneTimeCodeStore[1 of 1 codes pending]", store.toString());
    }

    @Test
    void builderChecksTheBoundAtOnce() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> OneTimeCodeStore.inMemoryBuilder().maxEntries(0));
        assertEquals("maxEntries must be at least 1, was 0", zero.getMessage());
        assertThrows(NullPointerException.class, () -> OneTimeCodeStore.inMemoryBuilder().clock(null));
        assertThrows(NullPointerException.class, () -> store(1).put(null));
    }
}
