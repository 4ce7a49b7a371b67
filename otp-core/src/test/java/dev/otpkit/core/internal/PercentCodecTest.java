package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Edges of {@link PercentCodec#decode} that text made by an encoder never reaches. */
class PercentCodecTest {

    /** RFC 3986 section 2.1: "%6a" and "%6A" are the same escape, 'a' to 'f' as 'A' to 'F'. */
    @Test
    void decodesLowerCaseHexDigitsAsUpperCaseOnes() {
        String lower = "%6a%6b%6c%6d%6e%6f%3a%2f";
        String upper = "%6A%6B%6C%6D%6E%6F%3A%2F";

        assertEquals("jklmno:/", PercentCodec.decode(lower, 0, lower.length(), false, "the label"));
        assertEquals("jklmno:/", PercentCodec.decode(upper, 0, upper.length(), false, "the label"));
    }

    @Test
    void refusesLettersPastFAsHexDigits() {
        String text = "%6g";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PercentCodec.decode(text, 0, text.length(), false, "the label"));
        assertEquals("the label has a malformed percent escape at position 1: '%' must be followed by two hex digits",
                e.getMessage());
    }

    /** The part ends where the caller says, even between the two halves of a surrogate pair. */
    @Test
    void readsNoCharacterBeyondThePartsEnd() {
        String smiley = "\uD83D\uDE00";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PercentCodec.decode(smiley, 0, 1, false, "the label"));
        assertEquals("the label has an unpaired surrogate at position 1", e.getMessage());
        assertEquals(smiley, PercentCodec.decode(smiley, 0, 2, false, "the label"));
    }
}
