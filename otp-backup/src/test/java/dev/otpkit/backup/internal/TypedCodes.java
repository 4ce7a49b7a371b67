package dev.otpkit.backup.internal;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * Backup codes as users type them, for property tests: every way the README allows (case,
 * spaces, '-', tabs and line breaks anywhere, O for 0, I or L for 1), and the README's reading
 * rules written out again, independently of {@link CrockfordCode}, as the oracle for any text.
 */
public final class TypedCodes {
    /** Crockford's Base32 symbols, the only ones a canonical code holds. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** What a user may put anywhere in a code. */
    public static final String SEPARATORS = " -\t\r\n";
    /** Longest text read as a code, in chars. */
    private static final int MAX_LENGTH = 64;
    private static final int SYMBOLS = 10;

    private TypedCodes() {
    }

    /**
     * One way of typing a code: separators before each symbol and after the last, and for each
     * symbol its case and, for 0 and 1, which look-alike letter stands for it.
     *
     * @param gaps {@value #SYMBOLS} + 1 runs of separators
     * @param lowerCase per symbol, whether it is typed in lower case
     * @param lookAlikes per symbol, 0 for itself, 1 or 2 for a look-alike letter (0: O; 1: I or L)
     */
    public record Typing(List<String> gaps, List<Boolean> lowerCase, List<Integer> lookAlikes) {
        /**
         * Types a code this way.
         *
         * @param code a code in its displayed ({@code K7QX2-M9TZD}) or canonical form
         * @return the code as the user typed it, at most 54 chars
         */
        public String type(String code) {
            String canonical = code.replace("-", "");
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < SYMBOLS; i++) {
                char symbol = lookAlike(canonical.charAt(i), lookAlikes.get(i));
                typed.append(gaps.get(i)).append(lowerCase.get(i) ? Character.toLowerCase(symbol) : symbol);
            }
            return typed.append(gaps.get(SYMBOLS)).toString();
        }

        private static char lookAlike(char symbol, int choice) {
            if (choice > 0 && symbol == '0') {
                return 'O';
            }
            if (choice > 0 && symbol == '1') {
                return choice == 1 ? 'I' : 'L';
            }
            return symbol;
        }
    }

    /**
     * Every way of typing a code that the README allows.
     *
     * @return typings with up to 4 separators in each gap, so at most 54 chars
     */
    public static Arbitrary<Typing> typings() {
        Arbitrary<String> gap = Arbitraries.strings().withChars(SEPARATORS).ofMaxLength(4);
        return Combinators.combine(gap.list().ofSize(SYMBOLS + 1),
                Arbitraries.of(true, false).list().ofSize(SYMBOLS),
                Arbitraries.integers().between(0, 2).list().ofSize(SYMBOLS)).as(Typing::new);
    }

    /**
     * Canonical codes, symbols drawn from the whole alphabet.
     *
     * @return strings of {@value #SYMBOLS} symbols of {@link #ALPHABET}
     */
    public static Arbitrary<String> canonicalCodes() {
        return Arbitraries.strings().withChars(ALPHABET).ofLength(SYMBOLS);
    }

    /**
     * Any text: any chars (surrogates, controls, other scripts), text close to a code, empty,
     * and huge.
     *
     * @return text of 0 to a million chars
     */
    public static Arbitrary<String> anyText() {
        String nearCode = ALPHABET + ALPHABET.toLowerCase() + "oilOILuU" + SEPARATORS + "_.+\u00A0\u0430\u212A\uFF10";
        return Arbitraries.oneOf(
                Arbitraries.strings().all(),
                Arbitraries.strings().withChars(nearCode).ofMaxLength(70),
                Arbitraries.integers().between(MAX_LENGTH + 1, 1_000_000).map("-"::repeat),
                Arbitraries.just(""));
    }

    /** {@link #typings()}, for {@code @ForAll(supplier = TypedCodes.Typings.class)}. */
    public static final class Typings implements ArbitrarySupplier<Typing> {
        @Override
        public Arbitrary<Typing> get() {
            return typings();
        }
    }

    /** {@link #anyText()}, for {@code @ForAll(supplier = TypedCodes.AnyText.class)}. */
    public static final class AnyText implements ArbitrarySupplier<String> {
        @Override
        public Arbitrary<String> get() {
            return anyText();
        }
    }

    /**
     * Reads text by the README's rules, written out without {@link CrockfordCode}.
     *
     * @param typed any text, or null
     * @return the canonical code, or null if the text is not one
     */
    public static String reference(CharSequence typed) {
        if (typed == null || typed.length() > MAX_LENGTH) {
            return null;
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (SEPARATORS.indexOf(c) >= 0) {
                continue;
            }
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
            char read = upper == 'O' ? '0' : upper == 'I' || upper == 'L' ? '1' : upper;
            if (ALPHABET.indexOf(read) < 0) {
                return null;
            }
            code.append(read);
        }
        return code.length() == SYMBOLS ? code.toString() : null;
    }
}
