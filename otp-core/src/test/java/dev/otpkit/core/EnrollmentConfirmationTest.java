package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnrollmentConfirmationTest {

    @Test
    void describesARefusalByItsStatus() {
        assertEquals("EnrollmentConfirmation[EXPIRED]",
                EnrollmentConfirmation.refused(Verification.Status.EXPIRED).toString());
    }

    @Test
    void describesALockWithTheInstantItEnds() {
        assertEquals("EnrollmentConfirmation[LOCKED until 2026-11-22T10:15:00Z]",
                EnrollmentConfirmation.refused(Verification.locked(Instant.parse("2026-11-22T10:15:00Z"))).toString());
    }
}
