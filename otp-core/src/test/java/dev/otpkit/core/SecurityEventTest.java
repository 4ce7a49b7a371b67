package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.SecurityEvent.Kind;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SecurityEventTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-01T00:15:00Z");

    @Test
    void carriesTheAccountKindAndTimeAndOnlyItsOwnExtra() {
        SecurityEvent failed = SecurityEvent.of(Kind.SECOND_FACTOR_FAILED, "alice", NOW);
        assertEquals("alice", failed.accountId());
        assertEquals(Kind.SECOND_FACTOR_FAILED, failed.kind());
        assertEquals(NOW, failed.time());
        assertEquals(Optional.empty(), failed.lockedUntil());
        assertEquals(OptionalInt.empty(), failed.remainingBackupCodes());

        SecurityEvent locked = SecurityEvent.accountLocked("alice", NOW, LATER);
        assertEquals(Kind.ACCOUNT_LOCKED, locked.kind());
        assertEquals(Optional.of(LATER), locked.lockedUntil());
        assertEquals(OptionalInt.empty(), locked.remainingBackupCodes());

        SecurityEvent used = SecurityEvent.backupCodeUsed("alice", NOW, 0);
        assertEquals(Kind.BACKUP_CODE_USED, used.kind());
        assertEquals(OptionalInt.of(0), used.remainingBackupCodes());
        assertEquals(Optional.empty(), used.lockedUntil());
    }

    @Test
    void makesTheKindsWithAnExtraOnlyThroughTheirOwnFactories() {
        IllegalArgumentException locked =
                assertThrows(IllegalArgumentException.class, () -> SecurityEvent.of(Kind.ACCOUNT_LOCKED, "a", NOW));
        assertEquals("ACCOUNT_LOCKED events carry more than the account and the time: make them with"
                + " accountLocked(...) or backupCodeUsed(...)", locked.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecurityEvent.of(Kind.BACKUP_CODE_USED, "a", NOW));
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> SecurityEvent.backupCodeUsed("a", NOW, -1));
        assertEquals("remainingBackupCodes must be 0 or more, was -1", negative.getMessage());
    }

    @Test
    void refusesNulls() {
        assertThrows(NullPointerException.class, () -> SecurityEvent.of(null, "a", NOW));
        assertThrows(NullPointerException.class, () -> SecurityEvent.of(Kind.CODE_REPLAYED, null, NOW));
        assertThrows(NullPointerException.class, () -> SecurityEvent.of(Kind.CODE_REPLAYED, "a", null));
        assertThrows(NullPointerException.class, () -> SecurityEvent.accountLocked("a", NOW, null));
        assertThrows(NullPointerException.class, () -> SecurityEvent.backupCodeUsed(null, NOW, 1));
    }

    @Test
    void comparesByEveryField() {
        SecurityEvent event = SecurityEvent.accountLocked("alice", NOW, LATER);
        assertEquals(SecurityEvent.accountLocked("alice", NOW, LATER), event);
        assertEquals(SecurityEvent.accountLocked("alice", NOW, LATER).hashCode(), event.hashCode());
        assertNotEquals(SecurityEvent.accountLocked("bob", NOW, LATER), event);
        assertNotEquals(SecurityEvent.accountLocked("alice", LATER, LATER), event);
        assertNotEquals(SecurityEvent.accountLocked("alice", NOW, Instant.MAX), event);
        assertNotEquals(SecurityEvent.backupCodeUsed("alice", NOW, 2), SecurityEvent.backupCodeUsed("alice", NOW, 1));
        assertNotEquals(SecurityEvent.of(Kind.CODE_REPLAYED, "alice", NOW),
                SecurityEvent.of(Kind.SECOND_FACTOR_FAILED, "alice", NOW));
        assertNotEquals(event, "alice");
    }

    @Test
    void describesItselfForALogLine() {
        assertEquals("SecurityEvent[SECOND_FACTOR_FAILED, account \"alice\", 2026-01-01T00:00:00Z]",
                SecurityEvent.of(Kind.SECOND_FACTOR_FAILED, "alice", NOW).toString());
        assertEquals("SecurityEvent[ACCOUNT_LOCKED, account \"alice\", 2026-01-01T00:00:00Z,"
                + " locked until 2026-01-01T00:15:00Z]", SecurityEvent.accountLocked("alice", NOW, LATER).toString());
        assertEquals("SecurityEvent[ACCOUNT_LOCKED, account \"alice\", 2026-01-01T00:00:00Z, locked until reset]",
                SecurityEvent.accountLocked("alice", NOW, Instant.MAX).toString());
        assertEquals("SecurityEvent[BACKUP_CODE_USED, account \"alice\", 2026-01-01T00:00:00Z, 2 backup codes left]",
                SecurityEvent.backupCodeUsed("alice", NOW, 2).toString());
    }

    @Test
    void quotesAnAccountIdSoThatItCannotForgeALogLine() {
        SecurityEvent forged = SecurityEvent.of(Kind.CODE_REPLAYED, "eve\"]\nSecurityEvent[\u202Eok\\", NOW);
        assertEquals("SecurityEvent[CODE_REPLAYED, account \"eve\\\"]\\u{000A}SecurityEvent[\\u{202E}ok\\\\\","
                + " 2026-01-01T00:00:00Z]", forged.toString());
    }

    @Test
    void theDefaultListenerIgnoresEveryEvent() {
        SecurityEventListener none = SecurityEventListener.none();
        none.onEvent(SecurityEvent.of(Kind.CODE_REPLAYED, "alice", NOW));
        assertEquals("SecurityEventListener.none()", none.toString());
        assertThrows(NullPointerException.class, () -> none.onEvent(null));
    }
}
