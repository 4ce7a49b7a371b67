package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.internal.TypedCodes.Typing;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link CodeInput} reads exactly the grammar its documentation states, and never throws. */
class CodeInputProperties {
    /** The zero of each of several scripts' decimal digits, all of which Java calls digits. */
    private static final char[] OTHER_SCRIPT_ZEROS = {'\u0660', '\u06F0', '\u0966', '\u09E6', '\u0E50', '\uFF10'};

    /** Checked for the number of ASCII digits in the input too, so that a quarter of the inputs are codes. */
    @Property
    void readsWhatTheDocumentedGrammarReads(@ForAll("nearCodes") String input,
            @ForAll @IntRange(min = 1, max = 18) int digits) {
        assertEquals(TypedCodes.documentedValue(input, digits), CodeInput.parseLong(input, digits));
        int asciiDigits = (int) input.chars().filter(c -> c >= '0' && c <= '9').count();
        if (asciiDigits >= 1 && asciiDigits <= 18) {
            assertEquals(TypedCodes.documentedValue(input, asciiDigits), CodeInput.parseLong(input, asciiDigits));
        }
    }

    @Property
    void readsEveryCodeTypedAsDocumented(@ForAll("codes") String code, @ForAll("typings") Typing typing) {
        assertEquals(Long.parseLong(code), CodeInput.parseLong(typing.type(code), code.length()));
    }

    @Property
    void refusesADigitOfAnyOtherScript(@ForAll("codes") String code, @ForAll("typings") Typing typing,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll("otherScriptZeros") char zero) {
        int at = position % code.length();
        String foreign = code.substring(0, at) + (char) (zero + code.charAt(at) - '0') + code.substring(at + 1);
        assertEquals(CodeInput.MALFORMED, CodeInput.parseLong(typing.type(foreign), code.length()));
    }

    @Property
    void refusesAnyOtherSeparatorBetweenDigits(@ForAll("codes") String code, @ForAll("typings") Typing typing,
            @ForAll @IntRange(min = 1, max = 17) int position, @ForAll("separators") String separator) {
        Assume.that(code.length() >= 2);
        int at = 1 + (position - 1) % (code.length() - 1);
        String separated = code.substring(0, at) + separator + code.substring(at);
        assertEquals(CodeInput.MALFORMED, CodeInput.parseLong(typing.type(separated), code.length()));
    }

    @Property
    void refusesASecondSpaceBetweenDigits(@ForAll("codes") String code, @ForAll("typings") Typing typing) {
        Assume.that(code.length() >= 3);
        String spaced = code.charAt(0) + " " + code.substring(1, code.length() - 1) + " " + code.charAt(code.length() - 1);
        assertEquals(CodeInput.MALFORMED, CodeInput.parseLong(typing.type(spaced), code.length()));
    }

    @Property
    void refusesAnyCodeTypedLongerThanTheInputLimit(@ForAll("codes") String code,
            @ForAll @IntRange(min = 1, max = 200) int extraSpaces) {
        String padded = code + " ".repeat(CodeInput.MAX_INPUT_LENGTH - code.length() + extraSpaces);
        assertEquals(CodeInput.MALFORMED, CodeInput.parseLong(padded, code.length()));
    }

    @Property
    void answersAValueOfTheRightLengthOrMalformedForAnyText(@ForAll("anyTexts") String input,
            @ForAll @IntRange(min = 1, max = 18) int digits) {
        long value = CodeInput.parseLong(input, digits);
        assertTrue(value == CodeInput.MALFORMED
                || value >= 0 && BigInteger.valueOf(value).compareTo(BigInteger.TEN.pow(digits)) < 0,
                () -> "value " + value);
        if (input.length() > CodeInput.MAX_INPUT_LENGTH) {
            assertEquals(CodeInput.MALFORMED, value);
        }
    }

    @Property
    void readsIntCodesAsLongCodes(@ForAll("nearCodes") String input, @ForAll @IntRange(min = 1, max = 9) int digits) {
        assertEquals(CodeInput.parseLong(input, digits), CodeInput.parse(input, digits));
    }

    @Provide
    Arbitrary<String> nearCodes() {
        return TypedCodes.nearCodes();
    }

    @Provide
    Arbitrary<String> anyTexts() {
        return TypedCodes.anyTexts();
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18);
    }

    @Provide
    Arbitrary<Typing> typings() {
        return Typing.documented();
    }

    @Provide
    Arbitrary<Character> otherScriptZeros() {
        return Arbitraries.of(OTHER_SCRIPT_ZEROS);
    }

    /** Everything a user might put between digits that the grammar does not allow. */
    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("  ", "\t", "\n", "\r", "-", ".", "_", "/", ",", "\u00A0", "\u2009", "\u202F", "\u3000",
                " \t", "\u200B");
    }
}
