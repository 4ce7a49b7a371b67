package dev.otpkit.core.internal;

/** Writes a code's value as the fixed-width decimal text users see, leading zeros kept. */
public final class CodeFormat {
    private CodeFormat() {
    }

    /**
     * Formats a code.
     *
     * @param value the code's value, 0 or more and below 10^digits
     * @param digits the code length, 1 to 18
     * @return exactly {@code digits} ASCII digits
     */
    public static String format(long value, int digits) {
        char[] text = new char[digits];
        long remaining = value;
        for (int i = digits - 1; i >= 0; i--) {
            text[i] = (char) ('0' + remaining % 10);
            remaining /= 10;
        }
        return new String(text);
    }
}
