package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeInputTest {

    @ParameterizedTest(name = "\"{0}\" with {1} digits is {2}")
    @CsvSource(delimiter = '|', value = {
        "123456      | 6 | 123456",
        "012345      | 6 | 12345",
        "'123 456'   | 6 | 123456",
        "'  123456\t'| 6 | 123456",
        "0000        | 4 | 0",
        "123456789   | 9 | 123456789",
        "999999999   | 9 | 999999999",
    })
    void readsCodesAsTyped(String input, int digits, int expected) {
        assertEquals(expected, CodeInput.parse(input, digits));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "9999999999   | 9999999999",
        "0000000001   | 1",
        "'12345 67890'| 1234567890",
        "4294967296   | 4294967296",
    })
    void readsTenDigitCodesBeyondIntRange(String input, long expected) {
        assertEquals(expected, CodeInput.parseLong(input, 10));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "12345", "1234567", "12a456", "123-456", "12 34 56", "123  456", "+12345",
        "-12345", "１２３４５６", "١٢٣٤٥٦", "123456\u0000", "12\uD800456"})
    void refusesWhatIsNotASixDigitCode(String input) {
        assertEquals(CodeInput.MALFORMED, CodeInput.parse(input, 6));
        assertEquals(CodeInput.MALFORMED, CodeInput.parseLong(input, 6));
    }

    @Test
    void refusesElevenDigitsWhenTenAreExpected() {
        assertEquals(CodeInput.MALFORMED, CodeInput.parseLong("99999999999", 10));
    }

    @Test
    void refusesOverlongInputBeforeReadingIt() {
        String padded = " ".repeat(CodeInput.MAX_INPUT_LENGTH) + "123456";
        assertEquals(CodeInput.MALFORMED, CodeInput.parse(padded, 6));
        assertEquals(123456, CodeInput.parse(" ".repeat(CodeInput.MAX_INPUT_LENGTH - 6) + "123456", 6));
    }
}
