package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.otpkit.core.internal.HmacKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 4226 Appendix D: the secret "12345678901234567890", HMAC-SHA-1, 6 digits. The table's
 * HMAC column is checked beside the engine, in {@code HmacKeyTest}.
 */
class Rfc4226Test {
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final OtpSecret OTP_SECRET = OtpSecret.fromBytes(SECRET);
    private static final Hotp HOTP = Hotp.builder().build();

    @ParameterizedTest(name = "count {0}")
    @CsvSource({
        // count, truncated hex, truncated decimal, HOTP
        "0, 4c93cf18, 1284755224, 755224",
        "1, 41397eea, 1094287082, 287082",
        "2, 082fef30, 137359152, 359152",
        "3, 66ef7655, 1726969429, 969429",
        "4, 61c5938a, 1640338314, 338314",
        "5, 33c083d4, 868254676, 254676",
        "6, 7256c032, 1918287922, 287922",
        "7, 04e5b397, 82162583, 162583",
        "8, 2823443f, 673399871, 399871",
        "9, 2679dc69, 645520489, 520489",
    })
    void matchesAppendixD(long count, String truncatedHex, int truncatedDecimal, String hotp) {
        HmacKey key = HmacKey.create(HmacAlgorithm.SHA1, SECRET);
        assertEquals(Integer.parseInt(truncatedHex, 16), key.truncate(count), "truncated hex");
        assertEquals(truncatedDecimal, key.truncate(count), "truncated decimal");
        assertEquals(hotp, HOTP.generate(OTP_SECRET, count), "HOTP");
    }
}
