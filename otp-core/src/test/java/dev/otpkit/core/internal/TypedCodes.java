package dev.otpkit.core.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Test support for properties of code checks: what users type, and what {@link CodeInput}
 * documents that it reads, written independently as a regular expression.
 */
public final class TypedCodes {
    /** The whitespace the documentation allows around a code: space, tab, line feed, carriage return. */
    public static final String SURROUNDING_WHITESPACE = " \t\n\r";

    private static final Pattern DOCUMENTED_GRAMMAR = Pattern.compile("[ \\t\\n\\r]*([0-9]+)(?: ([0-9]+))?[ \\t\\n\\r]*");

    private TypedCodes() {
    }

    /**
     * Reads a typed code as the documentation says: at most {@link CodeInput#MAX_INPUT_LENGTH}
     * chars; ASCII whitespace around; ASCII digits with at most one single space between them;
     * exactly the expected number of digits.
     *
     * @param input what the user typed; {@code null} is not a code
     * @param digits the expected number of digits, 1 to 18
     * @return the code's value, or {@link CodeInput#MALFORMED}
     */
    public static long documentedValue(CharSequence input, int digits) {
        if (input == null || input.length() > CodeInput.MAX_INPUT_LENGTH) {
            return CodeInput.MALFORMED;
        }
        Matcher code = DOCUMENTED_GRAMMAR.matcher(input);
        if (!code.matches()) {
            return CodeInput.MALFORMED;
        }
        String allDigits = code.group(1) + (code.group(2) == null ? "" : code.group(2));
        return allDigits.length() == digits ? Long.parseLong(allDigits) : CodeInput.MALFORMED;
    }

    /**
     * Texts near the grammar's edges: runs of ASCII digits (the most frequent pieces), single
     * and repeated spaces, other whitespace, digits of other scripts, signs and letters.
     *
     * @return texts of up to about 80 chars
     */
    public static Arbitrary<String> nearCodes() {
        Arbitrary<String> digitRuns = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> whitespace = Arbitraries.strings().withChars(SURROUNDING_WHITESPACE).ofMinLength(1)
                .ofMaxLength(3);
        Arbitrary<String> oddChars = Arbitraries.of("\u000B", "\f", "\u00A0", "\u2007", "\u3000", "\uFF10", "\uFF19",
                "\u0660", "\u0669", "\u0966", "\u00B2", "-", "+", ".", "e", "x", "\u0000", "\uD800", "\uDE00");
        return Arbitraries.oneOf(List.of(digitRuns, digitRuns, digitRuns, Arbitraries.just(" "), whitespace, oddChars))
                .list().ofMaxSize(8).map(pieces -> String.join("", pieces));
    }

    /**
     * Any text at all: any UTF-16 chars (unpaired surrogates too), empty, or huge.
     *
     * @return texts of up to 200,000 chars
     */
    public static Arbitrary<String> anyTexts() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> huge = Combinators.combine(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8),
                Arbitraries.integers().between(CodeInput.MAX_INPUT_LENGTH, 25_000)).as(String::repeat);
        return Arbitraries.oneOf(List.of(anyChars, anyChars, huge, nearCodes(), Arbitraries.just("")));
    }

    /**
     * How a user may type a code as documented: whitespace around it and perhaps one space
     * between two of its digits.
     *
     * @param before whitespace typed before the code
     * @param spaceAt where the one inner space goes, taken modulo the code's length plus one;
     *     none at either end
     * @param after whitespace typed after the code
     */
    public record Typing(String before, int spaceAt, String after) {
        /** The code alone, as the application shows it. */
        public static final Typing PLAIN = new Typing("", 0, "");

        /**
         * Makes typings whose text stays within the input limit for codes of up to 18 digits,
         * with the plain code as the one edge case.
         *
         * @return the typings
         */
        public static Arbitrary<Typing> documented() {
            Arbitrary<String> whitespace = Arbitraries.strings().withChars(SURROUNDING_WHITESPACE).ofMaxLength(20);
            return Combinators.combine(whitespace, Arbitraries.integers().between(0, 18), whitespace).as(Typing::new)
                    .edgeCases(edges -> edges.includeOnly(PLAIN));
        }

        /**
         * Types a code.
         *
         * @param code the digits
         * @return the code as typed
         */
        public String type(String code) {
            int at = spaceAt % (code.length() + 1);
            boolean inner = at > 0 && at < code.length();
            return before + (inner ? code.substring(0, at) + " " + code.substring(at) : code) + after;
        }
    }
}
