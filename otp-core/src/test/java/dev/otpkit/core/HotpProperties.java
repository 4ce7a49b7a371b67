package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Hotp} and {@link Totp} against RFC 4226 and RFC 6238 computed here from their text, on
 * the JDK's {@link Mac}: any algorithm, any allowed length, any secret (shorter and longer than
 * a hash block) and any counter or instant.
 */
class HotpProperties {
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000);

    @Property
    void hotpIsRfc4226OnTheJdksMac(@ForAll HmacAlgorithm algorithm, @ForAll @IntRange(min = 6, max = 8) int digits,
            @ForAll("secrets") byte[] secret, @ForAll("counters") long counter) throws GeneralSecurityException {
        Hotp hotp = Hotp.builder().algorithm(algorithm).digits(digits).build();
        assertEquals(rfc4226(algorithm, digits, secret, counter), hotp.generate(OtpSecret.fromBytesLegacy(secret), counter));
    }

    @Property(tries = 200)
    void hotpIsRfc4226AtTheFirstAndLastCounter(@ForAll HmacAlgorithm algorithm,
            @ForAll @IntRange(min = 6, max = 8) int digits, @ForAll("secrets") byte[] secret)
            throws GeneralSecurityException {
        Hotp hotp = Hotp.builder().algorithm(algorithm).digits(digits).build();
        OtpSecret otpSecret = OtpSecret.fromBytesLegacy(secret);
        assertEquals(rfc4226(algorithm, digits, secret, 0), hotp.generate(otpSecret, 0));
        assertEquals(rfc4226(algorithm, digits, secret, Long.MAX_VALUE), hotp.generate(otpSecret, Long.MAX_VALUE));
    }

    @Property
    void stepIsTheNumberOfWholePeriodsSinceT0(@ForAll("instants") Instant one, @ForAll("instants") Instant other,
            @ForAll("periodSeconds") long periodSeconds) {
        Instant t0 = one.isBefore(other) ? one : other;
        Instant time = one.isBefore(other) ? other : one;
        Totp totp = Totp.builder().t0(t0).period(Duration.ofSeconds(periodSeconds)).build();

        long step = totp.step(time);
        assertEquals(wholePeriods(t0, time, periodSeconds), step);
        Instant start = totp.stepStart(step);
        assertTrue(!start.isAfter(time) && Duration.between(start, time).compareTo(totp.period()) < 0,
                () -> "step " + step + " starts at " + start);
    }

    @Property
    void totpIsHotpOfTheWholePeriodsSinceT0(@ForAll HmacAlgorithm algorithm,
            @ForAll @IntRange(min = 6, max = 8) int digits, @ForAll("secrets") byte[] secret,
            @ForAll("instants") Instant one, @ForAll("instants") Instant other,
            @ForAll("periodSeconds") long periodSeconds) throws GeneralSecurityException {
        Instant t0 = one.isBefore(other) ? one : other;
        Instant time = one.isBefore(other) ? other : one;
        Totp totp = Totp.builder().algorithm(algorithm).digits(digits).t0(t0)
                .period(Duration.ofSeconds(periodSeconds)).build();
        assertEquals(rfc4226(algorithm, digits, secret, wholePeriods(t0, time, periodSeconds)),
                totp.generate(OtpSecret.fromBytesLegacy(secret), time));
    }

    @Property
    void refusesEveryInstantBeforeT0(@ForAll("instants") Instant one, @ForAll("instants") Instant other) {
        Assume.that(!one.equals(other));
        Instant t0 = one.isBefore(other) ? other : one;
        Instant time = one.isBefore(other) ? one : other;
        Totp totp = Totp.builder().t0(t0).build();
        assertThrows(IllegalArgumentException.class, () -> totp.step(time));
    }

    @Provide
    Arbitrary<byte[]> secrets() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300).withoutEdgeCases();
    }

    @Provide
    Arbitrary<Long> counters() {
        return Arbitraries.longs().greaterOrEqual(0);
    }

    /** Anything from Instant.MIN to Instant.MAX, to the nanosecond; those two and the epoch as edge cases. */
    @Provide
    Arbitrary<Instant> instants() {
        return Combinators.combine(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond)
                .edgeCases(edges -> edges.includeOnly(Instant.MIN, Instant.EPOCH, Instant.MAX));
    }

    @Provide
    Arbitrary<Long> periodSeconds() {
        return Arbitraries.longs().between(1, Totp.MAX_PERIOD.getSeconds());
    }

    /** floor((time - t0) / period), in exact arithmetic; time is not before t0. */
    private static long wholePeriods(Instant t0, Instant time, long periodSeconds) {
        BigInteger elapsedNanos = nanos(time).subtract(nanos(t0));
        return elapsedNanos.divide(BigInteger.valueOf(periodSeconds).multiply(NANOS_PER_SECOND)).longValueExact();
    }

    private static BigInteger nanos(Instant instant) {
        return BigInteger.valueOf(instant.getEpochSecond()).multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(instant.getNano()));
    }

    /** RFC 4226 section 5.3 and the reference code of its Appendix C. */
    private static String rfc4226(HmacAlgorithm algorithm, int digits, byte[] secret, long counter)
            throws GeneralSecurityException {
        String macName = switch (algorithm) {
            case SHA1 -> "HmacSHA1";
            case SHA256 -> "HmacSHA256";
            case SHA512 -> "HmacSHA512";
        };
        Mac mac = Mac.getInstance(macName);
        mac.init(new SecretKeySpec(secret, macName));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0xf;
        int binary = (hash[offset] & 0x7f) << 24
                | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8
                | hash[offset + 3] & 0xff;
        int modulus = BigInteger.TEN.pow(digits).intValueExact();
        return String.format("%0" + digits + "d", binary % modulus);
    }
}
