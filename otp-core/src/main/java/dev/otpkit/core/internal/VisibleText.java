package dev.otpkit.core.internal;

import java.util.Locale;

/**
 * Text that may be shown or logged without hiding or forging anything: which code points are
 * invisible or control characters, and how to quote text that may hold them.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /**
     * Tells whether a code point's Unicode general category is Cc (controls, tab and newline
     * among them), Cf (format: bidi controls, zero-width characters), Zl, Zp (line and paragraph
     * separators), Cs (an unpaired surrogate), Co (private use) or Cn (unassigned): characters
     * that can make shown text mean something else than it seems, or start a new log line.
     *
     * @param codePoint the code point
     * @return whether it is one of those
     */
    public static boolean isHidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /**
     * Quotes text for a log line: between double quotes, with every {@linkplain #isHidden hidden}
     * code point written as <code>&#92;u{XXXX}</code> (upper-case hex, at least four digits) and
     * {@code "} and {@code \} preceded by {@code \}, so that the quoted text reads back
     * unambiguously and ends where it seems to end.
     *
     * @param text any text
     * @return the quoted text
     */
    public static String quote(CharSequence text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '"' || codePoint == '\\') {
                quoted.append('\\').append((char) codePoint);
            } else if (isHidden(codePoint)) {
                quoted.append(String.format(Locale.ROOT, "\\u{%04X}", codePoint));
            } else {
                quoted.appendCodePoint(codePoint);
            }
        });
        return quoted.append('"').toString();
    }
}
