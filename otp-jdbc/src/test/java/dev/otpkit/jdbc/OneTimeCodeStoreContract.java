package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.PendingCode;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OneTimeCodeStore} must do: the SPI's javadoc as tests. Each test uses
 * accounts of its own. To be replaced or joined by otp-testkit's {@code OneTimeCodeStoreContract}.
 */
abstract class OneTimeCodeStoreContract {
    static final Instant ISSUED = Instant.parse("2026-11-22T10:00:00.123Z");
    static final Instant EXPIRES = Instant.parse("2026-11-22T10:10:00.123Z");

    /** A store; accounts from {@link TestDatabase#account()} have no code in it. */
    abstract OneTimeCodeStore store();

    static PendingCode code(String account, String scope, String issueId, int hashByte) {
        byte[] hash = new byte[32];
        java.util.Arrays.fill(hash, (byte) hashByte);
        hash[0] = 0;
        hash[31] = (byte) 0xff;
        return new PendingCode(account, scope, issueId, hash, ISSUED, EXPIRES, 0);
    }

    @Test
    void claimCountsAttemptsOnThePendingCodeAndReturnsItWhole() {
        OneTimeCodeStore store = store();
        String account = TestDatabase.account();
        PendingCode put = code(account, "login", "issue-1", 7);
        store.put(put);
        PendingCode first = store.claimAttempt(account, "login").orElseThrow();
        assertEquals(1, first.attempts());
        assertEquals(account, first.accountId());
        assertEquals("login", first.scope());
        assertEquals("issue-1", first.issueId());
        assertArrayEquals(put.hash(), first.hash());
        assertEquals(ISSUED, first.issuedAt());
        assertEquals(EXPIRES, first.expiresAt());
        assertEquals(2, store.claimAttempt(account, "login").orElseThrow().attempts());
    }

    @Test
    void claimFindsNothingWithoutAPendingCode() {
        OneTimeCodeStore store = store();
        String account = TestDatabase.account();
        assertEquals(Optional.empty(), store.claimAttempt(account, "login"));
        store.put(code(account, "login", "issue-1", 7));
        assertEquals(Optional.empty(), store.claimAttempt(account, "transfer"), "scopes are apart");
        assertEquals(Optional.empty(), store.claimAttempt(account + " ", "login"), "accounts are apart");
    }

    @Test
    void putReplacesTheCodePendingForTheAccountAndScope() {
        OneTimeCodeStore store = store();
        String account = TestDatabase.account();
        store.put(code(account, "login", "issue-1", 7));
        store.claimAttempt(account, "login");
        store.put(code(account, "login", "issue-2", 8));
        PendingCode claimed = store.claimAttempt(account, "login").orElseThrow();
        assertEquals("issue-2", claimed.issueId());
        assertEquals(1, claimed.attempts(), "the new code starts with its own count");
        assertFalse(store.remove(account, "login", "issue-1"), "the replaced code can no longer be removed");
        assertTrue(store.remove(account, "login", "issue-2"));
    }

    @Test
    void removeTakesTheCodeOnceAndOnlyIfItIsStillTheOneGiven() {
        OneTimeCodeStore store = store();
        String account = TestDatabase.account();
        store.put(code(account, "login", "issue-1", 7));
        assertFalse(store.remove(account, "login", "issue-0"));
        assertFalse(store.remove(account, "login", "ISSUE-1"));
        assertTrue(store.remove(account, "login", "issue-1"));
        assertFalse(store.remove(account, "login", "issue-1"));
        assertEquals(Optional.empty(), store.claimAttempt(account, "login"));
    }

    @Test
    void racingClaimsNeverSeeTheSameCount() {
        OneTimeCodeStore store = store();
        String account = TestDatabase.account();
        store.put(code(account, "login", "issue-1", 7));
        List<Integer> counts = Race.runAll(32, () -> store.claimAttempt(account, "login").orElseThrow().attempts());
        assertEquals(IntStream.rangeClosed(1, 32).boxed().collect(Collectors.toSet()), new HashSet<>(counts));
    }

    @Test
    void exactlyOneOfRacingRemovesTakesTheCode() {
        OneTimeCodeStore store = store();
        for (int round = 0; round < 5; round++) {
            String account = TestDatabase.account();
            store.put(code(account, "login", "issue-1", 7));
            List<Boolean> removed = Race.runAll(32, () -> store.remove(account, "login", "issue-1"));
            assertEquals(1, Collections.frequency(removed, true));
        }
    }

    @Test
    void aReplacementRacingClaimsLeavesOnlyTheNewCode() {
        OneTimeCodeStore store = store();
        String account = TestDatabase.account();
        store.put(code(account, "login", "issue-1", 7));
        Set<String> seen = new HashSet<>(Race.run(32, i -> () -> {
            if (i == 16) {
                store.put(code(account, "login", "issue-2", 8));
                return "put";
            }
            return store.claimAttempt(account, "login").orElseThrow().issueId();
        }));
        assertTrue(Set.of("put", "issue-1", "issue-2").containsAll(seen), seen::toString);
        assertEquals("issue-2", store.claimAttempt(account, "login").orElseThrow().issueId());
    }

    @Test
    void refusesNullArguments() {
        OneTimeCodeStore store = store();
        assertThrows(NullPointerException.class, () -> store.put(null));
        assertThrows(NullPointerException.class, () -> store.claimAttempt(null, "login"));
        assertThrows(NullPointerException.class, () -> store.claimAttempt("a", null));
        assertThrows(NullPointerException.class, () -> store.remove("a", "login", null));
    }
}
