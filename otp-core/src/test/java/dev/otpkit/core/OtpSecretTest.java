package dev.otpkit.core;

import static dev.otpkit.core.ValueAssertions.assertHashesApart;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtpSecretTest {

    @Test
    void generatesDistinct160BitSecretsByDefault() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            OtpSecret secret = OtpSecret.generate();
            assertEquals(160, secret.bitLength());
            assertTrue(seen.add(secret.toBase32()), "a repeated 160-bit secret means a broken random source");
        }
    }

    @Test
    void generatesRequestedLengthsFrom128To1024Bits() {
        assertEquals(128, OtpSecret.generate(128).bitLength());
        assertEquals(256, OtpSecret.generate(256).bitLength());
        assertEquals(1024, OtpSecret.generate(1024).bitLength());
    }

    @Test
    void refusesToGenerateWeakOrOddLengths() {
        for (int bits : new int[] {0, 80, 120, 129, 1032, -8}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OtpSecret.generate(bits));
            assertTrue(e.getMessage().contains("128"), e.getMessage());
        }
    }

    @Test
    void readsBase32LenientlyAndWritesItCanonically() {
        OtpSecret secret = OtpSecret.fromBase32("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq====");
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", secret.toBase32());
        assertEquals(160, secret.bitLength());
    }

    @Test
    void refusesSecretsShorterThan128BitsExceptThroughTheLegacyPath() {
        String googleStyle80Bits = "JBSWY3DPEHPK3PXP";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpSecret.fromBase32(googleStyle80Bits));
        assertTrue(e.getMessage().contains("80 bits"), e.getMessage());
        assertFalse(e.getMessage().contains(googleStyle80Bits), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OtpSecret.fromBytes(new byte[15]));

        assertEquals(80, OtpSecret.fromBase32Legacy(googleStyle80Bits).bitLength());
        assertEquals(8, OtpSecret.fromBytesLegacy(new byte[1]).bitLength());
        assertThrows(IllegalArgumentException.class, () -> OtpSecret.fromBytesLegacy(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> OtpSecret.fromBase32Legacy(""));
    }

    @Test
    void neverShowsKeyMaterialInToStringOrErrors() {
        OtpSecret secret = OtpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertEquals("OtpSecret[160 bits]", secret.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ!"));
        assertFalse(e.getMessage().contains("GEZD"), e.getMessage());
    }

    @Test
    void copiesKeyBytesInAndOut() {
        byte[] key = new byte[20];
        OtpSecret secret = OtpSecret.fromBytes(key);
        key[0] = 42;
        assertEquals(0, secret.revealBytes()[0], "changing the caller's array must not change the secret");
        secret.revealBytes()[1] = 42;
        assertArrayEquals(new byte[20], secret.revealBytes(), "changing a revealed copy must not change the secret");
    }

    @Test
    void equalsComparesKeyBytes() {
        OtpSecret secret = OtpSecret.generate();
        assertEquals(secret, OtpSecret.fromBase32(secret.toBase32()));
        assertEquals(secret.hashCode(), OtpSecret.fromBytes(secret.revealBytes()).hashCode());
        assertNotEquals(secret, OtpSecret.generate());
    }

    /** The hash is the key's length, so a hash table of secrets learns nothing of the key bits. */
    @Test
    void hashesByLengthOnly() {
        assertEquals(OtpSecret.generate(160).hashCode(), OtpSecret.generate(160).hashCode());
        assertHashesApart(OtpSecret.generate(128), OtpSecret.generate(160), OtpSecret.generate(256));
    }

    @Test
    void pointsToTheLegacyPathOnlyForASecretTooShortForTheStrictOne() {
        String tooShort = assertThrows(IllegalArgumentException.class, () -> OtpSecret.fromBytes(new byte[10]))
                .getMessage();
        assertEquals("secret has 80 bits, allowed are 128 to 8192 bits; use the ...Legacy method to import an older,"
                + " shorter secret", tooShort);
        String tooLong = assertThrows(IllegalArgumentException.class,
                () -> OtpSecret.fromBytes(new byte[OtpSecret.MAX_BITS / 8 + 1])).getMessage();
        assertEquals("secret has 8200 bits, allowed are 128 to 8192 bits", tooLong);
        String empty = assertThrows(IllegalArgumentException.class, () -> OtpSecret.fromBytesLegacy(new byte[0]))
                .getMessage();
        assertEquals("secret has 0 bits, allowed are 8 to 8192 bits", empty);
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> OtpSecret.fromBase32(null));
        assertThrows(NullPointerException.class, () -> OtpSecret.fromBytes(null));
    }

    @Test
    void givesTheBase32ErrorPositionCountedFromOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ!"));
        assertTrue(e.getMessage().contains("position 32"), e.getMessage());
    }

    @Test
    void refusesAHugeBase32TextBeforeReadingIt() {
        // 429,496,730 * 5 overflows an int: the old decoder sized its buffer from it and threw
        // NegativeArraySizeException. The text is never read: its chars would take 800 MB.
        for (int length : new int[] {429_496_730, Integer.MAX_VALUE, OtpSecret.MAX_BASE32_LENGTH + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OtpSecret.fromBase32Legacy(new UnreadableText(length)));
            assertTrue(e.getMessage().contains("at most " + OtpSecret.MAX_BASE32_LENGTH + " characters"), e.getMessage());
        }
    }

    @Test
    void refusesSeparatorsBeyondTheTotalLengthCap() {
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        String padded = " ".repeat(OtpSecret.MAX_BASE32_LENGTH - secret.length()) + secret;

        assertEquals(160, OtpSecret.fromBase32(padded).bitLength());
        assertThrows(IllegalArgumentException.class, () -> OtpSecret.fromBase32(" " + padded));
    }

    @Test
    void readsSecretsUpToMaxBitsAndRefusesLongerOnes() {
        // 1639 Base32 characters carry 8195 bits: 1024 whole bytes, the most allowed.
        assertEquals(OtpSecret.MAX_BITS, OtpSecret.fromBase32("A".repeat(1639)).bitLength());
        assertEquals(OtpSecret.MAX_BITS, OtpSecret.fromBytes(new byte[OtpSecret.MAX_BITS / 8]).bitLength());

        for (String tooLong : new String[] {"A".repeat(1640), "A".repeat(2048), "AAAA-".repeat(800)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OtpSecret.fromBase32Legacy(tooLong));
            assertTrue(e.getMessage().contains("1024 bytes"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpSecret.fromBytes(new byte[OtpSecret.MAX_BITS / 8 + 1]));
        assertTrue(e.getMessage().contains("128 to 8192 bits"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OtpSecret.fromBytesLegacy(new byte[OtpSecret.MAX_BITS / 8 + 1]));
    }

    /** Text that reports a length without holding it, and fails the test if it is read. */
    private static final class UnreadableText implements CharSequence {
        private final int length;

        UnreadableText(int length) {
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            throw new AssertionError("a text over the length cap must be refused before it is read");
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new AssertionError("a text over the length cap must be refused before it is read");
        }
    }
}
