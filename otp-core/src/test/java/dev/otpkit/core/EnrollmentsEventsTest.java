package dev.otpkit.core;

import static dev.otpkit.core.SecurityEvent.Kind.ACCOUNT_LOCKED;
import static dev.otpkit.core.SecurityEvent.Kind.CREDENTIAL_ENROLLED;
import static dev.otpkit.core.SecurityEvent.Kind.SECOND_FACTOR_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which security events enrolment confirmations report, and to which listener. */
class EnrollmentsEventsTest {
    private static final String ACCOUNT = "user-42";
    private static final Instant START = Instant.ofEpochSecond(1_800_000_000L / 30 * 30);

    private final TestClock clock = new TestClock(START);
    private final RecordingListener loginListener = new RecordingListener();
    private final TotpVerifier loginVerifier =
            TotpVerifier.builder(Totp.builder().build()).clock(clock).eventListener(loginListener).build();

    private String currentCode(PendingEnrollment pending) {
        return pending.totp().generate(pending.secret(), clock.instant());
    }

    private String wrongCode(PendingEnrollment pending) {
        return String.format("%06d", (Integer.parseInt(currentCode(pending)) + 500_000) % 1_000_000);
    }

    @Test
    void reportsAConfirmedEnrolmentToTheLoginVerifiersListenerByDefault() {
        Enrollments enrollments = Enrollments.builder(loginVerifier).build();
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        clock.advance(Duration.ofSeconds(40));

        assertEquals(Status.VALID, enrollments.confirm(pending, currentCode(pending)).status());

        assertEquals(List.of(SecurityEvent.of(CREDENTIAL_ENROLLED, ACCOUNT, clock.instant())), loginListener.take());
    }

    @Test
    void reportsWrongConfirmationCodesAndTheLockTheyStartLikeLogins() {
        Enrollments enrollments = Enrollments.builder(loginVerifier).build();
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        for (int i = 0; i < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; i++) {
            assertEquals(Status.INVALID, enrollments.confirm(pending, wrongCode(pending)).status());
        }
        List<SecurityEvent> events = loginListener.take();
        assertEquals(List.of(SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED,
                SECOND_FACTOR_FAILED, ACCOUNT_LOCKED), events.stream().map(SecurityEvent::kind).toList());
        assertEquals(SecurityEvent.accountLocked(ACCOUNT, START, START.plus(AttemptLimiter.DEFAULT_FIRST_LOCK)),
                events.get(5));
        assertEquals(Status.LOCKED, enrollments.confirm(pending, currentCode(pending)).status());
        assertEquals(List.of(), loginListener.take());
    }

    @Test
    void sendsEveryEventOfAConfirmationToItsOwnListenerWhenSet() {
        RecordingListener enrolmentListener = new RecordingListener();
        Enrollments enrollments = Enrollments.builder(loginVerifier).eventListener(enrolmentListener).build();
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");

        assertEquals(Status.INVALID, enrollments.confirm(pending, wrongCode(pending)).status());
        assertEquals(Status.VALID, enrollments.confirm(pending, currentCode(pending)).status());

        assertEquals(List.of(SECOND_FACTOR_FAILED, CREDENTIAL_ENROLLED), enrolmentListener.takeKinds());
        assertEquals(List.of(), loginListener.take(), "the login verifier's listener hears no confirmation");
    }

    @Test
    void reportsNothingForExpiredAlreadyConfirmedOrMalformedConfirmations() {
        Enrollments enrollments = Enrollments.builder(loginVerifier).build();
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        assertEquals(Status.MALFORMED, enrollments.confirm(pending, "12 34").status());
        assertEquals(Status.VALID, enrollments.confirm(pending, currentCode(pending)).status());
        loginListener.take();
        assertEquals(Status.ALREADY_CONFIRMED, enrollments.confirm(pending, currentCode(pending)).status());
        PendingEnrollment late = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        clock.advance(Enrollments.DEFAULT_TTL);
        assertEquals(Status.EXPIRED, enrollments.confirm(late, currentCode(late)).status());
        assertEquals(List.of(), loginListener.take());
    }

    @Test
    void aListenerThatThrowsLeavesTheEnrolmentConfirmed() {
        Enrollments enrollments = Enrollments.builder(loginVerifier).eventListener(event -> {
            throw new IllegalStateException("listener failed");
        }).build();
        PendingEnrollment pending = enrollments.start(ACCOUNT, "Example", "alice@example.com");
        String code = currentCode(pending);

        assertThrows(IllegalStateException.class, () -> enrollments.confirm(pending, code));
        assertEquals(Status.ALREADY_CONFIRMED, enrollments.confirm(pending, code).status());
    }

    @Test
    void refusesANullListener() {
        assertThrows(NullPointerException.class, () -> Enrollments.builder(loginVerifier).eventListener(null));
    }
}
