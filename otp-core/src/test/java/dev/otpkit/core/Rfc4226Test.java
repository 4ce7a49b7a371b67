package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.otpkit.core.internal.HmacKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4226 Appendix D: the secret "12345678901234567890", HMAC-SHA-1, 6 digits. */
class Rfc4226Test {
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final OtpSecret OTP_SECRET = OtpSecret.fromBytes(SECRET);
    private static final Hotp HOTP = Hotp.builder().build();

    @ParameterizedTest(name = "count {0}")
    @CsvSource({
        // count, HMAC-SHA-1(secret, count), truncated hex, truncated decimal, HOTP
        "0, cc93cf18508d94934c64b65d8ba7667fb7cde4b0, 4c93cf18, 1284755224, 755224",
        "1, 75a48a19d4cbe100644e8ac1397eea747a2d33ab, 41397eea, 1094287082, 287082",
        "2, 0bacb7fa082fef30782211938bc1c5e70416ff44, 082fef30, 137359152, 359152",
        "3, 66c28227d03a2d5529262ff016a1e6ef76557ece, 66ef7655, 1726969429, 969429",
        "4, a904c900a64b35909874b33e61c5938a8e15ed1c, 61c5938a, 1640338314, 338314",
        "5, a37e783d7b7233c083d4f62926c7a25f238d0316, 33c083d4, 868254676, 254676",
        "6, bc9cd28561042c83f219324d3c607256c03272ae, 7256c032, 1918287922, 287922",
        "7, a4fb960c0bc06e1eabb804e5b397cdc4b45596fa, 04e5b397, 82162583, 162583",
        "8, 1b3c89f65e6c9e883012052823443f048b4332db, 2823443f, 673399871, 399871",
        "9, 1637409809a679dc698207310c8c7fc07290d9e5, 2679dc69, 645520489, 520489",
    })
    void matchesAppendixD(long count, String hmacHex, String truncatedHex, int truncatedDecimal, String hotp) {
        HmacKey key = HmacKey.create(HmacAlgorithm.SHA1, SECRET);
        assertEquals(hmacHex, HexFormat.of().formatHex(key.hmac(count)), "HMAC");
        assertEquals(Integer.parseInt(truncatedHex, 16), key.truncate(count), "truncated hex");
        assertEquals(truncatedDecimal, key.truncate(count), "truncated decimal");
        assertEquals(hotp, HOTP.generate(OTP_SECRET, count), "HOTP");
    }
}
