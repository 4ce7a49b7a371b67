package dev.otpkit.core;

import static dev.otpkit.core.SecurityEvent.Kind.CODE_REPLAYED;
import static dev.otpkit.core.SecurityEvent.Kind.SECOND_FACTOR_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which security events email and SMS codes report, and when they report none. */
class OneTimeCodesEventsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final RecordingListener listener = new RecordingListener();
    private final OneTimeCodes codes = OneTimeCodes.builder().clock(clock).maxAttempts(3).eventListener(listener).build();

    /** A code of the same length that is certainly not {@code code}. */
    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    @Test
    void reportsEachWrongCodeAsAFailedSecondFactorOfTheAccount() {
        String code = codes.issue("alice", "login").code();
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(code)).status());
        assertEquals(List.of(SecurityEvent.of(SECOND_FACTOR_FAILED, "alice", T0.plusSeconds(20))), listener.take());
    }

    @Test
    void reportsTheTryThatBurnsTheCodeAsAFailureButNoLock() {
        String code = codes.issue("alice", "login").code();
        for (int i = 0; i < 3; i++) {
            assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(code)).status());
        }
        assertEquals(List.of(SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED, SECOND_FACTOR_FAILED), listener.takeKinds());
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", code).status());
        assertEquals(List.of(), listener.take(), "a burned, expired or missing code is not an event");
    }

    @Test
    void reportsNothingForValidMalformedOrExpiredCodes() {
        String code = codes.issue("alice", "login").code();
        assertEquals(Status.MALFORMED, codes.verify("alice", "login", "12ab").status());
        assertEquals(Status.VALID, codes.verify("alice", "login", code).status());
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", code).status(), "used: none pending");
        String late = codes.issue("alice", "login").code();
        clock.advance(OneTimeCodes.DEFAULT_TTL);
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", late).status());
        assertEquals(Status.EXPIRED, codes.verify("bob", "login", late).status());
        assertEquals(List.of(), listener.take());
    }

    @Test
    void reportsARightCodeAConcurrentRequestConsumedFirstAsReplayed() {
        OneTimeCodeStore inMemory = OneTimeCodeStore.inMemoryBuilder().clock(clock).build();
        OneTimeCodeStore racing = new OneTimeCodeStore() {
            @Override
            public void put(PendingCode code) {
                inMemory.put(code);
            }

            @Override
            public Optional<PendingCode> claimAttempt(String accountId, String scope) {
                Optional<PendingCode> claimed = inMemory.claimAttempt(accountId, scope);
                // Another request with the same right code consumes it between claim and remove.
                claimed.ifPresent(pending -> inMemory.remove(accountId, scope, pending.issueId()));
                return claimed;
            }

            @Override
            public boolean remove(String accountId, String scope, String issueId) {
                return inMemory.remove(accountId, scope, issueId);
            }
        };
        OneTimeCodes raced = OneTimeCodes.builder().clock(clock).store(racing).hashKey(SecretSealer.generateKey())
                .eventListener(listener).build();
        String code = raced.issue("alice", "login").code();

        assertEquals(Status.REPLAYED, raced.verify("alice", "login", code).status());
        assertEquals(List.of(SecurityEvent.of(CODE_REPLAYED, "alice", T0)), listener.take());
    }

    @Test
    void aListenerThatThrowsReachesTheCallerAfterTheTryIsCounted() {
        OneTimeCodes throwing = OneTimeCodes.builder().clock(clock).maxAttempts(2).eventListener(event -> {
            throw new IllegalStateException("listener failed");
        }).build();
        String code = throwing.issue("alice", "login").code();
        assertThrows(IllegalStateException.class, () -> throwing.verify("alice", "login", wrong(code)));
        assertThrows(IllegalStateException.class, () -> throwing.verify("alice", "login", wrong(code)));
        assertEquals(Status.EXPIRED, throwing.verify("alice", "login", code).status(), "both tries counted: burned");
    }

    @Test
    void refusesANullListener() {
        assertThrows(NullPointerException.class, () -> OneTimeCodes.builder().eventListener(null));
    }
}
