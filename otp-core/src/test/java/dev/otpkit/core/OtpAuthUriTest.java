package dev.otpkit.core;

import static dev.otpkit.core.ValueAssertions.assertEqualsNothingElse;
import static dev.otpkit.core.ValueAssertions.assertHashesApart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpAuthUriTest {
    /** RFC 6238's SHA-1 test key "12345678901234567890". */
    private static final OtpSecret RFC_SECRET =
            OtpSecret.fromBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final String RFC_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    /** An 80-bit secret as Google's early enrolments issued. */
    private static final String LEGACY_BASE32 = "JBSWY3DPEHPK3PXP";

    @Test
    void writesGoogleKeyUriFormatWithDefaultsLeftOut() {
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).issuer("ACME Co").account("alice@example.com").build();

        assertEquals("otpauth://totp/ACME%20Co:alice@example.com?secret=" + RFC_BASE32 + "&issuer=ACME%20Co",
                uri.toUriString());
    }

    @Test
    void writesNonDefaultParameters() {
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).account("bob")
                .totp(Totp.builder().algorithm(HmacAlgorithm.SHA512).digits(8).period(Duration.ofSeconds(60)).build())
                .build();

        assertEquals("otpauth://totp/bob?secret=" + RFC_BASE32 + "&algorithm=SHA512&digits=8&period=60",
                uri.toUriString());
    }

    @Test
    void writesHotpWithCounter() {
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).issuer("X").account("bob")
                .hotp(Hotp.builder().build(), 42).build();

        assertEquals("otpauth://hotp/X:bob?secret=" + RFC_BASE32 + "&issuer=X&counter=42", uri.toUriString());
        assertEquals(42, uri.counter());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ACME Co          | alice@example.com        | ACME%20Co:alice@example.com",
        "Bücher & Söhne   | jürgen@example.de        | B%C3%BCcher%20%26%20S%C3%B6hne:j%C3%BCrgen@example.de",
        "C++ Shop         | alice+2fa@example.com    | C%2B%2B%20Shop:alice%2B2fa@example.com",
        "Smith, Jones     | bob, jr                  | Smith%2C%20Jones:bob%2C%20jr",
        "日本銀行          | 山田 太郎                 | %E6%97%A5%E6%9C%AC%E9%8A%80%E8%A1%8C:%E5%B1%B1%E7%94%B0%20%E5%A4%AA%E9%83%8E",
        "Emoji 🔐         | a/b?c=d&e#f%g            | Emoji%20%F0%9F%94%90:a%2Fb%3Fc%3Dd%26e%23f%25g",
    })
    void percentEncodesLabelAndIssuerAsUtf8AndRoundTrips(String issuer, String account, String label) {
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).issuer(issuer).account(account).build();
        String text = uri.toUriString();

        String encodedIssuer = label.substring(0, label.indexOf(':'));
        assertEquals("otpauth://totp/" + label + "?secret=" + RFC_BASE32 + "&issuer=" + encodedIssuer, text);
        assertFalse(text.contains("+"), "a space or plus must never be written as '+'");
        assertEquals(uri, OtpAuthUri.parse(text));
        // java.net.URI, an independent RFC 3986 parser, must accept the text and decode the same label.
        assertEquals(issuer + ":" + account, URI.create(text).getPath().substring(1));
    }

    @Test
    void roundTripsEveryTypeAndParameter() {
        OtpSecret secret = OtpSecret.generate(256);
        for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
            for (int digits = 6; digits <= 8; digits++) {
                OtpAuthUri totp = OtpAuthUri.builder().secret(secret).account("a").totp(Totp.builder()
                        .algorithm(algorithm).digits(digits).period(Duration.ofSeconds(digits * 10L)).build()).build();
                OtpAuthUri hotp = OtpAuthUri.builder().secret(secret).issuer("I").account("a")
                        .hotp(Hotp.builder().algorithm(algorithm).digits(digits).build(), Long.MAX_VALUE).build();
                assertEquals(totp, OtpAuthUri.parse(totp.toUriString()));
                assertEquals(hotp, OtpAuthUri.parse(hotp.toUriString()));
            }
        }
    }

    @Test
    void parsesGoogleDocumentationExample() {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example");

        assertEquals(OtpAuthUri.Type.TOTP, uri.type());
        assertEquals(Optional.of("Example"), uri.issuer());
        assertEquals("alice@google.com", uri.account());
        assertEquals(80, uri.secret().bitLength());
        assertEquals(LEGACY_BASE32, uri.secret().toBase32());
        assertEquals(HmacAlgorithm.SHA1, uri.hotp().algorithm());
        assertEquals(6, uri.hotp().digits());
        assertEquals(Duration.ofSeconds(30), uri.totp().period());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // pyotp: quote() with safe '@', defaults omitted
        "otpauth://totp/ACME%20Co:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co",
        // oathtool/FreeOTP style: parameters in another order, lower-case algorithm, explicit defaults
        "otpauth://totp/ACME%20Co:alice@example.com?issuer=ACME%20Co&algorithm=sha1&digits=6&period=30&secret=JBSWY3DPEHPK3PXP",
        // PHP urlencode() in the query: '+' for the space; ':' written as %3A in the label
        "otpauth://totp/ACME%20Co%3Aalice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME+Co",
        // issuer only in the label, with Google's optional space after the colon
        "otpauth://totp/ACME%20Co:%20alice@example.com?secret=JBSWY3DPEHPK3PXP",
        // issuer only in the parameter; padded lower-case secret; upper-case scheme and type
        "OTPAUTH://TOTP/alice@example.com?secret=jbswy3dpehpk3pxp%3D%3D%3D%3D%3D%3D&issuer=ACME%20Co",
        // raw '=' padding, FreeOTP's image parameter, surrounding whitespace from a scanner
        "  otpauth://totp/ACME%20Co:alice@example.com?secret=JBSWY3DPEHPK3PXP======&issuer=ACME%20Co&image=https%3A%2F%2Fexample.com%2Fa.png\n",
        // a leading and a trailing '&' and an empty parameter
        "otpauth://totp/ACME%20Co:alice@example.com?&secret=JBSWY3DPEHPK3PXP&&issuer=ACME%20Co&",
    })
    void parsesUrisAsOtherToolsEmitThem(String text) {
        OtpAuthUri uri = OtpAuthUri.parse(text);

        assertEquals(Optional.of("ACME Co"), uri.issuer());
        assertEquals("alice@example.com", uri.account());
        assertEquals(LEGACY_BASE32, uri.secret().toBase32());
        assertEquals(HmacAlgorithm.SHA1, uri.hotp().algorithm());
    }

    @Test
    void parsesRawUnicodeAsSomeGeneratorsWriteIt() {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/Bücher:jürgen?secret=" + RFC_BASE32 + "&issuer=Bücher");

        assertEquals(Optional.of("Bücher"), uri.issuer());
        assertEquals("jürgen", uri.account());
    }

    @Test
    void roundTripsSupplementaryCharactersWrittenRawOrPercentEncoded() {
        // U+2D800 (a CJK ideograph, UTF-16 D876 DC00): as a char its low 16 bits would be D800,
        // a surrogate, so a decoder that truncated the code point would refuse it.
        String issuer = "Bank \uD876\uDC00";
        String account = "\uD876\uDC00@example.com";
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).issuer(issuer).account(account).build();
        String encoded = uri.toUriString();
        String raw = "otpauth://totp/Bank%20" + "\uD876\uDC00" + ":" + account + "?secret=" + RFC_BASE32
                + "&issuer=Bank%20" + "\uD876\uDC00";

        assertEquals(uri, OtpAuthUri.parse(encoded));
        assertEquals(uri, OtpAuthUri.parse(raw));
        assertEquals(Optional.of(issuer), OtpAuthUri.parse(raw).issuer());
        assertEquals(account, OtpAuthUri.parse(raw).account());
    }

    @Test
    void refusesAnUnpairedSurrogateWrittenRaw() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse("otpauth://totp/b\uD875ob?secret=" + RFC_BASE32));

        assertTrue(e.getMessage().contains("unpaired surrogate at position 17"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"sha256, SHA256", "SHA-512, SHA512", "Sha1, SHA1"})
    void parsesAlgorithmNamesInAnyCase(String name, HmacAlgorithm expected) {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/a?secret=" + RFC_BASE32 + "&algorithm=" + name + "&digits=8&period=60");

        assertEquals(expected, uri.hotp().algorithm());
        assertEquals(8, uri.hotp().digits());
        assertEquals(Duration.ofSeconds(60), uri.totp().period());
    }

    @Test
    void parsedParametersGenerateTheRfc6238Codes() {
        // RFC 6238 appendix B: SHA-1, 8 digits, T = 59 s gives 94287082.
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/RFC:6238?secret=" + RFC_BASE32 + "&digits=8");

        assertEquals("94287082", uri.totp().generate(uri.secret(), Instant.ofEpochSecond(59)));
    }

    @Test
    void parsedHotpGeneratesTheRfc4226Codes() {
        // RFC 4226 appendix D: counter 1 gives 287082.
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://hotp/RFC:4226?secret=" + RFC_BASE32 + "&counter=1");

        assertEquals("287082", uri.hotp().generate(uri.secret(), uri.counter()));
    }

    @Test
    void secretDecodesLikeCommonsCodec() {
        OtpAuthUri uri = OtpAuthUri.builder().secret(OtpSecret.generate()).account("a").build();
        String secretText = uri.toUriString().replaceAll(".*secret=([A-Z2-7]+).*", "$1");

        assertEquals(32, secretText.length());
        assertEquals(java.util.HexFormat.of().formatHex(new Base32().decode(secretText)),
                java.util.HexFormat.of().formatHex(OtpAuthUri.parse(uri.toUriString()).secret().revealBytes()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.com/totp/a?secret=JBSWY3DPEHPK3PXP             | does not start with otpauth://",
        "otpauth://totp?secret=JBSWY3DPEHPK3PXP                         | has no label",
        "otpauth://motp/a?secret=JBSWY3DPEHPK3PXP                       | its type (position 11) must be totp or hotp",
        "otpauth://totp/a                                               | secret parameter is required",
        "otpauth://totp/a?issuer=X                                      | secret parameter is missing",
        "otpauth://totp/a?secret=                                       | secret parameter is missing",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP | secret appears more than once",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5         | parameter algorithm (value at position 52) must be SHA1, SHA256 or SHA512",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=5              | parameter digits (value at position 49) must be a whole number from 6 to 8",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=six            | digits (value at position 49) must be a whole number from 6 to 8",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=0              | period (value at position 49) must be a whole number from 1 to 86400",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=-30            | period (value at position 49) must be a whole number from 1 to 86400",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=86401          | period (value at position 49) must be a whole number from 1 to 86400",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=2147483647     | period (value at position 49) must be a whole number from 1 to 86400",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=\u0663\u0660    | period (value at position 49) must be a whole number from 1 to 86400",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=\uFF18          | digits (value at position 49) must be a whole number from 6 to 8",
        "otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP                       | needs a counter parameter",
        "otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=99999999999999999999 | parameter counter (value at position 50) must be a whole number",
        "otpauth://totp/?secret=JBSWY3DPEHPK3PXP                        | label has no account name",
        "otpauth://totp/:bob?secret=JBSWY3DPEHPK3PXP                    | empty issuer",
        "otpauth://totp/A:B:c?secret=JBSWY3DPEHPK3PXP                   | more than one ':'",
        "otpauth://totp/ACME%1F:bob?secret=JBSWY3DPEHPK3PXP             | the issuer in the label must not contain U+001F (character 5)",
        "otpauth://totp/A:bob?secret=JBSWY3DPEHPK3PXP&issuer=B          | the issuer parameter (value at position 53) differs from the issuer in the label",
        "otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&issuer=A%3AB        | issuer must not contain ':'",
        "otpauth://totp/b%zzob?secret=JBSWY3DPEHPK3PXP                  | the label has a malformed percent escape at position 17",
        "otpauth://totp/b%\u0664\u0661ob?secret=JBSWY3DPEHPK3PXP            | the label has a malformed percent escape at position 17: '%' must be followed by two hex digits",
        "otpauth://totp/b%\uFF14\uFF11ob?secret=JBSWY3DPEHPK3PXP            | the label has a malformed percent escape at position 17",
        "otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&issuer=%4\u0661        | the issuer parameter has a malformed percent escape at position 51",
        "' otpauth://totp/b%zzob?secret=JBSWY3DPEHPK3PXP'               | the label has a malformed percent escape at position 18",
        "otpauth://totp/bob?s%zzcret=JBSWY3DPEHPK3PXP                  | a parameter name has a malformed percent escape at position 21",
        "otpauth://totp/b%C3ob?secret=JBSWY3DPEHPK3PXP                  | not a usable otpauth URI: the label is not valid UTF-8",
        "otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP#x                   | fragment",
    })
    void refusesWithASpecificMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.parse(text));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PX1",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3P",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP%ZZ",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=9",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=JBSWY",
    })
    void neverQuotesTheSecretWhenRefusing(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.parse(text));

        assertFalse(e.getMessage().contains("JBSWY3DPEHPK3P"), e.getMessage());
    }

    /**
     * Shapes of refused URIs that carry the secret somewhere other than a clean secret
     * parameter; {S} stands for the secret in Base32, {s} for it in lower case, {P} for it
     * percent-encoded, {45 S} for 45 copies (too long a secret) and {110 S} for 110 (too long a
     * URI). Each refusal's message must quote none of them.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "otpauth://totp?secret={S}&image=https://example.com/a.png",
        "otpauth://totp?secret={S}",
        "otpauth://{S}/bob?secret={S}",
        "otpauth://totp/A:bob?secret={S}&issuer=B;secret={S}",
        "otpauth://totp/A:bob?issuer=B;secret={S}&secret={S}",
        "otpauth://totp/bob?secret={S}&algorithm=SHA1;secret={S}",
        "otpauth://totp/bob?algorithm=SHA1;secret={S}&secret={S}",
        "otpauth://totp/bob?secret={S}&digits=6;secret={S}",
        "otpauth://totp/bob?secret={S}&period=30;secret={S}",
        "otpauth://totp/bob?period=30;secret={P}&secret={S}",
        "otpauth://hotp/bob?secret={S}&counter=0;secret={S}",
        "otpauth://hotp/bob?secret={s}&counter=0;secret={s}",
        "otpauth://totp/bob?secret={S};issuer=ACME",
        "otpauth://totp/bob?secret={P};issuer=ACME",
        "otpauth://totp/{S}:bob?secret={S}&issuer=ACME",
        "otpauth://totp/secret={S}:a:b?secret={S}",
        "otpauth://totp/bob?secret={S}&issuer=A%3A{S}",
        "otpauth://totp/bob?secret={S}&issuer=%20A%3A{S}",
        "otpauth://totp/bob?secret={S}&secret={S}",
        "otpauth://totp/bob?{S}&{S}&secret={S}&secret={S}",
        "otpauth://totp/bob?{S}=1&{S}=2&secret={S}!",
        "otpauth://totp/bob?secret={S}&secret={P}",
        "otpauth://totp/bob?secret={S}1",
        "otpauth://totp/bob?secret={S}%ZZ",
        "otpauth://totp/bob%E2%80%AE{S}?secret={S}",
        "otpauth://totp/bob?secret={S}&issuer={S}%0A",
        "otpauth://totp/bob?secret={S}#{S}",
        "otpauth://totp/bob?secret={S}{S}&issuer=A%3A",
        "otpauth://totp/bob?secret={45 S}",
        "otpauth://totp/bob?secret={110 S}",
    })
    void neverQuotesTheSecretWhateverTheShapeOfTheUri(String shape) {
        String secret = "K5XGC3DQMFZXG53POJSCA2LTEBZWK3DFMN2GKZBB";
        String encoded = percentEncodeEveryChar(secret);
        String text = shape.replace("{S}", secret).replace("{s}", secret.toLowerCase(Locale.ROOT))
                .replace("{P}", encoded).replace("{45 S}", secret.repeat(45)).replace("{110 S}", secret.repeat(110));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.parse(text));

        SecretLeaks.assertQuotesNoRunOf(secret, e.getMessage());
        SecretLeaks.assertQuotesNoRunOf(encoded, e.getMessage());
    }

    /** ASCII text with every char written as a percent escape, as some encoders do. */
    static String percentEncodeEveryChar(String ascii) {
        StringBuilder encoded = new StringBuilder();
        ascii.chars().forEach(c -> encoded.append(String.format("%%%02X", c)));
        return encoded.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x1B, 0x7F, 0x85, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029,
        0x202A, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFF9, 0xE000, 0xF0000, 0x0378, 0xD800, 0xDC00})
    void builderRefusesInvisibleAndControlCharactersInIssuerAndAccount(int codePoint) {
        String spoofed = "Pay" + new String(Character.toChars(codePoint)) + "Pal";
        String expected = String.format("U+%04X", codePoint);

        IllegalArgumentException issuer = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.builder().secret(RFC_SECRET).issuer(spoofed).account("bob").build());
        IllegalArgumentException account = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.builder().secret(RFC_SECRET).issuer("ACME").account(spoofed).build());

        assertTrue(issuer.getMessage().startsWith("issuer must not contain " + expected + " (character 4)"),
                issuer.getMessage());
        assertTrue(account.getMessage().startsWith("account must not contain " + expected + " (character 4)"),
                account.getMessage());
        assertFalse(issuer.getMessage().contains("Pay") || account.getMessage().contains("Pay"), "quotes the value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "otpauth://totp/Pay%E2%80%AEPal:bob?secret=" + RFC_BASE32 + "                | U+202E",
        "otpauth://totp/Pay\u202EPal:bob?secret=" + RFC_BASE32 + "                   | U+202E",
        "otpauth://totp/ACME:bob%E2%80%8B?secret=" + RFC_BASE32 + "                  | U+200B",
        "otpauth://totp/ACME:%0Abob?secret=" + RFC_BASE32 + "                        | U+000A",
        "otpauth://totp/ACME%1B%5B31m:bob?secret=" + RFC_BASE32 + "                  | U+001B",
        "otpauth://totp/ACME:bob%C2%85?secret=" + RFC_BASE32 + "                     | U+0085",
        "otpauth://totp/ACME:bob%00?secret=" + RFC_BASE32 + "                        | U+0000",
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&issuer=Pay%E2%81%A6Pal          | U+2066",
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&issuer=%EF%BB%BFACME            | U+FEFF",
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&issuer=ACME%E2%80%A8            | U+2028",
        "otpauth://totp/ACME:bob?secret=" + RFC_BASE32 + "&issuer=ACME%D8%9C          | U+061C",
        "otpauth://totp/ACME:bob%EE%80%80?secret=" + RFC_BASE32 + "                  | U+E000",
    })
    void parseRefusesInvisibleAndControlCharactersInIssuerAndAccount(String text, String codePoint) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse(text));

        assertTrue(e.getMessage().startsWith("not a usable otpauth URI: "), e.getMessage());
        assertTrue(e.getMessage().contains(codePoint), e.getMessage());
    }

    @Test
    void acceptsVisibleUnicodeIncludingCombiningMarksAndNoBreakSpaces() {
        String issuer = "Cafe\u0301 M\u00FCller\u00A0& Co";
        String account = "\u5C71\u7530 \u0928\u092E\u0938\u094D\u0924\u0947 \uD83D\uDD10";
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).issuer(issuer).account(account).build();

        assertEquals(uri, OtpAuthUri.parse(uri.toUriString()));
    }

    @Test
    void readsPercentEncodedParameterNames() {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/bob?s%65cret=" + RFC_BASE32 + "&%69ssuer=ACME&digits%3D8");

        assertEquals(RFC_SECRET, uri.secret());
        assertEquals(Optional.of("ACME"), uri.issuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "otpauth://totp/bob?s%65cret=JBSWY3DPEHPK3PXP&secret=" + RFC_BASE32,
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&S%45CRET=JBSWY3DPEHPK3PXP",
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&%73%65%63%72%65%74=JBSWY3DPEHPK3PXP",
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&\u017Fecret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&issuer=A&i%C3%9Fuer=B",
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&digits=6&d%49gits=8",
        "otpauth://totp/bob?secret=" + RFC_BASE32 + "&period=30&period=60",
        "otpauth://hotp/bob?secret=" + RFC_BASE32 + "&counter=0&c%6Funter=9",
    })
    void refusesAParameterGivenTwiceHoweverItsNameIsWritten(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.parse(text));

        assertTrue(e.getMessage().contains("appears more than once"), e.getMessage());
    }

    @Test
    void ignoresUnknownParametersEvenWhenRepeated() {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/bob?secret=" + RFC_BASE32
                + "&image=https%3A%2F%2Fexample.com%2Fa.png&image=x&color=1&color=2");

        assertEquals(RFC_SECRET, uri.secret());
    }

    @Test
    void readsPeriodsUpToTheLongestTotpAllows() {
        long longest = Totp.MAX_PERIOD.getSeconds();
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/bob?secret=" + RFC_BASE32 + "&period=" + longest);

        assertEquals(Totp.MAX_PERIOD, uri.totp().period());
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.builder().secret(RFC_SECRET).account("bob")
                .totp(Totp.builder().period(Totp.MAX_PERIOD.plusSeconds(1)).build()).build());
    }

    @Test
    void readsAUriOfTheLongestLengthWhateverWhitespaceSurroundsIt() {
        String start = "otpauth://totp/a?secret=" + RFC_BASE32 + "&image=";
        String longest = start + "x".repeat(OtpAuthUri.MAX_LENGTH - start.length());

        assertEquals(RFC_SECRET, OtpAuthUri.parse("  " + longest + "\n").secret());
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.parse("  " + longest + "x\n"));
    }

    @Test
    void aBlankIssuerParameterLeavesTheIssuerToTheLabel() {
        assertEquals(Optional.of("ACME"), OtpAuthUri.parse("otpauth://totp/ACME:bob?secret=" + RFC_BASE32 + "&issuer=%20")
                .issuer());
        assertEquals(Optional.empty(), OtpAuthUri.parse("otpauth://totp/bob?secret=" + RFC_BASE32 + "&issuer=").issuer());
    }

    @Test
    void urisThatDifferHashApartAndEqualNothingElse() {
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).issuer("ACME").account("alice").build();
        assertHashesApart(uri,
                OtpAuthUri.builder().secret(RFC_SECRET).issuer("ACME").account("bob").build(),
                OtpAuthUri.builder().secret(RFC_SECRET).account("alice").build(),
                OtpAuthUri.builder().secret(RFC_SECRET).issuer("ACME").account("alice").totp(Totp.builder().digits(8).build())
                        .build(),
                OtpAuthUri.builder().secret(RFC_SECRET).issuer("ACME").account("alice").hotp(Hotp.builder().build(), 1).build(),
                OtpAuthUri.builder().secret(RFC_SECRET).issuer("ACME").account("alice").hotp(Hotp.builder().build(), 2).build());
        assertEqualsNothingElse(uri);
    }

    @Test
    void refusesOverlongInputBeforeReadingIt() {
        String text = "otpauth://totp/a?secret=" + "A".repeat(OtpAuthUri.MAX_LENGTH);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.parse(text));
        assertTrue(e.getMessage().contains("longer than 4096"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ACME:Co | alice   | issuer must not contain ':' (character 5)",
        ":ACME   | alice   | issuer must not contain ':' (character 1)",
        "ACME    | a:lice  | account must not contain ':' (character 2)",
        "' '     | alice   | issuer must not be blank",
        "ACME    | ' bob'  | account must not start or end with whitespace",
    })
    void builderRefusesLabelsThatCannotRoundTrip(String issuer, String account, String expected) {
        OtpAuthUri.Builder builder = OtpAuthUri.builder().secret(RFC_SECRET).issuer(issuer).account(account);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("ACME") || e.getMessage().contains("lice"), "quotes the value: " + e.getMessage());
    }

    @Test
    void builderRequiresSecretAndAccountAndValidParameters() {
        assertThrows(IllegalStateException.class, () -> OtpAuthUri.builder().account("a").build());
        assertThrows(IllegalStateException.class, () -> OtpAuthUri.builder().secret(RFC_SECRET).build());
        assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.builder().secret(RFC_SECRET).account("a").totp(Totp.builder().digits(9).build()).build());
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.builder().secret(RFC_SECRET).account("a")
                .totp(Totp.builder().period(Duration.ofMillis(1500)).build()).build());
        assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.builder().secret(RFC_SECRET).account("a").hotp(Hotp.builder().build(), -1).build());
        assertThrows(NullPointerException.class, () -> OtpAuthUri.builder().totp(null));
        assertThrows(NullPointerException.class, () -> OtpAuthUri.builder().hotp(null, 0));
    }

    @Test
    void theLastGeneratorSetWinsAndAnHotpUriHasNoPeriod() {
        Totp sixtySeconds = Totp.builder().period(Duration.ofSeconds(60)).build();
        OtpAuthUri hotp = OtpAuthUri.builder().secret(RFC_SECRET).account("a").totp(sixtySeconds)
                .hotp(Hotp.builder().build(), 0).build();
        OtpAuthUri totp = OtpAuthUri.builder().secret(RFC_SECRET).account("a").hotp(Hotp.builder().build(), 5)
                .totp(sixtySeconds).build();

        assertEquals("otpauth://hotp/a?secret=" + RFC_BASE32 + "&counter=0", hotp.toUriString());
        assertEquals("otpauth://totp/a?secret=" + RFC_BASE32 + "&period=60", totp.toUriString());
    }

    @Test
    void carriesTheGeneratorItIsGiven() {
        Totp totp = Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(7).period(Duration.ofSeconds(45)).build();
        Hotp hotp = Hotp.builder().algorithm(HmacAlgorithm.SHA512).digits(8).build();
        OtpAuthUri totpUri = OtpAuthUri.builder().secret(RFC_SECRET).account("a").totp(totp).build();
        OtpAuthUri hotpUri = OtpAuthUri.builder().secret(RFC_SECRET).account("a").hotp(hotp, 3).build();

        assertEquals(totp, totpUri.totp());
        assertEquals(Hotp.builder().algorithm(HmacAlgorithm.SHA256).digits(7).build(), totpUri.hotp());
        assertEquals(hotp, hotpUri.hotp());
        assertEquals(3, hotpUri.counter());
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.builder()
                .totp(Totp.builder().t0(Instant.ofEpochSecond(1)).build()));
    }

    @Test
    void typeSpecificAccessorsRefuseTheOtherType() {
        OtpAuthUri totp = OtpAuthUri.builder().secret(RFC_SECRET).account("a").build();
        OtpAuthUri hotp = OtpAuthUri.builder().secret(RFC_SECRET).account("a").hotp(Hotp.builder().build(), 0).build();

        assertThrows(IllegalStateException.class, totp::counter);
        assertThrows(IllegalStateException.class, hotp::totp);
        assertEquals(Hotp.builder().build(), totp.hotp(), "every URI has the HOTP generator of its algorithm and digits");
    }

    @Test
    void toStringOmitsTheSecret() {
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).issuer("ACME").account("alice@example.com").build();

        assertEquals("OtpAuthUri[totp, issuer ACME, account alice@example.com, SHA1, 6 digits, 30 s]", uri.toString());
    }

    @Test
    void equalityCoversTheSecret() {
        OtpAuthUri one = OtpAuthUri.builder().secret(RFC_SECRET).account("a").build();
        OtpAuthUri other = OtpAuthUri.builder().secret(OtpSecret.generate()).account("a").build();

        assertFalse(one.equals(other));
        assertEquals(one, OtpAuthUri.builder().secret(RFC_SECRET).account("a").build());
        assertEquals(one.hashCode(), OtpAuthUri.builder().secret(RFC_SECRET).account("a").build().hashCode());
    }

    @Test
    void equalityComparesTheGeneratorsByValue() {
        OtpAuthUri.Builder base = OtpAuthUri.builder().secret(RFC_SECRET).issuer("I").account("a");
        OtpAuthUri sixtySeconds = base.totp(Totp.builder().period(Duration.ofSeconds(60)).build()).build();

        // Equal generators made apart give equal URIs, as parse makes its own.
        assertEquals(sixtySeconds, base.totp(Totp.builder().period(Duration.ofSeconds(60)).build()).build());
        assertEquals(sixtySeconds.hashCode(),
                base.totp(Totp.builder().period(Duration.ofSeconds(60)).build()).build().hashCode());
        assertEquals(base.hotp(Hotp.builder().digits(8).build(), 4).build(),
                base.hotp(Hotp.builder().digits(8).build(), 4).build());
        // Any other parameter makes another URI.
        assertNotEquals(sixtySeconds, base.totp(Totp.builder().build()).build());
        assertNotEquals(sixtySeconds, base.totp(Totp.builder().period(Duration.ofSeconds(60)).digits(7).build()).build());
        assertNotEquals(sixtySeconds, base.totp(Totp.builder().period(Duration.ofSeconds(60))
                .algorithm(HmacAlgorithm.SHA256).build()).build());
        assertNotEquals(base.hotp(Hotp.builder().build(), 4).build(), base.hotp(Hotp.builder().build(), 5).build());
        assertNotEquals(base.hotp(Hotp.builder().build(), 0).build(), base.totp(Totp.builder().build()).build());
    }
}
