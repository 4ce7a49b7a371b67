package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/** Properties of reading and writing secrets as Base32. */
class OtpSecretProperties {
    /** An independent encoder, for keys beyond what OtpSecret holds. */
    private static final org.apache.commons.codec.binary.Base32 CODEC = new org.apache.commons.codec.binary.Base32();
    /** Characters that are not Base32 data, separators or padding. */
    private static final String NOT_BASE32 = "0189!_.,:;/+%#\u00C9\u00DF\uFF21\u0661\u0000\u202E";

    @Property
    void base32ReadsBackEveryAllowedSecretLength(@ForAll("keys") byte[] key) {
        OtpSecret secret = OtpSecret.fromBytesLegacy(key);

        assertEquals(secret, OtpSecret.fromBase32Legacy(secret.toBase32()));
        assertEquals(key.length * 8, secret.bitLength());
    }

    @Property
    void fromBase32RefusesUserInputOnlyWithIllegalArgumentException(@ForAll("base32LikeText") String text) {
        for (boolean legacy : new boolean[] {false, true}) {
            try {
                OtpSecret secret = legacy ? OtpSecret.fromBase32Legacy(text) : OtpSecret.fromBase32(text);
                assertTrue(secret.bitLength() <= OtpSecret.MAX_BITS, secret::toString);
            } catch (IllegalArgumentException refused) {
                // a normal refusal; any other exception fails the property
            }
        }
    }

    @Property
    void refusalsNeverQuoteTheText(@ForAll("brokenBase32") String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OtpSecret.fromBase32Legacy(text));

        SecretLeaks.assertQuotesNoRunOf(text, e.getMessage());
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(OtpSecret.MAX_BITS / 8);
    }

    /**
     * Any text; text of Base32 characters, separators and padding; and the padded Base32 of up
     * to 1.5 times the largest key with separators in it, of sizes spread evenly, so that the caps on
     * data and on the whole text are both reached.
     */
    @Provide
    Arbitrary<String> base32LikeText() {
        // Random bytes without a shrinkable per byte, which would make this slow.
        Arbitrary<byte[]> upToBeyondTheCap = Arbitraries.integers().between(0, OtpSecret.MAX_BITS / 8 * 3 / 2)
                .withDistribution(RandomDistribution.uniform())
                .flatMap(size -> Arbitraries.randomValue(random -> {
                    byte[] key = new byte[size];
                    random.nextBytes(key);
                    return key;
                }));
        Arbitrary<String> spacedBase32 = Combinators.combine(upToBeyondTheCap, Arbitraries.integers().between(1, 8),
                Arbitraries.of(' ', '-', '\t')).as((key, group, separator) ->
                        grouped(CODEC.encodeToString(key), group, separator));
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz -=\t").ofMaxLength(300),
                spacedBase32);
    }

    /** The Base32 of a real secret with one character made wrong, or with data after padding. */
    @Provide
    Arbitrary<String> brokenBase32() {
        Arbitrary<String> base32 = keys().filter(key -> key.length >= 5).map(key -> OtpSecret.fromBytesLegacy(key).toBase32());
        Arbitrary<Character> wrong = Arbitraries.of(NOT_BASE32.toCharArray());
        return Combinators.combine(base32, Arbitraries.integers().between(0, Integer.MAX_VALUE), wrong,
                Arbitraries.of(true, false)).as((text, at, c, replace) -> {
                    int index = at % text.length();
                    return text.substring(0, index) + (replace ? String.valueOf(c) : "=") + text.substring(index + 1);
                }).filter(text -> !text.endsWith("="));
    }

    private static String grouped(String text, int group, char separator) {
        StringBuilder grouped = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            grouped.append(i > 0 && i % group == 0 ? String.valueOf(separator) : "").append(text.charAt(i));
        }
        return grouped.toString();
    }
}
