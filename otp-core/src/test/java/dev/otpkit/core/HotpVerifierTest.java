package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.Verification.Status;
import org.junit.jupiter.api.Test;

class HotpVerifierTest {
    private static final OtpSecret SECRET = OtpSecret.generate();
    private static final Hotp HOTP = Hotp.builder().build();

    @Test
    void acceptsExpectedCounterAndReturnsTheNextOne() {
        Verification result = HotpVerifier.builder(HOTP).build().verify(SECRET, HOTP.generate(SECRET, 7), 7);
        assertEquals(Verification.valid(7, 0), result);
        assertEquals(8, result.match().orElseThrow().nextCounter());
    }

    @Test
    void acceptsTheCodeOfTheFirstCounter() {
        Verification result = HotpVerifier.builder(HOTP).build().verify(SECRET, HOTP.generate(SECRET, 0), 0);
        assertEquals(Verification.valid(0, 0), result);
    }

    @Test
    void describesItsSettingsAndProtections() {
        HotpVerifier verifier = HotpVerifier.builder(HOTP).build();
        assertSame(HOTP, verifier.hotp());
        assertEquals("HotpVerifier[Hotp[SHA1, 6 digits], look-ahead 5, resync window 100, replay guard on,"
                + " attempt limiter on]", verifier.toString());
        HotpVerifier unprotected = HotpVerifier.builder(HOTP).lookAhead(0).resyncWindow(1)
                .replayGuard(ReplayGuard.none()).attemptLimiter(AttemptLimiter.none()).build();
        assertEquals("HotpVerifier[Hotp[SHA1, 6 digits], look-ahead 0, resync window 1, replay guard off,"
                + " attempt limiter off]", unprotected.toString());
    }

    @Test
    void looksAheadForPressesThatNeverReachedTheServer() {
        HotpVerifier verifier = HotpVerifier.builder(HOTP).lookAhead(3).build();
        Verification.Match match = verifier.verify(SECRET, HOTP.generate(SECRET, 13), 10).match().orElseThrow();
        assertEquals(13, match.counter());
        assertEquals(3, match.drift());
        assertEquals(14, match.nextCounter());
        assertEquals(Status.INVALID, verifier.verify(SECRET, HOTP.generate(SECRET, 14), 10).status());
    }

    @Test
    void refusesCodesBeforeTheExpectedCounter() {
        HotpVerifier verifier = HotpVerifier.builder(HOTP).build();
        assertEquals(Status.INVALID, verifier.verify(SECRET, HOTP.generate(SECRET, 9), 10).status());
    }

    @Test
    void defaultsToAFiveCounterLookAhead() {
        HotpVerifier verifier = HotpVerifier.builder(HOTP).build();
        assertEquals(Verification.valid(5, 5), verifier.verify(SECRET, HOTP.generate(SECRET, 5), 0));
        assertEquals(Status.INVALID, verifier.verify(SECRET, HOTP.generate(SECRET, 6), 0).status());
    }

    @Test
    void stopsAtTheLargestCounter() {
        HotpVerifier verifier = HotpVerifier.builder(HOTP).build();
        long last = Long.MAX_VALUE;
        Verification.Match match = verifier.verify(SECRET, HOTP.generate(SECRET, last), last - 2).match().orElseThrow();
        assertEquals(last, match.counter());
        assertThrows(ArithmeticException.class, match::nextCounter, "no counter is left to store");
    }

    @Test
    void treatsHostileInputAsMalformed() {
        HotpVerifier verifier = HotpVerifier.builder(HOTP).build();
        for (String input : new String[] {null, "", "12345", "1234567", "12345\u0662", "1".repeat(1 << 20)}) {
            assertEquals(Status.MALFORMED, verifier.verify(SECRET, input, 0).status());
        }
    }

    @Test
    void refusesBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> HotpVerifier.builder(HOTP).lookAhead(51).build());
        assertThrows(IllegalArgumentException.class, () -> HotpVerifier.builder(HOTP).lookAhead(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> HotpVerifier.builder(HOTP).build().verify(SECRET, "123456", -1));
        assertThrows(NullPointerException.class, () -> HotpVerifier.builder(HOTP).build().verify(null, "123456", 0));
    }
}
