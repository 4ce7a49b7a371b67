package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of percent-encoding, checked against the JDK's URLEncoder and URLDecoder. */
class PercentCodecProperties {
    private static final Pattern POSITION = Pattern.compile("at position (\\d+)");

    @Property
    void decodeReadsBackEncode(@ForAll("wellFormedText") String text) {
        String encoded = PercentCodec.encode(text);

        assertEquals(text, PercentCodec.decode(encoded, 0, encoded.length(), false, "text"));
        assertEquals(text, PercentCodec.decode(encoded, 0, encoded.length(), true, "text"));
    }

    /** URLEncoder writes form encoding; RFC 3986 differs in a space, '*', '~' and ('@' kept) '@'. */
    @Property
    void encodeWritesWhatUrlEncoderWritesAsRfc3986(@ForAll("wellFormedText") String text) {
        String expected = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~").replace("%40", "@");

        assertEquals(expected, PercentCodec.encode(text));
    }

    /**
     * What this decoder reads, URLDecoder reads the same; it refuses more (broken UTF-8, which
     * URLDecoder turns into U+FFFD, a lone surrogate, escapes such as "%+1"), never less.
     */
    @Property
    void decodeAgreesWithUrlDecoderWheneverItReads(@ForAll("encodedText") String text) {
        String ours;
        try {
            ours = PercentCodec.decode(text, 0, text.length(), true, "text");
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(URLDecoder.decode(text, StandardCharsets.UTF_8), ours);
    }

    @Property
    void refusesWhatUrlDecoderRefuses(@ForAll("encodedText") String text) {
        try {
            URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException refusedByTheJdk) {
            assertThrows(IllegalArgumentException.class,
                    () -> PercentCodec.decode(text, 0, text.length(), true, "text"));
        }
    }

    /** A refusal names a position, counted from 1, inside the part decoded, and not the text. */
    @Property
    void refusesAnyTextOnlyWithIllegalArgumentNamingAPositionInThePart(@ForAll("encodedText") String text,
            @ForAll("fractions") double from, @ForAll("fractions") double to) {
        int start = (int) (Math.min(from, to) * text.length());
        int end = (int) (Math.max(from, to) * text.length());
        try {
            PercentCodec.decode(text, start, end, false, "the part");
        } catch (IllegalArgumentException refused) {
            Matcher position = POSITION.matcher(refused.getMessage());
            if (position.find()) {
                int at = Integer.parseInt(position.group(1));
                assertTrue(at > start && at <= end, refused.getMessage() + " outside " + (start + 1) + ".." + end);
            }
            assertTrue(refused.getMessage().startsWith("the part "), refused.getMessage());
        }
    }

    @Provide
    Arbitrary<String> wellFormedText() {
        return TextArbitraries.text(60, TextArbitraries::isScalarValue);
    }

    /** Escapes good and broken, '+', raw ASCII and raw Unicode, lone surrogates among them. */
    @Provide
    Arbitrary<String> encodedText() {
        Arbitrary<String> validEscapes = wellFormedText().map(PercentCodec::encode);
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(2);
        Arbitrary<String> anyEscape = hex.map(digits -> "%" + digits);
        Arbitrary<String> brokenEscape = Arbitraries.of("%", "%4", "%G1", "%+1", "%-1", "%\u0664\u0661", "%\uFF14\uFF11",
                "%C3", "%ED%A0%80", "%F4%90%80%80");
        Arbitrary<String> raw = Arbitraries.strings().all().ofMaxLength(4);
        Arbitrary<List<String>> pieces = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, validEscapes), net.jqwik.api.Tuple.of(2, anyEscape),
                net.jqwik.api.Tuple.of(1, brokenEscape), net.jqwik.api.Tuple.of(3, raw),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("+"))).list().ofMaxSize(8);
        return Combinators.combine(pieces, Arbitraries.just("")).as((list, none) -> String.join(none, list));
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }
}
