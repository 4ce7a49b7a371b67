package dev.otpkit.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.otpkit.core.Verification.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupCodeVerificationTest {
    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void equalsAnOutcomeOfTheSameStatusAndRetryTime() {
        assertEquals(BackupCodeVerification.locked(NOON), BackupCodeVerification.locked(Instant.parse("2026-11-22T12:00:00Z")));
        assertEquals(BackupCodeVerification.locked(NOON).hashCode(), BackupCodeVerification.locked(NOON).hashCode());
        assertNotEquals(BackupCodeVerification.locked(NOON), BackupCodeVerification.locked(NOON.plusSeconds(1)));
        assertNotEquals(BackupCodeVerification.locked(NOON).hashCode(),
                BackupCodeVerification.locked(NOON.plusSeconds(1)).hashCode());
        assertNotEquals(BackupCodeVerification.invalid(), BackupCodeVerification.malformed());
        assertNotEquals(BackupCodeVerification.valid(), Status.VALID);
    }

    @Test
    void saysWhenALockedAccountMayRetryAndNothingElse() {
        assertEquals(NOON, BackupCodeVerification.locked(NOON).retryAfter().orElseThrow());
        assertEquals("BackupCodeVerification[LOCKED until 2026-11-22T12:00:00Z]", BackupCodeVerification.locked(NOON).toString());
        assertEquals("BackupCodeVerification[MALFORMED]", BackupCodeVerification.malformed().toString());
    }
}
