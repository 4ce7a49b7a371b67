package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Base32 against RFC 4648's vectors and against commons-codec, an independent implementation. */
class Base32Test {
    private static final org.apache.commons.codec.binary.Base32 CODEC = new org.apache.commons.codec.binary.Base32();
    private static final int MAX_BYTES = 1024;

    @ParameterizedTest
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void encodesRfc4648VectorsWithoutPadding(String plain, String base32) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(base32, Base32.encode(bytes));
        assertArrayEquals(bytes, Base32.decode(base32, MAX_BYTES));
    }

    @Test
    void roundTripsLikeCommonsCodecForEveryLengthUpTo100() {
        SplittableRandom random = new SplittableRandom(4648);
        for (int length = 0; length <= 100; length++) {
            for (int i = 0; i < 20; i++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                String codecText = CODEC.encodeToString(bytes);
                String ours = Base32.encode(bytes);

                assertEquals(codecText.replace("=", ""), ours);
                assertArrayEquals(bytes, Base32.decode(codecText, MAX_BYTES), "our decoder reads padded codec output");
                assertArrayEquals(bytes, CODEC.decode(ours), "codec reads our unpadded output");
                assertArrayEquals(bytes, Base32.decode(ours, MAX_BYTES));
            }
        }
    }

    @Test
    void ignoresCaseSpacesHyphensAndPadding() {
        byte[] expected = Base32.decode("JBSWY3DPEHPK3PXP", MAX_BYTES);
        assertArrayEquals(expected, Base32.decode("jbswy3dpehpk3pxp", MAX_BYTES));
        assertArrayEquals(expected, Base32.decode("JBSW Y3DP EHPK 3PXP", MAX_BYTES));
        assertArrayEquals(expected, Base32.decode("jbsw-y3dp-ehpk-3pxp", MAX_BYTES));
        assertArrayEquals(expected, Base32.decode("\tJBSWY3DPEHPK3PXP ", MAX_BYTES));
        assertArrayEquals(Base32.decode("MZXW6", MAX_BYTES), Base32.decode("MZXW6===", MAX_BYTES));
    }

    @Test
    void refusesOtherCharactersNamingThePositionFromOneButNotTheText() {
        String secretLike = "JBSWY3DPEHPK3PX1";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base32.decode(secretLike, 16));
        assertTrue(e.getMessage().contains("position 16"), e.getMessage());
        assertFalse(e.getMessage().contains("JBSW"), e.getMessage());
        for (String bad : new String[] {"MZXW0", "MZXW8", "MZ.W6", "MZXW6\u00C9", "MZ\u0000XW", "MZ_XW6", "MZXW6\uFF21",
                "MZ\u0080XW", "MZ\u007FXW"}) {
            assertThrows(IllegalArgumentException.class, () -> Base32.decode(bad, MAX_BYTES), bad);
        }
    }

    @Test
    void refusesDataAfterPaddingCountingPositionsFromOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZ==XW6", 16));
        assertTrue(e.getMessage().contains("position 5"), e.getMessage());
    }

    @Test
    void refusesLengthsThatCannotComeFromWholeBytes() {
        for (String bad : new String[] {"M", "MZX", "MZXW6Y", "MZXW6YTBM"}) {
            assertThrows(IllegalArgumentException.class, () -> Base32.decode(bad, MAX_BYTES), bad);
        }
    }

    @Test
    void refusesMoreDataThanTheCapAsSoonAsItIsRead() {
        assertEquals(5, Base32.decode("MZXW6YTB", 5).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW6YTBOI", 5));
        assertTrue(e.getMessage().contains("more than 5 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 8 characters of data"), e.getMessage());
    }
}
