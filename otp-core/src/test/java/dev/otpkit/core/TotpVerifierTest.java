package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.Verification.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpVerifierTest {
    private static final OtpSecret SECRET = OtpSecret.generate();
    private static final Totp TOTP = Totp.builder().build();
    /** Well inside step 40,000,000 so that every neighbouring step is a whole step away. */
    private static final Instant NOW = Instant.ofEpochSecond(40_000_000L * 30 + 10);
    private static final long CURRENT_STEP = 40_000_000L;

    private static TotpVerifier verifier(int behind, int ahead) {
        return TotpVerifier.builder(TOTP).window(behind, ahead).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static String codeAt(long stepOffset) {
        return TOTP.generateForStep(SECRET, CURRENT_STEP + stepOffset);
    }

    @Test
    void acceptsCurrentCodeWithItsStepAndNoDrift() {
        Verification result = verifier(1, 1).verify(SECRET, codeAt(0));
        assertTrue(result.isValid());
        Verification.Match match = result.match().orElseThrow();
        assertEquals(CURRENT_STEP, match.counter());
        assertEquals(0, match.drift());
    }

    @Test
    void acceptsExactlyOneStepBehindAndAheadByDefault() {
        TotpVerifier verifier = TotpVerifier.builder(TOTP).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        assertEquals(Verification.valid(CURRENT_STEP - 1, -1), verifier.verify(SECRET, codeAt(-1)));
        assertEquals(Verification.valid(CURRENT_STEP + 1, 1), verifier.verify(SECRET, codeAt(1)));
    }

    @Test
    void refusesTwoStepsBehindOrAheadByDefault() {
        TotpVerifier verifier = verifier(1, 1);
        assertEquals(Status.INVALID, verifier.verify(SECRET, codeAt(-2)).status());
        assertEquals(Status.INVALID, verifier.verify(SECRET, codeAt(2)).status());
    }

    @Test
    void honoursAsymmetricWindows() {
        TotpVerifier pastOnly = verifier(3, 0);
        assertEquals(-3, drift(pastOnly.verify(SECRET, codeAt(-3))));
        assertFalse(pastOnly.verify(SECRET, codeAt(-4)).isValid());
        assertFalse(pastOnly.verify(SECRET, codeAt(1)).isValid());

        TotpVerifier futureOnly = verifier(0, 2);
        assertEquals(2, drift(futureOnly.verify(SECRET, codeAt(2))));
        assertFalse(futureOnly.verify(SECRET, codeAt(3)).isValid());
        assertFalse(futureOnly.verify(SECRET, codeAt(-1)).isValid());
    }

    private static int drift(Verification valid) {
        return valid.match().orElseThrow().drift();
    }

    @Test
    void zeroWindowAcceptsOnlyTheCurrentStep() {
        TotpVerifier exact = verifier(0, 0);
        assertTrue(exact.verify(SECRET, codeAt(0)).isValid());
        assertFalse(exact.verify(SECRET, codeAt(-1)).isValid());
        assertFalse(exact.verify(SECRET, codeAt(1)).isValid());
    }

    @Test
    void doesNotLookBeforeT0() {
        Instant justAfterT0 = Instant.ofEpochSecond(5);
        TotpVerifier verifier = TotpVerifier.builder(TOTP).window(10, 0)
                .clock(Clock.fixed(justAfterT0, ZoneOffset.UTC)).build();
        assertEquals(Verification.valid(0, 0), verifier.verify(SECRET, TOTP.generateForStep(SECRET, 0)));
    }

    @Test
    void refusesWindowsOutside0To10() {
        assertThrows(IllegalArgumentException.class, () -> TotpVerifier.builder(TOTP).window(-1, 1).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TotpVerifier.builder(TOTP).window(1, 11).build());
        assertTrue(e.getMessage().contains("0 to 10"), e.getMessage());
    }

    @Test
    void acceptsSurroundingWhitespaceAndOneInnerSpace() {
        String code = codeAt(0);
        TotpVerifier verifier = verifier(1, 1);
        String grouped = code.substring(0, 3) + " " + code.substring(3);
        for (String typed : new String[] {grouped, "  " + code + "\n", "\t" + grouped + "\r\n", code.substring(0, 1) + " " + code.substring(1)}) {
            assertTrue(verifier.verify(SECRET, typed).isValid(), () -> "'" + typed + "'");
        }
    }

    @Test
    void treatsHostileInputAsMalformedWithoutThrowing() {
        String code = codeAt(0);
        TotpVerifier verifier = verifier(1, 1);
        String[] hostile = {
            null, "", " ", code.substring(1), code + "0", "+" + code.substring(1), "-" + code.substring(1),
            code.substring(0, 3) + "  " + code.substring(3), code.substring(0, 2) + " " + code.substring(2, 4) + " " + code.substring(4),
            code.substring(0, 5) + "\u0000", code.substring(0, 3) + "\t" + code.substring(3),
            toFullWidth(code), toArabicIndic(code), "12345a", "１２３４５６", "0x1234", "1e5678", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00",
            code.substring(0, 5) + "\u0661", "٠١٢٣٤٥", code + "\u200B", "\u00A0" + code,
        };
        for (String input : hostile) {
            assertEquals(Status.MALFORMED, verifier.verify(SECRET, input).status(), () -> "input '" + input + "'");
        }
    }

    @Test
    void treatsAMegabyteOfDigitsAsMalformed() {
        String megabyte = "1".repeat(1 << 20);
        assertEquals(Status.MALFORMED, verifier(1, 1).verify(SECRET, megabyte).status());
        assertEquals(Status.MALFORMED, verifier(1, 1).verify(SECRET, " ".repeat(1 << 20) + codeAt(0)).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 8})
    void verifiesEveryCodeLength(int digits) {
        Totp totp = Totp.builder().digits(digits).build();
        TotpVerifier verifier = TotpVerifier.builder(totp).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        String code = totp.generate(SECRET, NOW);
        assertEquals(digits, code.length());
        assertTrue(verifier.verify(SECRET, code).isValid());
        assertEquals(Status.MALFORMED, verifier.verify(SECRET, code.substring(1)).status());
    }

    @Test
    void invalidOutcomesHaveNoCounterAndSayWhy() {
        Verification invalid = verifier(1, 1).verify(SECRET, codeAt(5));
        assertEquals("Verification[INVALID]", invalid.toString());
        assertTrue(invalid.match().isEmpty());
        assertTrue(invalid.retryAfter().isEmpty());
    }

    @Test
    void neverPrintsTheCodeOrSecret() {
        String code = codeAt(0);
        TotpVerifier verifier = verifier(1, 1);
        String described = verifier.verify(SECRET, code) + " " + verifier;
        assertFalse(described.contains(code), described);
        assertFalse(described.contains(SECRET.toBase32()), described);
    }

    private static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) ('\uFF10' + (c - '0'))));
        return out.toString();
    }

    private static String toArabicIndic(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) ('\u0660' + (c - '0'))));
        return out.toString();
    }
}
