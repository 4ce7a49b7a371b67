package dev.otpkit.core;

import static dev.otpkit.core.ValueAssertions.assertEqualsNothingElse;
import static dev.otpkit.core.ValueAssertions.assertHashesApart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder validation and the edges of {@link Hotp} and {@link Totp}. */
class GeneratorParametersTest {
    private static final OtpSecret RFC_SECRET =
            OtpSecret.fromBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 5, 9, 10})
    void refusesDigitsOutside6To8(int digits) {
        IllegalArgumentException hotp = assertThrows(IllegalArgumentException.class,
                () -> Hotp.builder().digits(digits).build());
        assertTrue(hotp.getMessage().contains("6 to 8"), hotp.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Totp.builder().digits(digits).build());
    }

    @Test
    void keepsLeadingZeros() {
        // RFC 6238 Appendix B: T = 0x23523EC gives 07081804 with 8 digits.
        Totp totp = Totp.builder().digits(8).build();
        assertEquals("07081804", totp.generate(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
        // Counter 7 truncates to 82162583, whose 7-digit code starts with zero.
        assertEquals("2162583", Hotp.builder().digits(7).build().generate(RFC_SECRET, 7));
        // Counters 30 and 36 of the RFC 4226 secret, as oathtool prints them.
        assertEquals("026920", Hotp.builder().build().generate(RFC_SECRET, 30));
        assertEquals("003784", Hotp.builder().build().generate(RFC_SECRET, 36));
    }

    @Test
    void refusesNegativeCounter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hotp.builder().build().generate(RFC_SECRET, -1));
        assertTrue(e.getMessage().contains("counter"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1000, -30_000})
    void refusesPeriodsShorterThanOneSecond(long millis) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Totp.builder().period(Duration.ofMillis(millis)).build());
        assertTrue(e.getMessage().contains("from 1 to 86400 seconds"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {86_401, 2_147_483_647, Long.MAX_VALUE})
    void refusesPeriodsLongerThanOneDay(long seconds) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Totp.builder().period(Duration.ofSeconds(seconds)).build());
        assertTrue(e.getMessage().contains("from 1 to 86400 seconds"), e.getMessage());
        assertEquals(Duration.ofDays(1), Totp.builder().period(Totp.MAX_PERIOD).build().period());
    }

    @Test
    void refusesFractionalPeriods() {
        assertThrows(IllegalArgumentException.class, () -> Totp.builder().period(Duration.ofMillis(1500)).build());
    }

    @Test
    void countsStepsFromT0() {
        Instant t0 = Instant.ofEpochSecond(1_000_000);
        Totp totp = Totp.builder().period(Duration.ofSeconds(60)).t0(t0).build();
        assertEquals(0, totp.step(t0));
        assertEquals(0, totp.step(t0.plusSeconds(59)));
        assertEquals(1, totp.step(t0.plusSeconds(60)));
        assertEquals(t0.plusSeconds(120), totp.stepStart(2));
        assertEquals(Hotp.builder().build().generate(RFC_SECRET, 2), totp.generate(RFC_SECRET, t0.plusSeconds(150)));
    }

    @Test
    void refusesTimeBeforeT0() {
        Totp totp = Totp.builder().t0(Instant.ofEpochSecond(100)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> totp.generate(RFC_SECRET, Instant.ofEpochSecond(99)));
        assertTrue(e.getMessage().contains("before T0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Totp.builder().build().step(Instant.ofEpochSecond(-1)));
    }

    @Test
    void supportsAnyWholeSecondPeriodUpToOneDay() {
        Totp oneSecond = Totp.builder().period(Duration.ofSeconds(1)).build();
        Totp oneHour = Totp.builder().period(Duration.ofHours(1)).build();
        assertEquals(1234, oneSecond.step(Instant.ofEpochSecond(1234)));
        assertEquals(2, oneHour.step(Instant.ofEpochSecond(7200)));
        assertEquals(Duration.ofHours(1), oneHour.period());
    }

    @Test
    void describesParametersWithoutSecrets() {
        assertEquals("Totp[SHA256, 8 digits, 60 s]",
                Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(8).period(Duration.ofMinutes(1)).build().toString());
        assertEquals("Hotp[SHA1, 6 digits]", Hotp.builder().build().toString());
    }

    @Test
    void totpsAreEqualOnlyWithTheSameAlgorithmDigitsPeriodAndT0() {
        Totp totp = Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(7).period(Duration.ofSeconds(60))
                .t0(Instant.ofEpochSecond(100)).build();
        Totp.Builder same = Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(7).period(Duration.ofSeconds(60))
                .t0(Instant.ofEpochSecond(100));

        assertEquals(totp, same.build());
        assertEquals(totp.hashCode(), same.build().hashCode());
        assertNotEquals(totp, same.t0(Instant.ofEpochSecond(101)).build());
        assertNotEquals(totp, same.t0(Instant.ofEpochSecond(100)).period(Duration.ofSeconds(61)).build());
        assertNotEquals(totp, same.period(Duration.ofSeconds(60)).digits(8).build());
        assertNotEquals(totp, same.digits(7).algorithm(HmacAlgorithm.SHA512).build());
        assertNotEquals(totp, totp.hotp(), "a TOTP generator is not its HOTP generator");
        assertNotEquals(totp, null);
    }

    @Test
    void hotpsAreEqualOnlyWithTheSameAlgorithmAndDigits() {
        Hotp hotp = Hotp.builder().algorithm(HmacAlgorithm.SHA256).digits(7).build();

        assertEquals(hotp, Hotp.builder().algorithm(HmacAlgorithm.SHA256).digits(7).build());
        assertEquals(hotp.hashCode(), Hotp.builder().algorithm(HmacAlgorithm.SHA256).digits(7).build().hashCode());
        assertNotEquals(hotp, Hotp.builder().algorithm(HmacAlgorithm.SHA256).digits(8).build());
        assertNotEquals(hotp, Hotp.builder().algorithm(HmacAlgorithm.SHA1).digits(7).build());
        assertNotEquals(hotp, null);
    }

    @Test
    void findsAlgorithmsByUriName() {
        assertEquals(HmacAlgorithm.SHA256, HmacAlgorithm.fromUriName("sha256").orElseThrow());
        assertEquals(HmacAlgorithm.SHA512, HmacAlgorithm.fromUriName("SHA-512").orElseThrow());
        assertTrue(HmacAlgorithm.fromUriName("MD5").isEmpty());
        assertTrue(HmacAlgorithm.fromUriName(null).isEmpty());
    }

    @Test
    void generatorsThatDifferHashApartAndEqualNothingElse() {
        assertHashesApart(Hotp.builder().build(), Hotp.builder().digits(7).build(), Hotp.builder().digits(8).build());
        assertHashesApart(Totp.builder().build(), Totp.builder().digits(8).build(),
                Totp.builder().period(Duration.ofMinutes(1)).build(), Totp.builder().t0(Instant.ofEpochSecond(1)).build());
        assertEqualsNothingElse(Hotp.builder().build());
        assertEqualsNothingElse(Totp.builder().build());
    }

    @Test
    void stepStartRefusesANegativeStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Totp.builder().build().stepStart(-1));
        assertTrue(e.getMessage().contains("0 or more"), e.getMessage());
    }

    @Test
    void stepStartBeyondInstantMaxIsAnArithmeticExceptionWhetherTheProductOrTheSumOverflows() {
        Totp daily = Totp.builder().period(Totp.MAX_PERIOD).build();
        // step * 86,400 s fits in a long; T0 plus it passes Instant.MAX.
        assertThrows(ArithmeticException.class, () -> daily.stepStart(1_000_000_000_000L));
        // step * 86,400 s overflows a long.
        assertThrows(ArithmeticException.class, () -> daily.stepStart(Long.MAX_VALUE));
        // T0 plus a product that fits in a long overflows the seconds of T0 itself.
        Totp late = Totp.builder().t0(Instant.MAX.minusSeconds(1)).build();
        assertThrows(ArithmeticException.class, () -> late.stepStart(Long.MAX_VALUE / 30));
    }

    @Test
    void stepStartReachesTheStepThatBeginsInTheLastSecondOfInstantMax() {
        Totp secondly = Totp.builder().period(Duration.ofSeconds(1)).t0(Instant.EPOCH.plusNanos(999_999_999)).build();
        long lastStep = Instant.MAX.getEpochSecond();
        assertEquals(Instant.MAX, secondly.stepStart(lastStep));
        assertThrows(ArithmeticException.class, () -> secondly.stepStart(lastStep + 1));
    }

    @Test
    void findSearchesFromFirstToLastInclusive() {
        Hotp hotp = Hotp.builder().build();
        assertEquals(10, hotp.find(RFC_SECRET, code(hotp, 10), 10, 20));
        assertEquals(20, hotp.find(RFC_SECRET, code(hotp, 20), 10, 20));
        assertEquals(-1, hotp.find(RFC_SECRET, code(hotp, 9), 10, 20));
        assertEquals(-1, hotp.find(RFC_SECRET, code(hotp, 21), 10, 20));
    }

    @Test
    void findPairSearchesPairsStartingFromFirstToLastInclusive() {
        Hotp hotp = Hotp.builder().build();
        assertEquals(11, hotp.findPair(RFC_SECRET, code(hotp, 10), code(hotp, 11), 10, 20), "pair starting at first");
        assertEquals(21, hotp.findPair(RFC_SECRET, code(hotp, 20), code(hotp, 21), 10, 20), "pair starting at last");
        assertEquals(-1, hotp.findPair(RFC_SECRET, code(hotp, 9), code(hotp, 10), 10, 20));
        assertEquals(-1, hotp.findPair(RFC_SECRET, code(hotp, 21), code(hotp, 22), 10, 20));
        assertEquals(-1, hotp.findPair(RFC_SECRET, code(hotp, 12), code(hotp, 12), 10, 20), "not a pair");
    }

    private static int code(Hotp hotp, long counter) {
        return Integer.parseInt(hotp.generate(RFC_SECRET, counter));
    }
}
