package dev.otpkit.backup.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The shape of a backup code: {@value #SYMBOLS} symbols of Douglas Crockford's Base32 alphabet
 * (no I, L, O or U, so nothing looks like something else), 5 bits each, shown as two groups
 * of five joined by '-' ({@code K7QX2-M9TZD}).
 *
 * <p>Reading is lenient the way Crockford's decoding is: case is ignored, as are spaces, tabs,
 * line breaks and '-'; {@code O} reads as {@code 0} and {@code I}/{@code L} as {@code 1}.
 * Anything else (a {@code U}, punctuation, any non-ASCII character, the wrong number of
 * symbols, more than {@link #MAX_INPUT_LENGTH} chars) is not a code.
 */
public final class CrockfordCode {
    /** Symbols in a code: 10, so 50 random bits. */
    public static final int SYMBOLS = 10;
    /** Longest input read at all, in chars; a longer one is refused before it is read. */
    public static final int MAX_INPUT_LENGTH = 64;

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int GROUP = 5;
    private static final char SEPARATOR = '-';
    /** Marks a char that is not a symbol in {@link #SYMBOL_OF}. */
    private static final byte NOT_A_SYMBOL = -1;
    /** Marks a char that is skipped when reading. */
    private static final byte IGNORED = -2;
    /** Canonical symbol (an ASCII byte) for each ASCII char, or one of the two markers above. */
    private static final byte[] SYMBOL_OF = symbolTable();

    private CrockfordCode() {
    }

    /**
     * Draws a new code from {@code random}.
     *
     * @param random the source of randomness
     * @return the code in its canonical form: {@value #SYMBOLS} upper-case symbols, no separator
     */
    public static String generate(SecureRandom random) {
        char[] symbols = new char[SYMBOLS];
        for (int i = 0; i < SYMBOLS; i++) {
            symbols[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(symbols);
    }

    /**
     * Formats a canonical code for display.
     *
     * @param canonical a code from {@link #generate(SecureRandom)}
     * @return the code in groups of five joined by '-'
     */
    public static String display(String canonical) {
        return canonical.substring(0, GROUP) + SEPARATOR + canonical.substring(GROUP);
    }

    /**
     * Reads a code as a user typed it.
     *
     * @param input any text, including {@code null}
     * @return the canonical code as ASCII bytes (the caller should clear them after use), or
     *     {@code null} if the input is not a code
     */
    public static byte[] canonicalBytes(CharSequence input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        byte[] code = new byte[SYMBOLS];
        int count = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            byte symbol = c < SYMBOL_OF.length ? SYMBOL_OF[c] : NOT_A_SYMBOL;
            if (symbol == IGNORED) {
                continue;
            }
            if (symbol == NOT_A_SYMBOL || count == SYMBOLS) {
                Arrays.fill(code, (byte) 0);
                return null;
            }
            code[count++] = symbol;
        }
        if (count != SYMBOLS) {
            Arrays.fill(code, (byte) 0);
            return null;
        }
        return code;
    }

    /**
     * Returns the ASCII bytes of a canonical code, as they are hashed.
     *
     * @param canonical a code from {@link #generate(SecureRandom)}
     * @return its bytes
     */
    public static byte[] bytes(String canonical) {
        return canonical.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] symbolTable() {
        byte[] table = new byte[128];
        Arrays.fill(table, NOT_A_SYMBOL);
        for (int i = 0; i < ALPHABET.length(); i++) {
            char symbol = ALPHABET.charAt(i);
            table[symbol] = (byte) symbol;
            table[Character.toLowerCase(symbol)] = (byte) symbol;
        }
        // Crockford's decoding: letters that look like digits read as those digits.
        mapBothCases(table, 'O', '0');
        mapBothCases(table, 'I', '1');
        mapBothCases(table, 'L', '1');
        for (char ignored : new char[] {' ', '\t', '\n', '\r', SEPARATOR}) {
            table[ignored] = IGNORED;
        }
        return table;
    }

    private static void mapBothCases(byte[] table, char letter, char digit) {
        table[letter] = (byte) digit;
        table[Character.toLowerCase(letter)] = (byte) digit;
    }
}
