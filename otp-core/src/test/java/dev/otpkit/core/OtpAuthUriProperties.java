package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.internal.TextArbitraries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Properties of {@link OtpAuthUri#parse(String)} over generated URIs, valid and not. */
class OtpAuthUriProperties {
    /** Text that breaks URIs: delimiters, broken escapes, hidden characters, lone surrogates. */
    private static final String[] BREAKERS = {"%", "%2", "%ZZ", "%C3", "%ED%A0%80", "%E2%80%AE", "&", "=", ";", ":",
        "/", "?", "#", "+", " ", "\u0000", "\u001B", "\uD800", "\uDC00", "\u202E", "\uFEFF", "&secret=", "&issuer=",
        "&period=", "&digits=", "&counter=", "&algorithm=", "s%65cret=", "99999999999999999999", "-1", "86401",
        "hotp", "totp", "otpauth://"};

    @Property
    void parseReadsBackWhatTheBuilderWrites(@ForAll("uris") OtpAuthUri uri) {
        assertEquals(uri, OtpAuthUri.parse(uri.toUriString()));
    }

    @Property
    void parseRefusesUserInputOnlyWithIllegalArgumentException(@ForAll("uriLikeText") String text) {
        Throwable thrown = refusal(text);

        assertTrue(thrown == null || thrown.getClass() == IllegalArgumentException.class,
                () -> "threw " + thrown);
    }

    /**
     * Random URIs around a random secret, written in upper or lower case, padded or
     * percent-encoded, with the other parts corrupted at random (among them values that run on
     * into the secret through ';' and a label that holds it): a refusal never quotes 8
     * characters of the secret's Base32 or of its percent-encoded form.
     */
    @Property
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void refusalsNeverQuoteTheSecret(@ForAll("secrets") OtpSecret secret, @ForAll("secretForms") int form,
            @ForAll("templates") String template) {
        String base32 = secret.toBase32();
        String encoded = OtpAuthUriTest.percentEncodeEveryChar(base32);
        String written = switch (form) {
            case 0 -> base32;
            case 1 -> base32.toLowerCase(Locale.ROOT);
            case 2 -> encoded;
            default -> base32 + "=".repeat(7);
        };

        Throwable thrown = refusal(template.replace("{S}", written));

        Statistics.label("outcome").collect(thrown == null ? "parsed" : "refused")
                .coverage(coverage -> coverage.check("refused").percentage(p -> p > 50));
        if (thrown != null) {
            assertEquals(IllegalArgumentException.class, thrown.getClass());
            SecretLeaks.assertQuotesNoRunOf(base32, thrown.getMessage());
            SecretLeaks.assertQuotesNoRunOf(encoded, thrown.getMessage());
        }
    }

    private static Throwable refusal(String text) {
        try {
            OtpAuthUri.parse(text);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Valid URIs of every type and parameter, with issuers and accounts from all of Unicode. */
    @Provide
    Arbitrary<OtpAuthUri> uris() {
        // Edge cases stay on for the numbers only: all combinations of all parts' would
        // outnumber the tries.
        Arbitrary<OtpSecret> secrets = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)
                .map(OtpSecret::fromBytesLegacy).withoutEdgeCases();
        Arbitrary<Long> periods = Arbitraries.longs().between(1, Totp.MAX_PERIOD.getSeconds());
        Arbitrary<Long> counters = Arbitraries.longs().between(0, Long.MAX_VALUE);
        return Combinators.combine(secrets, labelParts().injectNull(0.2), labelParts(),
                Arbitraries.of(HmacAlgorithm.class), Arbitraries.integers().between(Hotp.MIN_DIGITS, Hotp.MAX_DIGITS),
                periods, counters, Arbitraries.of(true, false))
                .as((secret, issuer, account, algorithm, digits, period, counter, hotp) -> {
                    OtpAuthUri.Builder builder = OtpAuthUri.builder().secret(secret).issuer(issuer).account(account);
                    return (hotp ? builder.hotp(Hotp.builder().algorithm(algorithm).digits(digits).build(), counter)
                            : builder.totp(Totp.builder().algorithm(algorithm).digits(digits)
                                    .period(Duration.ofSeconds(period)).build())).build();
                });
    }

    /** An issuer or account as the builder allows it: visible text, no ':', nothing to strip. */
    private static Arbitrary<String> labelParts() {
        return TextArbitraries.text(30, OtpAuthUriProperties::isAllowedInLabel).map(String::strip)
                .filter(part -> !part.isEmpty()).withoutEdgeCases();
    }

    /** The rule OtpAuthUri documents, restated from the Unicode general categories. */
    private static boolean isAllowedInLabel(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint != ':' && type != Character.CONTROL && type != Character.FORMAT
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
    }

    @Provide
    Arbitrary<String> uriLikeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(200).map(text -> "otpauth://" + text),
                corruptedUris(),
                Combinators.combine(templates(), secrets()).as((template, secret) ->
                        template.replace("{S}", secret.toBase32())));
    }

    /** Valid URIs with one to four characters inserted, replaced or deleted. */
    private Arbitrary<String> corruptedUris() {
        Arbitrary<String> inserted = Arbitraries.oneOf(Arbitraries.of(BREAKERS),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3));
        Arbitrary<Edit> edits = Combinators.combine(Arbitraries.integers().between(0, OtpAuthUri.MAX_LENGTH),
                Arbitraries.of(EditKind.class), inserted).as(Edit::new);
        return Combinators.combine(uris(), edits.list().ofMinSize(1).ofMaxSize(4)).as((uri, list) -> {
            String text = uri.toUriString();
            for (Edit edit : list) {
                text = edit.applyTo(text);
            }
            return text;
        });
    }

    private enum EditKind { INSERT, REPLACE, DELETE }

    /** One change at a place given as any int, taken modulo the text's length. */
    private record Edit(int at, EditKind kind, String text) {
        String applyTo(String uri) {
            int index = at % (uri.length() + 1);
            int next = Math.min(index + 1, uri.length());
            return switch (kind) {
                case INSERT -> uri.substring(0, index) + text + uri.substring(index);
                case REPLACE -> uri.substring(0, index) + text + uri.substring(next);
                case DELETE -> uri.substring(0, index) + uri.substring(next);
            };
        }
    }

    @Provide
    Arbitrary<OtpSecret> secrets() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(10).ofMaxSize(64).map(OtpSecret::fromBytesLegacy);
    }

    /** How the secret is written: 0 Base32, 1 lower case, 2 percent-encoded, 3 padded. */
    @Provide
    Arbitrary<Integer> secretForms() {
        return Arbitraries.integers().between(0, 3);
    }

    /**
     * URIs with {S} where the secret goes: a secret parameter at a random place among others,
     * each part either valid or corrupted, some holding the secret again.
     */
    @Provide
    Arbitrary<String> templates() {
        Arbitrary<String> scheme = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("otpauth://")),
                Tuple.of(1, Arbitraries.of("OTPAUTH://", "otpauth:/", "https://", "")));
        Arbitrary<String> type = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("totp", "hotp")),
                Tuple.of(1, Arbitraries.of("", "motp", "{S}", "TOTP", "totp/x/")));
        Arbitrary<String> label = Arbitraries.of("", "/", "/bob", "/ACME:bob", "/ACME:%20bob", "/{S}", "/{S}:bob",
                "/ACME:{S}", "/A:B:{S}", "/bob%ZZ{S}", "/%E2%80%AE{S}", "/%0A{S}:x", "/{S}%C3");
        Arbitrary<String> name = Arbitraries.of("secret", "issuer", "algorithm", "digits", "period", "counter",
                "image", "s%65cret", "SECRET", "{S}", "", "%ZZ");
        Arbitrary<String> value = Arbitraries.of("", "ACME", "0", "6", "30", "-1", "86401", "99999999999999999999",
                "SHA1", "MD5", "six", "%ZZ", "A%3AB", "%0A", "%E2%80%AE", "+", "{S}", "{S}1", "x;secret={S}",
                "6;secret={S}", "{S};issuer=ACME", "https://example.com/a.png");
        Arbitrary<List<String>> others = Combinators.combine(name, value, Arbitraries.of("=", "", "=="))
                .as((n, v, equals) -> n + equals + v).list().ofMaxSize(5);
        Arbitrary<List<String>> parameters = Combinators.combine(others, Arbitraries.integers().between(0, 5))
                .as((list, at) -> {
                    List<String> all = new ArrayList<>(list);
                    all.add(Math.min(at, all.size()), "secret={S}");
                    return all;
                });
        Arbitrary<String> separator = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("&")),
                Tuple.of(1, Arbitraries.just(";")));
        Arbitrary<String> fragment = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.just("#{S}")));
        return Combinators.combine(scheme, type, label, parameters, separator, fragment)
                .as((s, t, l, p, sep, f) -> s + t + l + "?" + String.join(sep, p) + f).withoutEdgeCases();
    }
}
