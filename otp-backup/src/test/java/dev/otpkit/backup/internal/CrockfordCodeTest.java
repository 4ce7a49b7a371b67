package dev.otpkit.backup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrockfordCodeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "K7QX2-M9TZ0      | K7QX2M9TZ0",
        "k7qx2-m9tz0      | K7QX2M9TZ0",
        "K7QX2M9TZ0       | K7QX2M9TZ0",
        "'  k7qx2 m9tz0 ' | K7QX2M9TZ0",
        "K-7-Q-X-2-M-9-T-Z-0 | K7QX2M9TZ0",
        "K7QX2-M9TZO      | K7QX2M9TZ0",
        "K7QX2-M9TZo      | K7QX2M9TZ0",
        "IABCD-EFGHL      | 1ABCDEFGH1",
        "iabcd-efghl      | 1ABCDEFGH1",
        "VWXYZ-JKMNP      | VWXYZJKMNP",
    })
    void readsCodesAsCrockfordDoes(String typed, String canonical) {
        assertArrayEquals(canonical.getBytes(StandardCharsets.US_ASCII), CrockfordCode.canonicalBytes(typed));
    }

    @Test
    void ignoresTabsAndLineBreaks() {
        assertArrayEquals("K7QX2M9TZ0".getBytes(StandardCharsets.US_ASCII),
                CrockfordCode.canonicalBytes("\tK7QX2\r\nM9TZ0\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "K7QX2-M9TZ", "K7QX2-M9TZ00", "K7QX2-M9TZU", "K7QX2-M9TZu", "K7QX2+M9TZ0",
        "K7QX2-M9TZ\u0430", "K7QX2-M9TZ\u212A", "\uFF2B7QX2-M9TZ0", "K7QX2-M9TZ\u0000", "K7QX2\u00A0M9TZ0",
        "K7QX2-M9TZ\u007F", "K7QX2-M9TZ\u0080"})
    void refusesWhatIsNotACode(String typed) {
        assertNull(CrockfordCode.canonicalBytes(typed));
    }

    @Test
    void refusesNullAndOverlongInput() {
        assertNull(CrockfordCode.canonicalBytes(null));
        assertNull(CrockfordCode.canonicalBytes("K7QX2-M9TZ0" + " ".repeat(CrockfordCode.MAX_INPUT_LENGTH)));
    }

    @Test
    void readsACodePaddedToTheLongestInputButNotOneCharLonger() {
        String longest = "K7QX2-M9TZ0" + " ".repeat(CrockfordCode.MAX_INPUT_LENGTH - 11);

        assertArrayEquals("K7QX2M9TZ0".getBytes(StandardCharsets.US_ASCII), CrockfordCode.canonicalBytes(longest));
        assertNull(CrockfordCode.canonicalBytes(longest + " "));
    }

    @Test
    void generatesCodesOverTheWholeAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String code = CrockfordCode.generate(random);
            assertEquals(CrockfordCode.SYMBOLS, code.length());
            assertArrayEquals(CrockfordCode.bytes(code), CrockfordCode.canonicalBytes(code), code);
            code.chars().forEach(c -> seen.add((char) c));
        }
        // 1000 draws from 32 symbols miss one with odds of about 32 * (31/32)^1000, below 1e-12.
        assertEquals(32, seen.size(), seen.toString());
        assertTrue(seen.stream().noneMatch(c -> "ILOU".indexOf(c) >= 0));
    }

    @Test
    void displaysTwoGroupsOfFive() {
        assertEquals("K7QX2-M9TZ0", CrockfordCode.display("K7QX2M9TZ0"));
    }
}
