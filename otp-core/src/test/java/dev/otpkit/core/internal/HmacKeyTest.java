package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.otpkit.core.HmacAlgorithm;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** otpkit's HMAC engine against the JDK's {@link Mac}, a separate implementation of RFC 2104. */
class HmacKeyTest {
    private static final long[] EDGE_COUNTERS = {0, 1, 255, 256, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, -1};

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void matchesJdkMacForKeysOfEveryLengthUpTo200Bytes(HmacAlgorithm algorithm) throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(algorithm.ordinal());
        for (int keyLength = 1; keyLength <= 200; keyLength++) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacKey hmacKey = HmacKey.create(algorithm, key);
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            for (long counter : EDGE_COUNTERS) {
                assertSameHmac(mac, hmacKey, counter, keyLength);
            }
            for (int i = 0; i < 20; i++) {
                assertSameHmac(mac, hmacKey, random.nextLong(), keyLength);
            }
        }
    }

    private static void assertSameHmac(Mac mac, HmacKey hmacKey, long counter, int keyLength) {
        byte[] expected = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        assertArrayEquals(expected, hmacKey.hmac(counter), () -> keyLength + "-byte key, counter " + counter);
        assertEquals(truncate(expected), hmacKey.truncate(counter), () -> "truncation, counter " + counter);
    }

    /** RFC 4226 section 5.4, written independently of the engine. */
    private static int truncate(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0xF;
        return ByteBuffer.wrap(hmac, offset, 4).getInt() & 0x7FFF_FFFF;
    }
}
