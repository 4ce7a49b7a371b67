package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.otpkit.core.HmacAlgorithm;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** otpkit's HMAC engine against the JDK's {@link Mac}, a separate implementation of RFC 2104. */
class HmacKeyTest {
    private static final long[] EDGE_COUNTERS = {0, 1, 255, 256, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, -1};
    /**
     * Covers the empty key and keys shorter than, as long as and longer than a block: 64 bytes
     * for SHA-1 and SHA-256, 128 for SHA-512; longer keys are hashed first.
     */
    private static final int LONGEST_KEY = 200;

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void matchesJdkMacForKeysOfEveryLengthFromEmptyTo200Bytes(HmacAlgorithm algorithm)
            throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(algorithm.ordinal());
        for (int keyLength = 0; keyLength <= LONGEST_KEY; keyLength++) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacKey hmacKey = HmacKey.create(algorithm, key);
            Mac mac = Mac.getInstance(jcaName(algorithm));
            mac.init(new RawKey(jcaName(algorithm), key));
            for (long counter : EDGE_COUNTERS) {
                assertSameHmac(mac, hmacKey, counter, keyLength);
            }
            for (int i = 0; i < 20; i++) {
                assertSameHmac(mac, hmacKey, random.nextLong(), keyLength);
            }
        }
    }

    @ParameterizedTest(name = "count {0}")
    @CsvSource({
        // RFC 4226 Appendix D: count, HMAC-SHA-1("12345678901234567890", count)
        "0, cc93cf18508d94934c64b65d8ba7667fb7cde4b0",
        "1, 75a48a19d4cbe100644e8ac1397eea747a2d33ab",
        "2, 0bacb7fa082fef30782211938bc1c5e70416ff44",
        "3, 66c28227d03a2d5529262ff016a1e6ef76557ece",
        "4, a904c900a64b35909874b33e61c5938a8e15ed1c",
        "5, a37e783d7b7233c083d4f62926c7a25f238d0316",
        "6, bc9cd28561042c83f219324d3c607256c03272ae",
        "7, a4fb960c0bc06e1eabb804e5b397cdc4b45596fa",
        "8, 1b3c89f65e6c9e883012052823443f048b4332db",
        "9, 1637409809a679dc698207310c8c7fc07290d9e5",
    })
    void matchesRfc4226AppendixDHmacValues(long count, String hmacHex) {
        HmacKey key = HmacKey.create(HmacAlgorithm.SHA1, "12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertEquals(hmacHex, HexFormat.of().formatHex(key.hmac(count)));
    }

    private static void assertSameHmac(Mac mac, HmacKey hmacKey, long counter, int keyLength) {
        byte[] expected = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        assertArrayEquals(expected, hmacKey.hmac(counter), () -> keyLength + "-byte key, counter " + counter);
        assertEquals(truncate(expected), hmacKey.truncate(counter), () -> "truncation, counter " + counter);
    }

    /** The JCA's standard names, written here so that the oracle owes nothing to the engine. */
    private static String jcaName(HmacAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> "HmacSHA1";
            case SHA256 -> "HmacSHA256";
            case SHA512 -> "HmacSHA512";
        };
    }

    /** RFC 4226 section 5.4, written independently of the engine. */
    private static int truncate(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0xF;
        return ByteBuffer.wrap(hmac, offset, 4).getInt() & 0x7FFF_FFFF;
    }

    /** A raw key for {@link Mac} that may be empty, as RFC 2104 allows; {@link SecretKeySpec} refuses that. */
    private static final class RawKey implements SecretKey {
        private static final long serialVersionUID = 1L;
        private final String algorithm;
        private final byte[] bytes;

        RawKey(String algorithm, byte[] bytes) {
            this.algorithm = algorithm;
            this.bytes = bytes.clone();
        }

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return bytes.clone();
        }
    }
}
