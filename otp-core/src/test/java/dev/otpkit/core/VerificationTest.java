package dev.otpkit.core;

import static dev.otpkit.core.ValueAssertions.assertEqualsNothingElse;
import static dev.otpkit.core.ValueAssertions.assertHashesApart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.Verification.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationTest {
    private static final Instant LATER = Instant.parse("2026-01-01T00:15:00Z");

    @Test
    void onlyAValidCounterCheckHasAMatch() {
        Verification totp = Verification.valid(1234, -1);
        assertTrue(totp.isValid());
        assertEquals(1234, totp.match().orElseThrow().counter());
        assertEquals(-1, totp.match().orElseThrow().drift());
        assertEquals(1235, totp.match().orElseThrow().nextCounter());

        assertTrue(Verification.valid().isValid(), "a backup or email code");
        assertEquals(Optional.empty(), Verification.valid().match());
        for (Verification refused : new Verification[] {Verification.invalid(), Verification.malformed(),
                Verification.replayed(), Verification.expired(), Verification.locked(LATER),
                Verification.unavailable(Optional.of(LATER))}) {
            assertFalse(refused.isValid(), refused.toString());
            assertEquals(Optional.empty(), refused.match(), refused.toString());
        }
    }

    @Test
    void comparesOutcomesAndMatchesByValue() {
        assertEquals(Verification.valid(7, 2), Verification.valid(7, 2));
        assertEquals(Verification.valid(7, 2).hashCode(), Verification.valid(7, 2).hashCode());
        assertEquals(Verification.valid(7, 2).match(), Verification.valid(7, 2).match());
        assertEquals(Verification.valid(7, 2).match().hashCode(), Verification.valid(7, 2).match().hashCode());
        assertNotEquals(Verification.valid(7, 2), Verification.valid(7, 1));
        assertNotEquals(Verification.valid(7, 2), Verification.valid(8, 2));
        assertNotEquals(Verification.valid(7, 0), Verification.valid());
        assertEquals(Verification.locked(LATER), Verification.locked(LATER));
        assertNotEquals(Verification.locked(LATER), Verification.unavailable(Optional.of(LATER)));
        assertNotEquals(Verification.unavailable(Optional.of(LATER)), Verification.unavailable(Optional.empty()));
    }

    @Test
    void outcomesThatDifferHashApartAndEqualNothingElse() {
        assertHashesApart(Verification.valid(7, 2), Verification.valid(7, 1), Verification.valid(8, 2),
                Verification.locked(LATER), Verification.locked(LATER.plusSeconds(1)),
                Verification.unavailable(Optional.of(LATER)), Verification.unavailable(Optional.empty()));
        assertEqualsNothingElse(Verification.invalid());
        assertEqualsNothingElse(Verification.valid(7, 2).match().orElseThrow());
    }

    /** The matches a verifier answers in practice: nearby counters, small drifts. */
    @Test
    void matchesOfNearbyCountersAndDriftsHashApart() {
        List<Verification.Match> matches = new ArrayList<>();
        for (long counter = 1_000; counter < 1_100; counter++) {
            for (int drift = -10; drift <= 10; drift++) {
                matches.add(Verification.valid(counter, drift).match().orElseThrow());
            }
        }
        assertHashesApart(matches.toArray());
    }

    @Test
    void retryTimeOnlyWhenLockedOrUnavailable() {
        assertEquals(Optional.of(LATER), Verification.locked(LATER).retryAfter());
        assertEquals(Optional.of(LATER), Verification.unavailable(Optional.of(LATER)).retryAfter());
        assertEquals(Optional.empty(), Verification.unavailable(Optional.empty()).retryAfter(),
                "a full store that cannot tell when room frees");
        assertEquals(Optional.empty(), Verification.valid(1, 0).retryAfter());
        assertEquals(Status.UNAVAILABLE, Verification.unavailable(Optional.empty()).status());
    }

    @Test
    void describesOutcomesWithoutCodes() {
        assertEquals("Verification[VALID, counter 1234, drift -1]", Verification.valid(1234, -1).toString());
        assertEquals("Match[counter 1234, drift -1]", Verification.valid(1234, -1).match().orElseThrow().toString());
        assertEquals("Verification[VALID]", Verification.valid().toString());
        assertEquals("Verification[LOCKED until 2026-01-01T00:15:00Z]", Verification.locked(LATER).toString());
        assertEquals("Verification[LOCKED until reset]", Verification.locked(Instant.MAX).toString());
        assertEquals("Verification[UNAVAILABLE until 2026-01-01T00:15:00Z]",
                Verification.unavailable(Optional.of(LATER)).toString());
        assertEquals("Verification[UNAVAILABLE]", Verification.unavailable(Optional.empty()).toString());
    }

    @Test
    void enrolmentConfirmationsHaveTheSameShape() {
        EnrollmentConfirmation locked = EnrollmentConfirmation.refused(Verification.locked(LATER));
        assertFalse(locked.isValid());
        assertEquals(Status.LOCKED, locked.status());
        assertEquals(Optional.of(LATER), locked.retryAfter());
        assertEquals(Optional.empty(), locked.credential());
        assertEquals(locked, EnrollmentConfirmation.refused(Verification.locked(LATER)));
        assertEquals(locked.hashCode(), EnrollmentConfirmation.refused(Verification.locked(LATER)).hashCode());
        assertNotEquals(locked, EnrollmentConfirmation.refused(Status.EXPIRED));
        assertEquals("EnrollmentConfirmation[LOCKED until 2026-01-01T00:15:00Z]", locked.toString());

        TotpCredential credential = TotpCredential.restore("c1", "alice", OtpSecret.generate(), Totp.builder().build(), 5);
        EnrollmentConfirmation confirmed = EnrollmentConfirmation.confirmed(credential);
        assertTrue(confirmed.isValid());
        assertEquals(Status.VALID, confirmed.status());
        assertEquals(Optional.of(credential), confirmed.credential());
        assertEquals(confirmed, EnrollmentConfirmation.confirmed(credential));
        assertFalse(confirmed.toString().contains(credential.secret().toBase32()), confirmed.toString());
    }
}
