package dev.otpkit.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of UTF-8 text for URIs (RFC 3986 section 2.1). Encoding keeps only the
 * unreserved characters and '@' literal, so a space is always {@code %20}, never '+', and the
 * result is safe in a path segment and in a query value alike. Decoding is strict: a broken
 * escape or invalid UTF-8 is refused with its position (counted from 1), never with the text,
 * since the text may be a secret.
 */
public final class PercentCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCodec() {
    }

    /**
     * Encodes text as UTF-8 with every byte outside {@code A-Z a-z 0-9 - . _ ~ @} written as
     * {@code %XX} (upper-case hex).
     *
     * @param text the text to encode
     * @return the encoded text, pure ASCII
     */
    public static String encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length * 3);
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (isKeptLiteral(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes part of a percent-encoded UTF-8 text. Non-ASCII characters written raw, as some
     * generators do, are taken as themselves.
     *
     * @param text the text holding the encoded part
     * @param from the index of the part's first char
     * @param to the index after the part's last char, {@code from} or more
     * @param plusIsSpace whether '+' stands for a space, as HTML forms and many query-string
     *     encoders write it; otherwise '+' is itself
     * @param what names the part being decoded at the start of the error message, for example
     *     {@code "the issuer parameter"}
     * @return the decoded part
     * @throws IllegalArgumentException if an escape is not '%' and two ASCII hex digits
     *     ({@code 0-9 A-F a-f}) within the part, a raw character is an unpaired surrogate, or
     *     the bytes are not valid UTF-8; a position in the message is an index of {@code text}
     *     counted from 1
     */
    public static String decode(CharSequence text, int from, int to, boolean plusIsSpace, String what) {
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 3);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < to ? hexValue(text.charAt(i + 1)) : -1;
                int low = high >= 0 ? hexValue(text.charAt(i + 2)) : -1;
                if (low < 0) {
                    throw new IllegalArgumentException(what + " has a malformed percent escape at position " + (i + 1)
                            + ": '%' must be followed by two hex digits");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c > 0x7F) {
                // Some generators write Unicode raw (an IRI) rather than percent-encoded.
                int codePoint = i + 1 < to ? Character.codePointAt(text, i) : c;
                // A lone surrogate comes back as itself; a pair comes back as one supplementary
                // code point, whose low 16 bits may look like a surrogate (U+2D800), so test the
                // code point, not a char cast of it.
                if (Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint)) {
                    throw new IllegalArgumentException(what + " has an unpaired surrogate at position " + (i + 1));
                }
                bytes.put(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            } else {
                bytes.put((byte) (c == '+' && plusIsSpace ? ' ' : c));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid UTF-8 once percent-decoded");
        }
    }

    /**
     * The value of an ASCII hex digit, or -1. Unlike {@link Character#digit(char, int)} this
     * refuses other scripts' digits, such as Arabic-Indic or full-width ones, which RFC 3986
     * does not allow in an escape.
     */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static boolean isKeptLiteral(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '@';
    }
}
