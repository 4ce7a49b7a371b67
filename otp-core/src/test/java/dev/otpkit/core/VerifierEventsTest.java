package dev.otpkit.core;

import static dev.otpkit.core.SecurityEvent.Kind.ACCOUNT_LOCKED;
import static dev.otpkit.core.SecurityEvent.Kind.CODE_REPLAYED;
import static dev.otpkit.core.SecurityEvent.Kind.SECOND_FACTOR_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which security events the TOTP and HOTP verifiers report, and when they report none. */
class VerifierEventsTest {
    /** The start of a 30-second step. */
    private static final Instant NOW = Instant.ofEpochSecond(59_000_010L * 30);
    private static final Instant FIRST_LOCK_END = NOW.plus(AttemptLimiter.DEFAULT_FIRST_LOCK);

    private final TestClock clock = new TestClock(NOW);
    private final RecordingListener listener = new RecordingListener();
    private final Totp totp = Totp.builder().build();
    private final TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).eventListener(listener).build();
    private final Hotp hotp = Hotp.builder().build();
    private final HotpVerifier hotpVerifier = HotpVerifier.builder(hotp).clock(clock).eventListener(listener).build();
    private final OtpSecret secret = OtpSecret.generate();

    private String code() {
        return totp.generate(secret, clock.instant());
    }

    private String wrongCode() {
        return String.format("%06d", (Integer.parseInt(code()) + 500_000) % 1_000_000);
    }

    /** An HOTP code that matches no counter of the look-ahead from 0, nor of the resync window. */
    private String wrongHotpCode() {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (hotpVerifier.verify(secret, code, 0).status() == Status.INVALID
                    && hotp.find(secret, candidate, 0, HotpVerifier.DEFAULT_RESYNC_WINDOW + 1) < 0) {
                return code;
            }
        }
    }

    private void failTimes(int failures) {
        for (int i = 0; i < failures; i++) {
            assertEquals(Status.INVALID, verifier.verify("alice", secret, wrongCode()).status());
        }
    }

    @Test
    void reportsAWrongCodeAsAFailedSecondFactorWithTheAccountAndTheClocksTime() {
        assertEquals(Status.INVALID, verifier.verify("alice", secret, wrongCode()).status());
        assertEquals(List.of(SecurityEvent.of(SECOND_FACTOR_FAILED, "alice", NOW)), listener.take());
    }

    @Test
    void reportsTheLockOnceRightAfterTheFailureThatStartedIt() {
        failTimes(AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK - 1);
        assertEquals(4, listener.take().size());
        clock.advance(Duration.ofSeconds(7));
        Instant fifth = clock.instant();

        assertEquals(Status.INVALID, verifier.verify("alice", secret, wrongCode()).status());

        assertEquals(List.of(SecurityEvent.of(SECOND_FACTOR_FAILED, "alice", fifth),
                SecurityEvent.accountLocked("alice", fifth, fifth.plus(AttemptLimiter.DEFAULT_FIRST_LOCK))),
                listener.take());
        assertEquals(Status.LOCKED, verifier.verify("alice", secret, wrongCode()).status());
        assertEquals(Status.LOCKED, verifier.verify("alice", secret, code()).status());
        assertEquals(List.of(), listener.take(), "refusals of a locked account report nothing");
    }

    @Test
    void reportsTheNextLockWhenItStartsAgain() {
        failTimes(5);
        listener.take();
        clock.advance(AttemptLimiter.DEFAULT_FIRST_LOCK);
        failTimes(5);
        assertEquals(List.of(SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED,
                SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED, ACCOUNT_LOCKED), listener.takeKinds());
    }

    @Test
    void reportsNoLockWhenTheAttemptThatReachedTheLimitIsRight() {
        failTimes(4);
        listener.take();
        assertEquals(Status.VALID, verifier.verify("alice", secret, code()).status());
        assertEquals(List.of(), listener.take(), "the right code lifted the lock its attempt started");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Status.INVALID, verifier.verify("alice", secret, wrongCode()).status(), "not locked");
    }

    @Test
    void reportsAReplayedCodeAndTheLockItStarts() {
        String code = code();
        assertEquals(Status.VALID, verifier.verify("alice", secret, code).status());
        assertEquals(List.of(), listener.take(), "a valid code is not an event");
        failTimes(3);
        listener.take();

        assertEquals(Status.REPLAYED, verifier.verify("alice", secret, code).status());
        assertEquals(List.of(SecurityEvent.of(CODE_REPLAYED, "alice", NOW)), listener.take());
        assertEquals(Status.REPLAYED, verifier.verify("alice", secret, code).status());
        assertEquals(List.of(SecurityEvent.of(CODE_REPLAYED, "alice", NOW),
                SecurityEvent.accountLocked("alice", NOW, FIRST_LOCK_END)), listener.take());
    }

    @Test
    void reportsTheConfirmingCodeOfACredentialAsReplayed() {
        TotpCredential credential = TotpCredential.restore("c1", "alice", secret, totp, totp.step(NOW));
        assertEquals(Status.REPLAYED, verifier.verify(credential, code()).status());
        assertEquals(List.of(SecurityEvent.of(CODE_REPLAYED, "alice", NOW)), listener.take());
        assertEquals(Status.INVALID, verifier.verify(credential, wrongCode()).status());
        assertEquals(List.of(SecurityEvent.of(SECOND_FACTOR_FAILED, "alice", NOW)), listener.take());
    }

    @Test
    void reportsNothingForMalformedInput() {
        for (String input : new String[] {"", "12345", "abcdef", "1234567"}) {
            assertEquals(Status.MALFORMED, verifier.verify("alice", secret, input).status());
        }
        assertEquals(Status.MALFORMED, verifier.verify("alice", secret, null).status());
        assertEquals(Status.MALFORMED, hotpVerifier.verify("alice", secret, "12a456", 0).status());
        assertEquals(Status.MALFORMED, hotpVerifier.resynchronize("alice", secret, "1", "2", 0).status());
        assertEquals(List.of(), listener.take());
    }

    @Test
    void reportsNothingForChecksWithoutAnAccount() {
        assertEquals(Status.INVALID, verifier.verify(secret, wrongCode()).status());
        assertEquals(Status.VALID, verifier.verify(secret, code()).status());
        assertEquals(Status.INVALID, hotpVerifier.verify(secret, wrongHotpCode(), 0).status());
        assertEquals(List.of(), listener.take());
    }

    @Test
    void reportsNothingWhenAFullStoreMadeTheCheckUnavailable() {
        AttemptLimiter fullLimiter = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(1).build();
        fullLimiter.beginAttempt("someone");
        ReplayGuard fullGuard = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(1).build();
        fullGuard.tryAccept("someone", ReplayGuard.ACCOUNT_AUTHENTICATOR, 1, NOW.plus(Duration.ofHours(1)));
        TotpVerifier withFullLimiter = TotpVerifier.builder(totp).clock(clock).attemptLimiter(fullLimiter)
                .eventListener(listener).build();
        TotpVerifier withFullGuard = TotpVerifier.builder(totp).clock(clock).replayGuard(fullGuard)
                .attemptLimiter(AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(1).build())
                .eventListener(listener).build();

        assertEquals(Status.UNAVAILABLE, withFullLimiter.verify("alice", secret, wrongCode()).status());
        assertEquals(Status.UNAVAILABLE, withFullGuard.verify("alice", secret, code()).status());
        assertEquals(List.of(), listener.take(), "nothing counted, nothing locked: the attempt was taken back");
        assertEquals(Status.INVALID, withFullGuard.verify("alice", secret, wrongCode()).status());
    }

    @Test
    void reportsFailuresWithTheProtectionsSwitchedOff() {
        TotpVerifier unprotected = TotpVerifier.builder(totp).clock(clock).replayGuard(ReplayGuard.none())
                .attemptLimiter(AttemptLimiter.none()).eventListener(listener).build();
        for (int i = 0; i < 10; i++) {
            unprotected.verify("alice", secret, wrongCode());
        }
        assertEquals(List.of(SECOND_FACTOR_FAILED), listener.takeKinds().stream().distinct().toList(),
                "a limiter that never locks starts no lock");
    }

    @Test
    void reportsHotpFailuresReplaysAndLocks() {
        String right = hotp.generate(secret, 3);
        assertEquals(Status.VALID, hotpVerifier.verify("bob", secret, right, 0).status());
        assertEquals(Status.REPLAYED, hotpVerifier.verify("bob", secret, right, 0).status());
        assertEquals(List.of(SecurityEvent.of(CODE_REPLAYED, "bob", NOW)), listener.take());

        String wrong = wrongHotpCode();
        for (int i = 0; i < 3; i++) {
            assertEquals(Status.INVALID, hotpVerifier.verify("bob", secret, wrong, 0).status());
        }
        assertEquals(Status.INVALID, hotpVerifier.resynchronize("bob", secret, wrong, wrong, 0).status());
        assertEquals(List.of(SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED,
                SECOND_FACTOR_FAILED, ACCOUNT_LOCKED), listener.takeKinds(), "the replay was the first failure");
        assertEquals(Status.LOCKED, hotpVerifier.resynchronize("bob", secret, wrong, wrong, 0).status());
        assertEquals(List.of(), listener.take());
    }

    @Test
    void aListenerThatThrowsReachesTheCallerAfterTheFailureIsCounted() {
        TotpVerifier throwing = TotpVerifier.builder(totp).clock(clock).eventListener(event -> {
            throw new IllegalStateException("listener failed");
        }).build();
        for (int i = 0; i < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; i++) {
            IllegalStateException thrown =
                    assertThrows(IllegalStateException.class, () -> throwing.verify("alice", secret, wrongCode()));
            assertEquals("listener failed", thrown.getMessage());
        }
        assertEquals(Status.LOCKED, throwing.verify("alice", secret, code()).status(), "every failure counted");
    }

    @Test
    void aListenerThatThrowsOnAReplayLeavesTheCodeUsed() {
        TotpVerifier throwing = TotpVerifier.builder(totp).clock(clock).eventListener(event -> {
            throw new IllegalStateException("listener failed");
        }).build();
        String code = code();
        assertEquals(Status.VALID, throwing.verify("alice", secret, code).status());
        assertThrows(IllegalStateException.class, () -> throwing.verify("alice", secret, code));
        assertThrows(IllegalStateException.class, () -> throwing.verify("alice", secret, code), "still used");
    }

    @Test
    void listensToNoneByDefault() {
        assertSame(SecurityEventListener.none(), TotpVerifier.builder(totp).build().eventListener());
        assertThrows(NullPointerException.class, () -> TotpVerifier.builder(totp).eventListener(null));
        assertThrows(NullPointerException.class, () -> HotpVerifier.builder(hotp).eventListener(null));
    }
}
