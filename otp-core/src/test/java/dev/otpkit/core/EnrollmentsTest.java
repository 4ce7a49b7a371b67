package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrollmentsTest {
    private static final String ACCOUNT = "user-42";
    /** The start of a 30-second step, so that tests can move whole steps. */
    private static final Instant START = Instant.ofEpochSecond(1_800_000_000L / 30 * 30);

    private final TestClock clock = new TestClock(START);
    private final TotpVerifier loginVerifier = TotpVerifier.builder(Totp.builder().build()).clock(clock).build();
    private final Enrollments enrollments = Enrollments.builder(loginVerifier).build();

    private String currentCode(PendingEnrollment pending) {
        return pending.totp().generate(pending.secret(), clock.instant());
    }

    private Verification login(TotpCredential credential, String code) {
        return loginVerifier.verify(credential, code);
    }

    @Test
    void startGivesAFreshSecretAndAUriThatExpiresInTenMinutes() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");

        assertEquals(ACCOUNT, pending.accountId());
        assertEquals(160, pending.secret().bitLength());
        assertEquals("Example", pending.uri().issuer().orElseThrow());
        assertEquals("alice@example.com", pending.uri().account());
        assertEquals(START.plus(Duration.ofMinutes(10)), pending.expiresAt());
        assertEquals(26, pending.id().length());
        assertNotEquals(pending.id(), enrollments.start(ACCOUNT, "Example", "alice@example.com").id());
        assertFalse(pending.toString().contains(pending.secret().toBase32()), pending.toString());
        assertEquals("PendingEnrollment[user-42, expires " + pending.expiresAt() + "]", pending.toString());
    }

    @Test
    void confirmsWithinTimeOnceAndTheConfirmingCodeCannotLogIn() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        clock.advance(Duration.ofMinutes(9));
        String code = currentCode(pending);

        EnrollmentConfirmation result = enrollments.confirm(pending, code);

        assertTrue(result.isValid(), result.toString());
        TotpCredential credential = result.credential().orElseThrow();
        assertEquals(pending.secret(), credential.secret());
        assertEquals(pending.totp().step(clock.instant()), credential.confirmedStep());
        assertEquals(ACCOUNT, credential.accountId());
        assertEquals("TotpCredential[user-42, Totp[SHA1, 6 digits, 30 s], confirmed at step " + credential.confirmedStep()
                + "]", credential.toString());
        assertEquals(Status.REPLAYED, login(credential, code).status(), "first login with the same code");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(login(credential, currentCode(pending)).isValid(), "next code logs in");
    }

    @Test
    void theConfirmingCodeCannotLogInAfterARestart() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        String previous = pending.totp().generate(pending.secret(), clock.instant().minusSeconds(30));
        String code = currentCode(pending);
        TotpCredential credential = enrollments.confirm(pending, code).credential().orElseThrow();

        // Restarted (or another node): a verifier whose in-memory guard never saw the confirmation.
        TotpVerifier restarted = TotpVerifier.builder(Totp.builder().build()).clock(clock).build();
        TotpCredential restored = TotpCredential.restore(credential.id(), ACCOUNT, credential.secret(),
                Totp.builder().build(), credential.confirmedStep());

        assertEquals(Status.REPLAYED, restarted.verify(restored, code).status(), "the confirming code");
        assertEquals(Status.REPLAYED, restarted.verify(restored, previous).status(), "an older code");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(restarted.verify(restored, currentCode(pending)).isValid(), "the next code logs in");
    }

    @Test
    void refusesAWrongCode() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        String right = currentCode(pending);
        String wrong = right.equals("000000") ? "000001" : "000000";

        assertEquals(Status.INVALID, enrollments.confirm(pending, wrong).status());
        assertEquals(Status.MALFORMED, enrollments.confirm(pending, "12345").status());
        assertTrue(enrollments.confirm(pending, right).isValid(), "a later right code still confirms");
    }

    @Test
    void refusesAnExpiredEnrolmentEvenWithTheRightCode() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        clock.advance(Duration.ofMinutes(10));

        EnrollmentConfirmation result = enrollments.confirm(pending, currentCode(pending));

        assertEquals(Status.EXPIRED, result.status());
        assertTrue(result.credential().isEmpty());
    }

    @Test
    void theSameFirstCodeSentTwiceIsAlreadyConfirmedNotAFailure() {
        AttemptLimiter oneFailureLocks = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(1).build();
        Enrollments strict = Enrollments.builder(
                TotpVerifier.builder(Totp.builder().build()).clock(clock).attemptLimiter(oneFailureLocks).build()).build();
        PendingEnrollment first = strict.start(ACCOUNT, "Example", "alice@example.com");
        String code = currentCode(first);
        assertTrue(strict.confirm(first, code).isValid());

        // Restored from storage, the same enrolment with the same code, as a double submission.
        PendingEnrollment restored = PendingEnrollment.restore(first.id(), ACCOUNT, first.uri(), first.expiresAt());
        assertEquals(Status.ALREADY_CONFIRMED, strict.confirm(restored, code).status());
        assertEquals(Status.ALREADY_CONFIRMED, strict.confirm(first, "000000").status(), "whatever the code");
        assertEquals(AttemptLimiter.Attempt.proceedAndLock(clock.instant().plus(AttemptLimiter.DEFAULT_FIRST_LOCK)),
                oneFailureLocks.beginAttempt(ACCOUNT), "neither counted as a failure: this is the first");
    }

    @Test
    void aGuardThatCannotReadStillConfirmsAtMostOnce() {
        ReplayGuard inMemory = ReplayGuard.inMemoryBuilder().clock(clock).build();
        ReplayGuard writeOnly = inMemory::tryAccept;   // keeps the default hasAccepted: "not known"
        Enrollments plain = Enrollments.builder(loginVerifier).confirmations(writeOnly).build();
        PendingEnrollment pending = plain.start(ACCOUNT, "Example", "alice@example.com");
        assertTrue(plain.confirm(pending, currentCode(pending)).isValid());
        assertEquals(Status.REPLAYED, plain.confirm(pending, currentCode(pending)).status());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Status.ALREADY_CONFIRMED, plain.confirm(pending, currentCode(pending)).status());
    }

    @Test
    void refusesAnEnrolmentConfirmedBefore() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        assertTrue(enrollments.confirm(pending, currentCode(pending)).isValid());
        clock.advance(Duration.ofSeconds(30));

        assertEquals(Status.ALREADY_CONFIRMED, enrollments.confirm(pending, currentCode(pending)).status());
    }

    @Test
    void refusesALockedAccountWithoutCheckingTheCode() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        String right = currentCode(pending);
        String wrong = right.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; i++) {
            assertEquals(Status.INVALID, enrollments.confirm(pending, wrong).status());
        }

        EnrollmentConfirmation locked = enrollments.confirm(pending, right);

        assertEquals(Status.LOCKED, locked.status());
        assertEquals(START.plus(AttemptLimiter.DEFAULT_FIRST_LOCK), locked.retryAfter().orElseThrow());
        assertTrue(locked.credential().isEmpty());
    }

    @Test
    void reEnrolmentKeepsTheOldCredentialUntilTheNewIsConfirmed() {
        PendingEnrollment original = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        TotpCredential active = enrollments.confirm(original, currentCode(original)).credential().orElseThrow();

        clock.advance(Duration.ofMinutes(1));
        PendingEnrollment replacement = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        assertTrue(login(active, currentCode(original)).isValid(), "old credential works while the new is pending");

        clock.advance(Duration.ofSeconds(30));
        String wrong = currentCode(original);
        assertFalse(enrollments.confirm(replacement, wrong).isValid(), "the old app's code does not confirm the new");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(login(active, currentCode(original)).isValid(), "old credential still works after a failed confirm");

        clock.advance(Duration.ofSeconds(30));
        TotpCredential replaced = enrollments.confirm(replacement, currentCode(replacement)).credential().orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        assertTrue(login(replaced, currentCode(replacement)).isValid(), "new credential logs in");
        assertNotEquals(active.secret(), replaced.secret());
    }

    @Test
    void reEnrolmentAndLoginWithTheOldCredentialInOneStepDoNotClash() {
        PendingEnrollment original = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        TotpCredential active = enrollments.confirm(original, currentCode(original)).credential().orElseThrow();
        clock.advance(Duration.ofSeconds(30));

        // Log in with the old app, then confirm the new one, within the same 30-second step.
        PendingEnrollment replacement = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        assertTrue(login(active, currentCode(original)).isValid(), "login with the old credential");
        EnrollmentConfirmation confirmed = enrollments.confirm(replacement, currentCode(replacement));
        assertEquals(Status.VALID, confirmed.status(), "the new app's first code, same step");
        TotpCredential replaced = confirmed.credential().orElseThrow();
        assertEquals(replacement.id(), replaced.id());
        clock.advance(Duration.ofSeconds(30));

        // The other order: confirm a new enrolment, then log in with the still active one.
        PendingEnrollment another = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        assertEquals(Status.VALID, enrollments.confirm(another, currentCode(another)).status());
        assertTrue(login(replaced, currentCode(replacement)).isValid(), "login with the old credential, same step");

        assertEquals(Status.REPLAYED, login(replaced, currentCode(replacement)).status(),
                "a credential still refuses its own code twice");
    }

    @Test
    void confirmsThroughTheGuardThatLoginsUse() {
        ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).build();
        TotpVerifier verifier = TotpVerifier.builder(Totp.builder().build()).clock(clock).replayGuard(guard).build();
        Enrollments sharing = Enrollments.builder(verifier).confirmations(guard).build();
        PendingEnrollment pending = sharing.start(ACCOUNT, "Example", "alice@example.com");
        TotpCredential credential = sharing.confirm(pending, currentCode(pending)).credential().orElseThrow();

        clock.advance(Duration.ofSeconds(30));
        assertEquals(Status.ALREADY_CONFIRMED, sharing.confirm(pending, currentCode(pending)).status());
        assertTrue(verifier.verify(credential, currentCode(pending)).isValid(), "the mark leaves the logins alone");
    }

    @Test
    void answersUnavailableWithoutCountingWhileTheLoginGuardHasNoRoom() {
        ReplayGuard oneAccount = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(1).build();
        AttemptLimiter oneFailureLocks = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(1).build();
        TotpVerifier verifier = TotpVerifier.builder(Totp.builder().build()).clock(clock).replayGuard(oneAccount)
                .attemptLimiter(oneFailureLocks).build();
        Enrollments small = Enrollments.builder(verifier).build();
        OtpSecret bobs = OtpSecret.generate();
        assertTrue(verifier.verify("bob", bobs, verifier.totp().generate(bobs, START)).isValid());

        PendingEnrollment pending = small.start(ACCOUNT, "Example", "alice@example.com");
        EnrollmentConfirmation refused = small.confirm(pending, currentCode(pending));
        assertEquals(Status.UNAVAILABLE, refused.status());
        assertTrue(refused.credential().isEmpty());
        assertEquals(refused.toString(), small.confirm(pending, currentCode(pending)).toString(),
                "not LOCKED: the refusal did not count as the one failure that locks");

        clock.set(refused.retryAfter().orElseThrow());
        assertEquals(Status.VALID, small.confirm(pending, currentCode(pending)).status());
    }

    @Test
    void answersUnavailableWhileTheConfirmationsGuardHasNoRoom() {
        ReplayGuard oneMark = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(1).build();
        Enrollments small = Enrollments.builder(loginVerifier).confirmations(oneMark).build();
        PendingEnrollment bobs = small.start("bob", "Example", "bob@example.com");
        assertTrue(small.confirm(bobs, currentCode(bobs)).isValid());

        PendingEnrollment pending = small.start(ACCOUNT, "Example", "alice@example.com");
        EnrollmentConfirmation refused = small.confirm(pending, currentCode(pending));
        assertEquals(Status.UNAVAILABLE, refused.status());
        assertEquals(Optional.of(bobs.expiresAt()), refused.retryAfter());
    }

    @Test
    void refusesIdsTheReplayGuardReserves() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        Totp totp = pending.totp();
        assertThrows(IllegalArgumentException.class,
                () -> TotpCredential.restore("", ACCOUNT, pending.secret(), totp, 1));
        assertThrows(IllegalArgumentException.class,
                () -> TotpCredential.restore("enrollment:" + pending.id(), ACCOUNT, pending.secret(), totp, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PendingEnrollment.restore("enrollment:x", ACCOUNT, pending.uri(), pending.expiresAt()));
        assertEquals("Enrollment:" + pending.id(),
                TotpCredential.restore("Enrollment:" + pending.id(), ACCOUNT, pending.secret(), totp, 1).id(),
                "only the exact prefix is reserved");
    }

    @Test
    void startsWithChosenParametersAndTheirUriCarriesThem() {
        Totp eightDigits = Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(8).period(Duration.ofSeconds(60)).build();
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice", eightDigits);

        assertEquals(eightDigits, pending.uri().totp());
        assertEquals(eightDigits, pending.totp());
        EnrollmentConfirmation result = enrollments.confirm(pending, currentCode(pending));
        assertTrue(result.isValid());
        assertEquals(eightDigits, result.credential().orElseThrow().totp());
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> enrollments.start(ACCOUNT, "Ex:ample", "alice"));
        assertThrows(NullPointerException.class, () -> enrollments.start(null, "Example", "alice"));
        assertThrows(IllegalArgumentException.class, () -> Enrollments.builder(loginVerifier).ttl(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> Enrollments.builder(loginVerifier).ttl(Duration.ofDays(2)).build());
        assertThrows(IllegalArgumentException.class,
                () -> TotpCredential.restore("c1", ACCOUNT, OtpSecret.generate(), Totp.builder().build(), -1));
    }

    @Test
    void enrolmentsLastFromOneSecondToOneDay() {
        PendingEnrollment shortest = Enrollments.builder(loginVerifier).ttl(Duration.ofSeconds(1)).build()
                .start(ACCOUNT, "Example", "alice");
        assertEquals(START.plusSeconds(1), shortest.expiresAt());
        PendingEnrollment longest = Enrollments.builder(loginVerifier).ttl(Enrollments.MAX_TTL).build()
                .start(ACCOUNT, "Example", "alice");
        assertEquals(START.plus(Duration.ofDays(1)), longest.expiresAt());
        assertThrows(IllegalArgumentException.class,
                () -> Enrollments.builder(loginVerifier).ttl(Enrollments.MAX_TTL.plusSeconds(1)).build());
    }

    @Test
    void describesItsLifetimeAndItsVerifier() {
        assertEquals("Enrollments[ttl PT10M, " + loginVerifier + "]", enrollments.toString());
        assertEquals("TotpVerifier[Totp[SHA1, 6 digits, 30 s], window -1/+1, replay guard on, attempt limiter on]",
                loginVerifier.toString());
    }

    @Test
    void warnsAboutParametersThatAppsIgnore() {
        assertEquals(List.of(), CompatibilityWarning.check(Totp.builder().build()));
        Totp unusual = Totp.builder().algorithm(HmacAlgorithm.SHA512).digits(8).period(Duration.ofSeconds(60)).build();
        assertEquals(List.of(CompatibilityWarning.ALGORITHM_NOT_SHA1, CompatibilityWarning.DIGITS_NOT_6,
                CompatibilityWarning.PERIOD_NOT_30_SECONDS), CompatibilityWarning.check(unusual));
        assertEquals(List.of(CompatibilityWarning.DIGITS_NOT_6), CompatibilityWarning.check(Totp.builder().digits(7).build()));
        assertTrue(CompatibilityWarning.DIGITS_NOT_6.message().contains("6-digit"));
    }
}
