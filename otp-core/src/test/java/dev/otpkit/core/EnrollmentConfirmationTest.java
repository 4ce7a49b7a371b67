package dev.otpkit.core;

import static dev.otpkit.core.ValueAssertions.assertEqualsNothingElse;
import static dev.otpkit.core.ValueAssertions.assertHashesApart;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrollmentConfirmationTest {

    @Test
    void describesARefusalByItsStatus() {
        assertEquals("EnrollmentConfirmation[EXPIRED]",
                EnrollmentConfirmation.refused(Verification.Status.EXPIRED).toString());
    }

    @Test
    void outcomesThatDifferHashApartAndEqualNothingElse() {
        Instant lockEnd = Instant.parse("2026-11-22T10:15:00Z");
        TotpCredential credential = TotpCredential.restore("c1", "alice", OtpSecret.generate(), Totp.builder().build(), 5);
        assertHashesApart(EnrollmentConfirmation.refused(Verification.locked(lockEnd)),
                EnrollmentConfirmation.refused(Verification.locked(lockEnd.plusSeconds(1))),
                EnrollmentConfirmation.refused(Verification.unavailable(Optional.empty())),
                EnrollmentConfirmation.confirmed(credential));
        assertEqualsNothingElse(EnrollmentConfirmation.confirmed(credential));
    }

    @Test
    void describesALockWithTheInstantItEnds() {
        assertEquals("EnrollmentConfirmation[LOCKED until 2026-11-22T10:15:00Z]",
                EnrollmentConfirmation.refused(Verification.locked(Instant.parse("2026-11-22T10:15:00Z"))).toString());
    }
}
