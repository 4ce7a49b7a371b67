package dev.otpkit.core.internal;

import java.util.Arrays;

/**
 * RFC 4648 Base32 (alphabet {@code A-Z2-7}), written without padding and read leniently:
 * case, spaces, tabs, '-' separators and trailing '=' padding are ignored, anything else is
 * refused with its position. Error messages never quote the input, since it is key material.
 */
public final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int BITS_PER_CHAR = 5;
    private static final int NOT_BASE32 = -1;
    private static final int IGNORED = -2;
    private static final int PADDING = -3;
    private static final int[] DECODE = decodeTable();

    private Base32() {
    }

    /**
     * Encodes bytes as upper-case Base32 without padding.
     *
     * @param bytes the bytes to encode
     * @return the Base32 text
     */
    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + BITS_PER_CHAR - 1) / BITS_PER_CHAR);
        int buffer = 0;
        int bufferedBits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bufferedBits += 8;
            while (bufferedBits >= BITS_PER_CHAR) {
                bufferedBits -= BITS_PER_CHAR;
                out.append(ALPHABET[(buffer >>> bufferedBits) & 0x1F]);
            }
        }
        if (bufferedBits > 0) {
            out.append(ALPHABET[(buffer << (BITS_PER_CHAR - bufferedBits)) & 0x1F]);
        }
        return out.toString();
    }

    /**
     * Decodes lenient Base32 text.
     *
     * @param text the text to decode
     * @return the decoded bytes; bits left over after the last whole byte are dropped
     * @throws IllegalArgumentException if a character is not Base32, padding is followed by
     *     data, or the number of characters cannot come from whole bytes (1, 3 or 6 modulo 8)
     */
    public static byte[] decode(CharSequence text) {
        byte[] out = new byte[text.length() * BITS_PER_CHAR / 8];
        int written = 0;
        int buffer = 0;
        int bufferedBits = 0;
        int dataChars = 0;
        boolean paddingSeen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c < DECODE.length ? DECODE[c] : NOT_BASE32;
            if (value == IGNORED) {
                continue;
            }
            if (value == PADDING) {
                paddingSeen = true;
                continue;
            }
            if (value == NOT_BASE32 || paddingSeen) {
                Arrays.fill(out, (byte) 0);
                throw new IllegalArgumentException(paddingSeen && value != NOT_BASE32
                        ? "Base32 data after '=' padding at position " + i
                        : "character at position " + i + " is not Base32 (A-Z, 2-7)");
            }
            dataChars++;
            buffer = (buffer << BITS_PER_CHAR) | value;
            bufferedBits += BITS_PER_CHAR;
            if (bufferedBits >= 8) {
                bufferedBits -= 8;
                out[written++] = (byte) (buffer >>> bufferedBits);
            }
        }
        int lastGroup = dataChars % 8;
        if (lastGroup == 1 || lastGroup == 3 || lastGroup == 6) {
            Arrays.fill(out, (byte) 0);
            throw new IllegalArgumentException("Base32 length " + dataChars
                    + " is impossible: the last character would carry no whole byte");
        }
        byte[] result = Arrays.copyOf(out, written);
        Arrays.fill(out, (byte) 0);
        return result;
    }

    private static int[] decodeTable() {
        int[] table = new int[128];
        Arrays.fill(table, NOT_BASE32);
        for (int i = 0; i < ALPHABET.length; i++) {
            table[ALPHABET[i]] = i;
            table[Character.toLowerCase(ALPHABET[i])] = i;
        }
        table[' '] = IGNORED;
        table['\t'] = IGNORED;
        table['-'] = IGNORED;
        table['='] = PADDING;
        return table;
    }
}
