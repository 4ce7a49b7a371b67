package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.UnsealException.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When unsealing reports a security event: only for a text that fails authentication. */
class SecretSealerEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final RecordingListener listener = new RecordingListener();
    private final SecretSealer sealer = SecretSealer.builder().key("k1", SecretSealer.generateKey()).clock(clock)
            .eventListener(listener).build();
    private final OtpSecret secret = OtpSecret.generate();

    @Test
    void reportsASecretSealedForAnotherContextWithTheContextAsAccount() {
        String bobs = sealer.seal(secret, "bob");
        UnsealException refused = assertThrows(UnsealException.class, () -> sealer.unseal(bobs, "alice"));
        assertEquals(Reason.NOT_AUTHENTIC, refused.reason());
        assertEquals(List.of(SecurityEvent.of(SecurityEvent.Kind.SEALED_SECRET_REJECTED, "alice", NOW)),
                listener.take());
    }

    @Test
    void reportsAnAlteredSecret() {
        String sealed = sealer.seal(secret, "alice");
        char last = sealed.charAt(sealed.length() - 1);
        String altered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'Q' : 'A');
        assertThrows(UnsealException.class, () -> sealer.unseal(altered, "alice"));
        assertEquals(List.of(SecurityEvent.Kind.SEALED_SECRET_REJECTED), listener.takeKinds());
    }

    @Test
    void reportsNothingForMalformedTextsUnknownKeysOrSuccess() throws UnsealException {
        String sealed = sealer.seal(secret, "alice");
        assertEquals(secret, sealer.unseal(sealed, "alice"));
        assertEquals(Reason.MALFORMED,
                assertThrows(UnsealException.class, () -> sealer.unseal(secret.toBase32(), "alice")).reason());
        String otherKey = SecretSealer.builder().key("k2", SecretSealer.generateKey()).build().seal(secret, "alice");
        assertEquals(Reason.UNKNOWN_KEY, assertThrows(UnsealException.class, () -> sealer.unseal(otherKey, "alice")).reason());
        assertEquals(List.of(), listener.take());
    }

    @Test
    void aListenerThatThrowsReachesTheCallerInsteadOfTheRefusal() {
        SecretSealer throwing = SecretSealer.builder().key("k1", SecretSealer.generateKey()).eventListener(event -> {
            throw new IllegalStateException("listener failed");
        }).build();
        String bobs = throwing.seal(secret, "bob");
        assertThrows(IllegalStateException.class, () -> throwing.unseal(bobs, "alice"));
    }

    @Test
    void refusesANullClockOrListener() {
        assertThrows(NullPointerException.class, () -> SecretSealer.builder().clock(null));
        assertThrows(NullPointerException.class, () -> SecretSealer.builder().eventListener(null));
    }
}
