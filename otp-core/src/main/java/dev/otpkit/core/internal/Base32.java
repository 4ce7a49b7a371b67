package dev.otpkit.core.internal;

import java.util.Arrays;

/**
 * RFC 4648 Base32 (alphabet {@code A-Z2-7}), written without padding and read leniently:
 * case, spaces, tabs, '-' separators and trailing '=' padding are ignored, anything else is
 * refused with its position, counted from 1. Error messages never quote the input, since it
 * is key material.
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
        StringBuilder out = new StringBuilder(encodedLength(bytes.length));
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
     * Returns how many characters {@link #encode(byte[])} writes for a number of bytes.
     *
     * @param bytes the number of bytes, 0 or more
     * @return the unpadded Base32 length: 8 characters for every 5 bytes, rounded up
     */
    public static int encodedLength(int bytes) {
        return (int) (((long) bytes * 8 + BITS_PER_CHAR - 1) / BITS_PER_CHAR);
    }

    /**
     * Decodes lenient Base32 text holding at most {@code maxBytes} bytes. Reading stops at the
     * first character of data beyond that cap, so the work is bounded by the cap and by the
     * number of ignored characters, which the caller must bound itself.
     *
     * @param text the text to decode
     * @param maxBytes the most bytes the text may hold, 0 or more
     * @return the decoded bytes; bits left over after the last whole byte are dropped
     * @throws IllegalArgumentException if a character is not Base32, padding is followed by
     *     data, the text holds more than {@code maxBytes} bytes, or the number of characters
     *     cannot come from whole bytes (1, 3 or 6 modulo 8); positions in the message count
     *     from 1
     */
    public static byte[] decode(CharSequence text, int maxBytes) {
        int maxDataChars = encodedLength(maxBytes);
        byte[] out = new byte[(int) Math.min(maxBytes, (long) text.length() * BITS_PER_CHAR / 8)];
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
            if (value == NOT_BASE32 || paddingSeen || dataChars == maxDataChars) {
                Arrays.fill(out, (byte) 0);
                throw refused(value, paddingSeen, i, maxBytes, maxDataChars);
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

    /** Why the character at {@code index} ends decoding; says where, never what. */
    private static IllegalArgumentException refused(int value, boolean paddingSeen, int index, int maxBytes,
            int maxDataChars) {
        int position = index + 1;
        if (value == NOT_BASE32) {
            return new IllegalArgumentException("character at position " + position + " is not Base32 (A-Z, 2-7)");
        }
        if (paddingSeen) {
            return new IllegalArgumentException("Base32 data after '=' padding at position " + position);
        }
        return new IllegalArgumentException("Base32 text holds more than " + maxBytes + " bytes: at most "
                + maxDataChars + " characters of data are allowed, separators and padding aside");
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
