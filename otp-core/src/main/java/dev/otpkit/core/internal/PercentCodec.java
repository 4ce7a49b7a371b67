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
 * escape or invalid UTF-8 is refused with its position, never with the text, since the text
 * may be a secret.
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
     * Decodes percent-encoded UTF-8 text. Non-ASCII characters written raw, as some generators
     * do, are taken as themselves.
     *
     * @param text the encoded text
     * @param plusIsSpace whether '+' stands for a space, as HTML forms and many query-string
     *     encoders write it; otherwise '+' is itself
     * @param what names the part being decoded in the error message, for example
     *     {@code "parameter issuer"}
     * @return the decoded text
     * @throws IllegalArgumentException if an escape is not '%' and two hex digits, or the
     *     bytes are not valid UTF-8
     */
    public static String decode(CharSequence text, boolean plusIsSpace, String what) {
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new IllegalArgumentException(what + " has a malformed percent escape at position " + i
                            + ": '%' must be followed by two hex digits");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c > 0x7F) {
                // Some generators write Unicode raw (an IRI) rather than percent-encoded.
                int codePoint = Character.codePointAt(text, i);
                if (Character.isSurrogate((char) codePoint)) {
                    throw new IllegalArgumentException(what + " has an unpaired surrogate at position " + i);
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

    private static boolean isKeptLiteral(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '@';
    }
}
