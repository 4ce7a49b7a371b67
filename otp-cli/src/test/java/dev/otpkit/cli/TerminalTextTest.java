package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTextTest {
    @ParameterizedTest(name = "U+{0} ({1}) is escaped")
    @CsvSource({
        "0000, NUL (Cc)",
        "0009, tab (Cc)",
        "000A, line feed (Cc)",
        "000D, carriage return (Cc)",
        "001B, ESC: starts terminal escape sequences (Cc)",
        "007F, DEL (Cc)",
        "0085, NEL: a line break to some terminals (Cc)",
        "009B, CSI: a one-byte escape sequence (Cc)",
        "00AD, soft hyphen (Cf)",
        "200B, zero-width space (Cf)",
        "200D, zero-width joiner (Cf)",
        "200E, left-to-right mark (Cf)",
        "202E, right-to-left override (Cf)",
        "2066, left-to-right isolate (Cf)",
        "2069, pop directional isolate (Cf)",
        "FEFF, zero-width no-break space (Cf)",
        "2028, line separator (Zl)",
        "2029, paragraph separator (Zp)",
        "D800, unpaired high surrogate (Cs)",
        "DC00, unpaired low surrogate (Cs)",
        "E000, private use (Co)",
        "F0000, supplementary private use (Co)",
        "0378, unassigned (Cn)",
        "E0001, language tag (Cf)",
    })
    void escapesControlFormatSeparatorSurrogatePrivateAndUnassignedCodePoints(String hex, String what) {
        String text = "a" + new String(Character.toChars(Integer.parseInt(hex, 16))) + "b";

        assertEquals("a\\u{" + hex + "}b", TerminalText.escape(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice@example.com",
        "Bücher & Söhne",
        "secret\uFF1A fullwidth colon is text",
        "\u00E9t\u00E9 with a combining accent: e\u0301",
        "日本語のアカウント",
        "emoji \uD83D\uDE00 is a pair, not a lone surrogate",
        "no-break\u00A0space",
    })
    void leavesVisibleTextAsItIs(String text) {
        assertEquals(text, TerminalText.escape(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DOMAIN\\alice      | DOMAIN\\\\alice",
        "\\u{001B}         | \\\\u{001B}",
    })
    void doublesBackslashesSoThatEscapedTextIsUnambiguous(String text, String escaped) {
        assertEquals(escaped, TerminalText.escape(text));
    }

    @Test
    void escapesAnEscapeSequenceAndAForgedLine() {
        assertEquals("Demo\\u{001B}[2J\\u{000A}secret:    AAAA\\u{202E}",
                TerminalText.escape("Demo\u001B[2J\nsecret:    AAAA\u202E"));
    }
}
