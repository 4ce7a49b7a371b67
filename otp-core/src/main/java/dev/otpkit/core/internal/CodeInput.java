package dev.otpkit.core.internal;

/**
 * Reads a code typed by a user. Anything that is not a code is reported as {@link #MALFORMED},
 * never thrown: surrounding ASCII whitespace and one space between digits ("123 456", as apps
 * display it) are accepted; only ASCII digits count; input longer than {@link #MAX_INPUT_LENGTH}
 * is refused before it is read, so a huge input costs nothing.
 */
public final class CodeInput {
    /** The result for input that is not a code. */
    public static final int MALFORMED = -1;
    /** Longest input read at all, in chars: room for a 10-digit code and generous whitespace. */
    public static final int MAX_INPUT_LENGTH = 64;

    private CodeInput() {
    }

    /**
     * Parses a code of exactly {@code digits} ASCII digits, for codes that fit an {@code int}.
     *
     * @param input the user's input; {@code null} is malformed
     * @param digits the expected number of digits, 1 to 9
     * @return the code's value, or {@link #MALFORMED}
     */
    public static int parse(CharSequence input, int digits) {
        // At most 9 digits, so the value is below 10^9 and the narrowing keeps it exactly;
        // MALFORMED (-1) narrows to itself.
        return (int) parseLong(input, digits);
    }

    /**
     * Parses a code of exactly {@code digits} ASCII digits, up to 18 digits.
     *
     * @param input the user's input; {@code null} is malformed
     * @param digits the expected number of digits, 1 to 18
     * @return the code's value, or {@link #MALFORMED}
     */
    public static long parseLong(CharSequence input, int digits) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return MALFORMED;
        }
        int start = 0;
        int end = input.length();
        while (start < end && isAsciiWhitespace(input.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(input.charAt(end - 1))) {
            end--;
        }
        long value = 0;
        int digitCount = 0;
        boolean spaceSeen = false;
        for (int i = start; i < end; i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digitCount > digits) {
                    return MALFORMED;
                }
                value = value * 10 + (c - '0');
            } else if (c == ' ' && !spaceSeen) {
                // Trimming guarantees digits on both sides of this space.
                spaceSeen = true;
            } else {
                return MALFORMED;
            }
        }
        return digitCount == digits ? value : MALFORMED;
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
