package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.ReplayGuard;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReplayGuard} must do, whatever stores it: the SPI's javadoc as tests. A
 * subclass says how to make a guard; each test uses account ids of its own, so the guard may be
 * shared. To be replaced or joined by otp-testkit's {@code ReplayGuardContract}.
 */
abstract class ReplayGuardContract {
    static final Instant KEEP = Instant.parse("2026-11-22T10:05:30Z");

    /** A guard; accounts from {@link TestDatabase#account()} are unknown to it. */
    abstract ReplayGuard guard();

    @Test
    void acceptsFirstStepOfAPair() {
        assertTrue(guard().tryAccept(TestDatabase.account(), "", 42, KEEP));
    }

    @Test
    void refusesTheSameStepAgain() {
        ReplayGuard guard = guard();
        String account = TestDatabase.account();
        guard.tryAccept(account, "", 42, KEEP);
        assertFalse(guard.tryAccept(account, "", 42, KEEP));
    }

    @Test
    void refusesAnOlderStepAndAcceptsANewerOne() {
        ReplayGuard guard = guard();
        String account = TestDatabase.account();
        guard.tryAccept(account, "", 42, KEEP);
        assertFalse(guard.tryAccept(account, "", 41, KEEP));
        assertTrue(guard.tryAccept(account, "", 43, KEEP));
        assertFalse(guard.tryAccept(account, "", 42, KEEP));
    }

    @Test
    void acceptsStepZeroAndTheLargestStep() {
        ReplayGuard guard = guard();
        String account = TestDatabase.account();
        assertTrue(guard.tryAccept(account, "", 0, KEEP));
        assertTrue(guard.tryAccept(account, "", Long.MAX_VALUE, Instant.MAX));
        assertFalse(guard.tryAccept(account, "", Long.MAX_VALUE, Instant.MAX));
    }

    @Test
    void keepsAuthenticatorsOfAnAccountApart() {
        ReplayGuard guard = guard();
        String account = TestDatabase.account();
        assertTrue(guard.tryAccept(account, "", 42, KEEP));
        assertTrue(guard.tryAccept(account, "c1", 42, KEEP));
        assertTrue(guard.tryAccept(account, "c2", 42, KEEP));
        assertFalse(guard.tryAccept(account, "c1", 42, KEEP));
    }

    @Test
    void neverJoinsAccountAndAuthenticatorIntoOneKey() {
        ReplayGuard guard = guard();
        String account = TestDatabase.account();
        assertTrue(guard.tryAccept(account + "/c1", "", 42, KEEP));
        assertTrue(guard.tryAccept(account, "c1", 42, KEEP));
        assertTrue(guard.tryAccept(account + "/", "c1", 42, KEEP));
    }

    @Test
    void tellsIdsApartByEveryCharacterIncludingCaseAccentsAndTrailingSpaces() {
        ReplayGuard guard = guard();
        String account = TestDatabase.account();
        for (String variant : List.of(account, account.toUpperCase(java.util.Locale.ROOT), account + " ",
                account + "é", account + "e\u0301", account + "\uD83D\uDE00", account + "\t")) {
            assertTrue(guard.tryAccept(variant, "", 42, KEEP), () -> "a distinct id: " + variant);
        }
    }

    @Test
    void hasAcceptedTellsWithoutChangingAnything() {
        ReplayGuard guard = guard();
        String account = TestDatabase.account();
        assertFalse(guard.hasAccepted(account, "", 42));
        guard.tryAccept(account, "", 42, KEEP);
        assertTrue(guard.hasAccepted(account, "", 41));
        assertTrue(guard.hasAccepted(account, "", 42));
        assertFalse(guard.hasAccepted(account, "", 43));
        assertFalse(guard.hasAccepted(account, "other", 42));
        assertTrue(guard.tryAccept(account, "", 43, KEEP));
    }

    @Test
    void acceptsOneStepOnceWhenManyCallersRaceForIt() {
        ReplayGuard guard = guard();
        for (int round = 0; round < 5; round++) {
            String account = TestDatabase.account();
            List<Boolean> accepted = Race.runAll(32, () -> guard.tryAccept(account, "", 42, KEEP));
            assertEquals(1, Collections.frequency(accepted, true), "exactly one caller wins a new pair");
            guard.tryAccept(account, "", 43, KEEP);
            List<Boolean> again = Race.runAll(32, () -> guard.tryAccept(account, "", 44, KEEP));
            assertEquals(1, Collections.frequency(again, true), "exactly one caller wins a known pair");
        }
    }

    @Test
    void acceptsTheNewestOfRacingStepsLast() {
        ReplayGuard guard = guard();
        String account = TestDatabase.account();
        Race.run(32, i -> () -> guard.tryAccept(account, "", 100 + i, KEEP));
        assertTrue(guard.hasAccepted(account, "", 131), "the newest step wins whatever the order");
        assertFalse(guard.tryAccept(account, "", 131, KEEP));
    }

    @Test
    void refusesNullArguments() {
        ReplayGuard guard = guard();
        assertThrows(NullPointerException.class, () -> guard.tryAccept(null, "", 1, KEEP));
        assertThrows(NullPointerException.class, () -> guard.tryAccept("a", null, 1, KEEP));
        assertThrows(NullPointerException.class, () -> guard.tryAccept("a", "", 1, null));
        assertThrows(NullPointerException.class, () -> guard.hasAccepted(null, "", 1));
        assertThrows(NullPointerException.class, () -> guard.hasAccepted("a", null, 1));
    }
}
