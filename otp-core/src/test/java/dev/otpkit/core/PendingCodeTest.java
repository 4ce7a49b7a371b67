package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingCodeTest {

    @Test
    void describesItselfWithoutItsHash() {
        PendingCode pending = new PendingCode("alice", "login", "issue-1", new byte[] {0x31, 0x32, 0x33},
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:10:00Z"), 2);
        assertEquals("PendingCode[alice/login, expires 2026-11-22T10:10:00Z, 2 attempts]", pending.toString());
    }

    @Test
    void keepsWhenItWasIssuedThroughAttemptCounts() {
        Instant issuedAt = Instant.parse("2026-11-22T10:00:00Z");
        PendingCode pending = new PendingCode("alice", "login", "issue-1", new byte[32], issuedAt,
                issuedAt.plusSeconds(600), 0);
        assertEquals(issuedAt, pending.issuedAt());
        assertEquals(issuedAt, pending.withAttempts(3).issuedAt());
    }
}
