package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.internal.TextArbitraries;
import dev.otpkit.core.internal.VisibleText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Events never carry a code, a secret or a sealed text, and their descriptions hide nothing. */
class SecurityEventProperties {
    /** The start of a 30-second step; no run of more than four digits in its text. */
    private static final Instant NOW = Instant.ofEpochSecond(59_000_010L * 30);

    @Property(tries = 300)
    void totpEventsHoldNeitherTheCodeNorTheSecret(@ForAll("secrets") byte[] key, @ForAll("sixDigits") String typed) {
        OtpSecret secret = OtpSecret.fromBytesLegacy(key);
        RecordingListener listener = new RecordingListener();
        TestClock clock = new TestClock(NOW);
        TotpVerifier verifier = TotpVerifier.builder(Totp.builder().build()).clock(clock)
                .attemptLimiter(AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(2).build())
                .eventListener(listener).build();
        String right = verifier.totp().generate(secret, NOW);
        for (String code : new String[] {typed, right, right}) {  // a failure or a success, then a replay
            verifier.verify("alice", secret, code);
        }
        List<SecurityEvent> events = listener.take();
        assertFalse(events.isEmpty(), "the replay at least is reported");
        for (SecurityEvent event : events) {
            assertHolds(event, List.of(typed, right), secret.toBase32());
        }
    }

    @Property(tries = 100)
    void emailCodeEventsHoldNoCode(@ForAll @IntRange(min = 6, max = OneTimeCodes.MAX_DIGITS) int digits) {
        RecordingListener listener = new RecordingListener();
        OneTimeCodes codes = OneTimeCodes.builder().digits(digits).clock(new TestClock(NOW)).eventListener(listener)
                .build();
        String issued = codes.issue("alice", "login").code();
        String typed = issued.substring(1) + (issued.charAt(0) == '0' ? '1' : '0');
        codes.verify("alice", "login", typed);
        List<SecurityEvent> events = listener.take();
        assertEquals(1, events.size());
        assertHolds(events.get(0), List.of(issued, typed), "");
    }

    @Property(tries = 100)
    void sealerEventsHoldNeitherTheSealedTextNorTheSecret(@ForAll("secrets") byte[] key) {
        OtpSecret secret = OtpSecret.fromBytesLegacy(key);
        RecordingListener listener = new RecordingListener();
        SecretSealer sealer = SecretSealer.builder().key("k1", SecretSealer.generateKey()).clock(new TestClock(NOW))
                .eventListener(listener).build();
        String sealed = sealer.seal(secret, "bob");
        assertThrows(UnsealException.class, () -> sealer.unseal(sealed, "alice"));
        SecurityEvent event = listener.take().get(0);
        assertHolds(event, List.of(), secret.toBase32());
        SecretLeaks.assertQuotesNoRunOf(sealed.substring("v1.k1.".length()), event.toString());
    }

    @Property
    void descriptionsShowNoHiddenCharacterWhateverTheAccount(@ForAll("accounts") String accountId) {
        for (SecurityEvent event : List.of(SecurityEvent.of(SecurityEvent.Kind.SECOND_FACTOR_FAILED, accountId, NOW),
                SecurityEvent.accountLocked(accountId, NOW, Instant.MAX), SecurityEvent.backupCodeUsed(accountId, NOW, 3))) {
            String description = event.toString();
            description.codePoints().forEach(codePoint ->
                    assertFalse(VisibleText.isHidden(codePoint), () -> String.format("U+%04X in %s", codePoint, description)));
            assertEquals(accountId, event.accountId());
        }
    }

    /** The event's description and fields quote none of the codes and no run of the secret. */
    private static void assertHolds(SecurityEvent event, List<String> codes, String secretBase32) {
        List<String> texts = new ArrayList<>(List.of(event.toString(), event.accountId(), event.time().toString(),
                event.lockedUntil().toString(), event.remainingBackupCodes().toString()));
        for (String text : texts) {
            for (String code : codes) {
                assertFalse(text.contains(code), () -> "holds the code " + code + ": " + text);
            }
            SecretLeaks.assertQuotesNoRunOf(secretBase32, text);
        }
    }

    @Provide
    Arbitrary<byte[]> secrets() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(64);
    }

    @Provide
    Arbitrary<String> sixDigits() {
        return Arbitraries.strings().numeric().ofLength(6);
    }

    @Provide
    Arbitrary<String> accounts() {
        return TextArbitraries.text(40, codePoint -> true);
    }
}
