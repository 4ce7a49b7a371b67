package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.PendingCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryOneTimeCodeStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static PendingCode code(String account, String issueId, Instant issuedAt) {
        return new PendingCode(account, "login", issueId, new byte[32], issuedAt,
                issuedAt.plus(Duration.ofMinutes(10)), 0);
    }

    @Test
    void countsEachAttemptOnce() {
        InMemoryOneTimeCodeStore store = new InMemoryOneTimeCodeStore(10);
        store.put(code("alice", "a1", T0));
        assertEquals(1, store.claimAttempt("alice", "login").orElseThrow().attempts());
        assertEquals(2, store.claimAttempt("alice", "login").orElseThrow().attempts());
        assertEquals(Optional.empty(), store.claimAttempt("alice", "transfer"));
    }

    @Test
    void newCodeReplacesPendingOneAndResetsAttempts() {
        InMemoryOneTimeCodeStore store = new InMemoryOneTimeCodeStore(10);
        store.put(code("alice", "a1", T0));
        store.claimAttempt("alice", "login");
        store.put(code("alice", "a2", T0));
        PendingCode pending = store.claimAttempt("alice", "login").orElseThrow();
        assertEquals("a2", pending.issueId());
        assertEquals(1, pending.attempts());
    }

    @Test
    void removesOnlyTheNamedIssueAndOnlyOnce() {
        InMemoryOneTimeCodeStore store = new InMemoryOneTimeCodeStore(10);
        store.put(code("alice", "a2", T0));
        assertFalse(store.remove("alice", "login", "a1"));
        assertTrue(store.remove("alice", "login", "a2"));
        assertFalse(store.remove("alice", "login", "a2"));
    }

    @Test
    void forgetsTheOldestCodeWhenFull() {
        InMemoryOneTimeCodeStore store = new InMemoryOneTimeCodeStore(2);
        store.put(code("alice", "a", T0));
        store.put(code("bob", "b", T0.plusSeconds(1)));
        store.put(code("carol", "c", T0.plusSeconds(2)));
        assertEquals(Optional.empty(), store.claimAttempt("alice", "login"));
        assertTrue(store.claimAttempt("bob", "login").isPresent());
        assertTrue(store.claimAttempt("carol", "login").isPresent());
    }

    @Test
    void forgetsExpiredCodesBeforeLiveOnes() {
        InMemoryOneTimeCodeStore store = new InMemoryOneTimeCodeStore(3);
        store.put(code("alice", "a", T0));
        store.put(code("bob", "b", T0.plusSeconds(1)));
        store.put(code("carol", "c", T0.plus(Duration.ofMinutes(10))));  // alice's code has expired
        assertEquals("InMemoryOneTimeCodeStore[2 of 3]", store.toString());
        assertEquals(Optional.empty(), store.claimAttempt("alice", "login"));
        assertTrue(store.claimAttempt("bob", "login").isPresent());
    }

    @Test
    void aStoreForOneCodeKeepsOnlyTheNewest() {
        InMemoryOneTimeCodeStore store = new InMemoryOneTimeCodeStore(1);
        store.put(code("alice", "a", T0));
        store.put(code("bob", "b", T0.plusSeconds(1)));
        assertEquals(Optional.empty(), store.claimAttempt("alice", "login"));
        assertEquals("b", store.claimAttempt("bob", "login").orElseThrow().issueId());
        assertEquals("InMemoryOneTimeCodeStore[1 of 1]", store.toString());
    }

    @Test
    void refusesCapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryOneTimeCodeStore(0));
    }
}
