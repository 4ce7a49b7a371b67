package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6238 Appendix B: all 18 rows, 8 digits, 30-second steps, T0 = 0, with the seeds of the
 * reference implementation (20, 32 and 64 ASCII bytes for SHA-1, SHA-256 and SHA-512).
 */
class Rfc6238Test {
    private static final String SEED = "1234567890";

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        // mode, unix time, T (hex), TOTP
        "SHA1,   59,          0000000000000001, 94287082",
        "SHA256, 59,          0000000000000001, 46119246",
        "SHA512, 59,          0000000000000001, 90693936",
        "SHA1,   1111111109,  00000000023523EC, 07081804",
        "SHA256, 1111111109,  00000000023523EC, 68084774",
        "SHA512, 1111111109,  00000000023523EC, 25091201",
        "SHA1,   1111111111,  00000000023523ED, 14050471",
        "SHA256, 1111111111,  00000000023523ED, 67062674",
        "SHA512, 1111111111,  00000000023523ED, 99943326",
        "SHA1,   1234567890,  000000000273EF07, 89005924",
        "SHA256, 1234567890,  000000000273EF07, 91819424",
        "SHA512, 1234567890,  000000000273EF07, 93441116",
        "SHA1,   2000000000,  0000000003F940AA, 69279037",
        "SHA256, 2000000000,  0000000003F940AA, 90698825",
        "SHA512, 2000000000,  0000000003F940AA, 38618901",
        "SHA1,   20000000000, 0000000027BC86AA, 65353130",
        "SHA256, 20000000000, 0000000027BC86AA, 77737706",
        "SHA512, 20000000000, 0000000027BC86AA, 47863826",
    })
    void matchesAppendixB(HmacAlgorithm algorithm, long unixTime, String stepHex, String expected) {
        Totp totp = Totp.builder().algorithm(algorithm).digits(8).build();
        Instant time = Instant.ofEpochSecond(unixTime);

        assertEquals(Long.parseLong(stepHex, 16), totp.step(time));
        assertEquals(expected, totp.generate(seedFor(algorithm), time));
    }

    private static OtpSecret seedFor(HmacAlgorithm algorithm) {
        String seed = SEED.repeat(7).substring(0, seedLength(algorithm));
        return OtpSecret.fromBytes(seed.getBytes(StandardCharsets.US_ASCII));
    }

    /** The reference implementation's seed lengths: the digest length of each hash function. */
    private static int seedLength(HmacAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
    }
}
