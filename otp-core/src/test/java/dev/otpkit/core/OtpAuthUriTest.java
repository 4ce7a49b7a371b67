package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
                .algorithm(HmacAlgorithm.SHA512).digits(8).period(Duration.ofSeconds(60)).build();

        assertEquals("otpauth://totp/bob?secret=" + RFC_BASE32 + "&algorithm=SHA512&digits=8&period=60",
                uri.toUriString());
    }

    @Test
    void writesHotpWithCounter() {
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).issuer("X").account("bob").hotp(42).build();

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
                OtpAuthUri totp = OtpAuthUri.builder().secret(secret).account("a").algorithm(algorithm)
                        .digits(digits).period(Duration.ofSeconds(digits * 10L)).build();
                OtpAuthUri hotp = OtpAuthUri.builder().secret(secret).issuer("I").account("a")
                        .algorithm(algorithm).digits(digits).hotp(Long.MAX_VALUE).build();
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
        assertEquals(HmacAlgorithm.SHA1, uri.algorithm());
        assertEquals(6, uri.digits());
        assertEquals(Duration.ofSeconds(30), uri.period());
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
        assertEquals(HmacAlgorithm.SHA1, uri.algorithm());
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

        assertTrue(e.getMessage().contains("unpaired surrogate at position 1"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"sha256, SHA256", "SHA-512, SHA512", "Sha1, SHA1"})
    void parsesAlgorithmNamesInAnyCase(String name, HmacAlgorithm expected) {
        OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/a?secret=" + RFC_BASE32 + "&algorithm=" + name + "&digits=8&period=60");

        assertEquals(expected, uri.algorithm());
        assertEquals(8, uri.digits());
        assertEquals(Duration.ofSeconds(60), uri.period());
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
        "otpauth://motp/a?secret=JBSWY3DPEHPK3PXP                       | expected totp or hotp",
        "otpauth://totp/a                                               | secret parameter is required",
        "otpauth://totp/a?issuer=X                                      | secret parameter is missing",
        "otpauth://totp/a?secret=                                       | secret parameter is missing",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP | secret appears more than once",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5         | algorithm \"MD5\" is not SHA1",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=5              | digits must be a whole number from 6 to 8",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=six            | digits must be a whole number from 6 to 8",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=0              | period must be a whole number from 1",
        "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=-30            | period must be a whole number from 1",
        "otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP                       | needs a counter parameter",
        "otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=99999999999999999999 | counter must be a whole number",
        "otpauth://totp/?secret=JBSWY3DPEHPK3PXP                        | label has no account name",
        "otpauth://totp/:bob?secret=JBSWY3DPEHPK3PXP                    | empty issuer",
        "otpauth://totp/A:B:c?secret=JBSWY3DPEHPK3PXP                   | more than one ':'",
        "otpauth://totp/A:bob?secret=JBSWY3DPEHPK3PXP&issuer=B          | issuer parameter \"B\" differs from the label's issuer \"A\"",
        "otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&issuer=A%3AB        | issuer must not contain ':'",
        "otpauth://totp/b%zzob?secret=JBSWY3DPEHPK3PXP                  | label has a malformed percent escape at position 1",
        "otpauth://totp/b%\u0664\u0661ob?secret=JBSWY3DPEHPK3PXP            | label has a malformed percent escape at position 1: '%' must be followed by two hex digits",
        "otpauth://totp/b%\uFF14\uFF11ob?secret=JBSWY3DPEHPK3PXP            | label has a malformed percent escape at position 1",
        "otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&issuer=%4\u0661        | issuer parameter has a malformed percent escape at position 0",
        "otpauth://totp/b%C3ob?secret=JBSWY3DPEHPK3PXP                  | label is not valid UTF-8",
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

    @Test
    void refusesOverlongInputBeforeReadingIt() {
        String text = "otpauth://totp/a?secret=" + "A".repeat(OtpAuthUri.MAX_LENGTH);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.parse(text));
        assertTrue(e.getMessage().contains("longer than 4096"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ACME:Co | alice   | issuer must not contain ':'",
        "ACME    | a:lice  | account must not contain ':'",
        "' '     | alice   | issuer must not be blank",
        "ACME    | ' bob'  | account must not start or end with whitespace",
    })
    void builderRefusesLabelsThatCannotRoundTrip(String issuer, String account, String expected) {
        OtpAuthUri.Builder builder = OtpAuthUri.builder().secret(RFC_SECRET).issuer(issuer).account(account);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void builderRequiresSecretAndAccountAndValidParameters() {
        assertThrows(IllegalStateException.class, () -> OtpAuthUri.builder().account("a").build());
        assertThrows(IllegalStateException.class, () -> OtpAuthUri.builder().secret(RFC_SECRET).build());
        assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.builder().secret(RFC_SECRET).account("a").digits(9).build());
        assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.builder().secret(RFC_SECRET).account("a").period(Duration.ofMillis(1500)).build());
        assertThrows(IllegalArgumentException.class,
                () -> OtpAuthUri.builder().secret(RFC_SECRET).account("a").hotp(-1).build());
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.builder().secret(RFC_SECRET).account("a")
                .period(Duration.ofSeconds(60)).hotp(0).build());
    }

    @Test
    void copiesParametersOfATotpGenerator() {
        Totp totp = Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(7).period(Duration.ofSeconds(45)).build();
        OtpAuthUri uri = OtpAuthUri.builder().secret(RFC_SECRET).account("a").parameters(totp).build();

        assertEquals(totp.toString(), uri.totp().toString());
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.builder()
                .parameters(Totp.builder().t0(Instant.ofEpochSecond(1)).build()));
    }

    @Test
    void typeSpecificAccessorsRefuseTheOtherType() {
        OtpAuthUri totp = OtpAuthUri.builder().secret(RFC_SECRET).account("a").build();
        OtpAuthUri hotp = OtpAuthUri.builder().secret(RFC_SECRET).account("a").hotp(0).build();

        assertThrows(IllegalStateException.class, totp::counter);
        assertThrows(IllegalStateException.class, totp::hotp);
        assertThrows(IllegalStateException.class, hotp::totp);
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
}
