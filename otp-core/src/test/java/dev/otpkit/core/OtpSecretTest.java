package dev.otpkit.core;

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

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> OtpSecret.fromBase32(null));
        assertThrows(NullPointerException.class, () -> OtpSecret.fromBytes(null));
    }
}
