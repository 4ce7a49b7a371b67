package dev.otpkit.cli;

import java.util.Locale;

/**
 * Makes text that came from the command line or from a URI safe to print on a terminal. The
 * command escapes such text itself rather than trust the parsers to have refused it: an escape
 * sequence (ESC), a line break (NEL, U+2028) or a bidi override (U+202E) printed raw could
 * recolour the terminal, forge a {@code secret:} line or reorder what the user reads.
 */
final class TerminalText {
    private TerminalText() {
    }

    /**
     * Escapes every code point that is not plain visible text: Unicode categories Cc (controls,
     * tab and newline among them), Cf (format: bidi controls, zero-width characters), Zl, Zp
     * (line and paragraph separators), Cs (an unpaired surrogate), Co (private use) and Cn
     * (unassigned), each written as <code>&#92;u{XXXX}</code> in upper-case hex of at least four digits.
     * A backslash is doubled so that the escaped text reads back unambiguously.
     *
     * @param text any text
     * @return the text with those code points escaped; the same text if it has none
     */
    static String escape(CharSequence text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\\') {
                escaped.append("\\\\");
            } else if (isInvisibleOrControl(codePoint)) {
                escaped.append(String.format(Locale.ROOT, "\\u{%04X}", codePoint));
            } else {
                escaped.appendCodePoint(codePoint);
            }
        });
        return escaped.toString();
    }

    private static boolean isInvisibleOrControl(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
                return true;
            default:
                return false;
        }
    }
}
