package dev.otpkit.core;

import dev.otpkit.core.internal.PercentCodec;
import dev.otpkit.core.internal.VisibleText;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code otpauth://} key URI, the format authenticator apps read from an enrolment QR code
 * (Google Authenticator's "Key Uri Format"). Immutable and thread-safe.
 *
 * <pre>
 * otpauth://totp/ACME%20Co:alice@example.com?secret=JBSWY3DPEHPK3PXP&amp;issuer=ACME%20Co
 * </pre>
 *
 * <p>A TOTP URI carries a {@link Totp}, an HOTP URI a {@link Hotp} and the counter the app starts
 * from; both are values, so two URIs are equal when their generators are.
 *
 * <p>{@link #toUriString()} writes the label {@code issuer:account} and the {@code issuer}
 * parameter percent-encoded as UTF-8 per RFC 3986 (a space is {@code %20}, never '+'), the
 * secret as unpadded upper-case Base32, and {@code algorithm}, {@code digits} and
 * {@code period} only when they differ from the defaults (SHA1, 6, 30), which keeps the QR code
 * small. {@link #parse(String)} reads what real generators emit (see there) and
 * {@code parse(uri.toUriString())} equals {@code uri}.
 *
 * <p><b>Not every app honours every parameter.</b> Codes verify only if the app uses the same
 * algorithm, digits and period as the server; an app that ignores a parameter shows codes that
 * never verify, without any warning. Stay with the defaults unless every app your users may
 * choose honours the change:
 *
 * <table>
 * <caption>Non-default parameters by app, as their makers document them or as reported at the
 * time of writing; apps change, so test the ones you support</caption>
 * <tr><th>app</th><th>algorithm SHA256, SHA512</th><th>digits 7, 8</th><th>period other than 30 s</th></tr>
 * <tr><td>Google Authenticator</td><td>ignored: SHA1 is used</td><td>8 on recent versions, 7
 *     ignored</td><td>ignored: 30 s is used</td></tr>
 * <tr><td>Microsoft Authenticator</td><td>ignored</td><td>ignored: 6 digits</td>
 *     <td>ignored</td></tr>
 * <tr><td>Authy (Twilio)</td><td>ignored</td><td>honoured</td><td>not reliable</td></tr>
 * <tr><td>FreeOTP, FreeOTP+</td><td>honoured</td><td>honoured</td><td>honoured</td></tr>
 * <tr><td>Aegis, 2FAS, Ente Auth</td><td>honoured</td><td>honoured</td><td>honoured</td></tr>
 * </table>
 *
 * <p><b>Issuer and account show as what they say.</b> Apps display them to the user, who
 * trusts the entry by its name, so they may not hold characters that change how text shows
 * without showing themselves: code points of the Unicode general categories Cc (controls
 * such as ESC, NUL, U+0085), Cf (format: bidi controls U+200E, U+200F, U+061C, U+202A..U+202E,
 * U+2066..U+2069; zero-width U+200B..U+200D, U+2060, U+FEFF), Zl and Zp (line and paragraph
 * separators), Cs (lone surrogates), Co (private use) and Cn (unassigned, per the running
 * JDK's Unicode version). The builder and {@link #parse(String)} refuse them alike, in the
 * label and in the {@code issuer} parameter, and when both name the issuer they must agree.
 * This also keeps {@link #toString()} safe for a log line. Look-alike letters of other
 * scripts (Cyrillic 'а' for Latin 'a') are letters and stay allowed; the zero-width joiner
 * that emoji sequences and some scripts use is refused with the rest.
 *
 * <p>Nothing here prints the secret: {@link #toString()} omits it and no exception message
 * quotes it, nor any other part of the input, which in a malformed URI may run on into the
 * secret. A refusal names the part at fault and what is allowed, with a position counted
 * from 1. Only {@link #toUriString()}, which the caller asks for by name, carries the secret.
 */
public final class OtpAuthUri {
    /** Longest URI {@link #parse(String)} reads, in chars: 4096, far beyond any real one. */
    public static final int MAX_LENGTH = 4096;

    private static final String SCHEME = "otpauth";
    /** The RFC 6238 defaults, which {@link #toUriString()} leaves out. */
    private static final Totp DEFAULT_TOTP = Totp.builder().build();
    /** Enough digits for any parameter value worth reading, few enough to refuse junk early. */
    private static final int MAX_NUMBER_LENGTH = 19;

    /** The two kinds of one-time password an {@code otpauth://} URI can describe. */
    public enum Type {
        /** Time-based codes (RFC 6238); the URI host {@code totp}. */
        TOTP,
        /** Counter-based codes (RFC 4226); the URI host {@code hotp}, with a {@code counter}. */
        HOTP;

        /** The URI host for this type: {@code "totp"} or {@code "hotp"}. */
        String host() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Type type;
    private final String issuer;
    private final String account;
    private final OtpSecret secret;
    /** The generator of a TOTP URI; null for HOTP. */
    private final Totp totp;
    /** The generator of an HOTP URI, or the one under a TOTP URI's time steps. */
    private final Hotp hotp;
    /** The HOTP counter; 0 for TOTP. */
    private final long counter;

    private OtpAuthUri(Builder builder) {
        this.type = builder.totp != null ? Type.TOTP : Type.HOTP;
        this.issuer = builder.issuer;
        this.account = builder.account;
        this.secret = builder.secret;
        this.totp = builder.totp;
        this.hotp = totp != null ? totp.hotp() : builder.hotp;
        this.counter = builder.counter;
    }

    /**
     * Starts a builder for a TOTP URI with the defaults SHA1, 6 digits and 30 seconds
     * ({@code Totp.builder().build()}); set the secret and the account, and preferably the
     * issuer.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads an {@code otpauth://} URI. Accepted as real generators write them: the scheme and
     * type in any case; parameters in any order; parameter names in any case; algorithm names
     * in any case, with or without a hyphen ({@code sha256}, {@code SHA-256}); the secret in
     * any case, with or without '=' padding, and shorter than 128 bits (older systems issued 80);
     * the issuer in the label, in the {@code issuer} parameter or both (then they must agree),
     * with spaces after the label's ':'; the ':' written literally or as {@code %3A}; Unicode
     * percent-encoded (an escape is '%' and two ASCII hex digits) or raw; parameter names and
     * values percent-decoded (RFC 3986: {@code s%65cret} is {@code secret}); '+' in a parameter
     * read as a space, as form encoders write it (a '+' in the label is itself); unknown
     * parameters (such as {@code image}) ignored, as are {@code period} on an HOTP URI and
     * {@code counter} on a TOTP one; surrounding whitespace ignored.
     *
     * <p>Refused, besides what is malformed: a parameter that is read given twice, however its
     * name is written ({@code secret} and {@code S%45CRET}), since applications would disagree
     * on which one counts; a {@code period} outside 1 to 86,400 seconds
     * ({@link Totp#MAX_PERIOD}); a secret over {@link OtpSecret#MAX_BITS} bits; an issuer or
     * account with a hidden character (see the class description).
     *
     * @param uri the URI text, at most {@value #MAX_LENGTH} chars besides surrounding whitespace
     * @return the parsed URI
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if the text is not a usable {@code otpauth} URI; the
     *     message says what is wrong, with a position in {@code uri} counted from 1, and quotes
     *     no part of the text, so never the secret
     */
    public static OtpAuthUri parse(String uri) {
        return new Parser(Objects.requireNonNull(uri, "uri")).parse();
    }

    /**
     * Writes the URI, secret included: show it only to the user being enrolled.
     *
     * @return the {@code otpauth://} URI, pure ASCII
     */
    public String toUriString() {
        StringBuilder uri = new StringBuilder(SCHEME).append("://").append(type.host()).append('/');
        if (issuer != null) {
            uri.append(PercentCodec.encode(issuer)).append(':');
        }
        uri.append(PercentCodec.encode(account));
        uri.append("?secret=").append(secret.toBase32());
        if (issuer != null) {
            uri.append("&issuer=").append(PercentCodec.encode(issuer));
        }
        if (hotp.algorithm() != DEFAULT_TOTP.algorithm()) {
            uri.append("&algorithm=").append(hotp.algorithm().uriName());
        }
        if (hotp.digits() != DEFAULT_TOTP.digits()) {
            uri.append("&digits=").append(hotp.digits());
        }
        if (type == Type.TOTP && !totp.period().equals(DEFAULT_TOTP.period())) {
            uri.append("&period=").append(totp.period().getSeconds());
        }
        if (type == Type.HOTP) {
            uri.append("&counter=").append(counter);
        }
        return uri.toString();
    }

    /**
     * Returns the kind of codes.
     *
     * @return {@link Type#TOTP} or {@link Type#HOTP}
     */
    public Type type() {
        return type;
    }

    /**
     * Returns the service that issued the secret, shown by apps above the account.
     *
     * @return the issuer, or empty if the URI names none
     */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * Returns the account name, for example the user's email address.
     *
     * @return the account name, never empty
     */
    public String account() {
        return account;
    }

    /**
     * Returns the shared secret.
     *
     * @return the secret
     */
    public OtpSecret secret() {
        return secret;
    }

    /**
     * Returns the HOTP counter the app starts from.
     *
     * @return the counter, 0 or more
     * @throws IllegalStateException if this is a TOTP URI
     */
    public long counter() {
        requireType(Type.HOTP, "counter");
        return counter;
    }

    /**
     * Returns the TOTP generator of a TOTP URI: its algorithm, digits and period.
     *
     * @return the generator, with T0 at the Unix epoch
     * @throws IllegalStateException if this is an HOTP URI
     */
    public Totp totp() {
        requireType(Type.TOTP, "TOTP generator");
        return totp;
    }

    /**
     * Returns the HOTP generator: for an HOTP URI the one it describes, for a TOTP URI the one
     * its time steps run through. Either way it holds the URI's algorithm and digits.
     *
     * @return the generator
     */
    public Hotp hotp() {
        return hotp;
    }

    private void requireType(Type required, String what) {
        if (type != required) {
            throw new IllegalStateException("a " + type.host() + " URI has no " + what);
        }
    }

    /**
     * Compares URIs by value, secrets in constant time.
     *
     * @param other the object to compare with
     * @return whether {@code other} describes the same enrolment
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof OtpAuthUri)) {
            return false;
        }
        OtpAuthUri that = (OtpAuthUri) other;
        return type == that.type && Objects.equals(issuer, that.issuer) && account.equals(that.account)
                && Objects.equals(totp, that.totp) && hotp.equals(that.hotp) && counter == that.counter
                && secret.equals(that.secret);
    }

    /**
     * Hashes the fields; the secret contributes only its length.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(type, issuer, account, secret, totp, hotp, counter);
    }

    /**
     * Describes the URI without its secret.
     *
     * @return for example
     *     {@code "OtpAuthUri[totp, issuer ACME, account alice@example.com, SHA1, 6 digits, 30 s]"}
     */
    @Override
    public String toString() {
        return "OtpAuthUri[" + type.host() + (issuer == null ? "" : ", issuer " + issuer)
                + ", account " + account + ", " + hotp.algorithm() + ", " + hotp.digits() + " digits"
                + (type == Type.TOTP ? ", " + totp.period().getSeconds() + " s" : ", counter " + counter) + "]";
    }

    /** Builds {@link OtpAuthUri} instances; not thread-safe. */
    public static final class Builder {
        private String issuer;
        private String account;
        private OtpSecret secret;
        /** Set for a TOTP URI, the default; null for HOTP. */
        private Totp totp = DEFAULT_TOTP;
        /** Set for an HOTP URI, with the counter. */
        private Hotp hotp;
        private long counter;

        private Builder() {
        }

        /**
         * Sets the shared secret; required.
         *
         * @param secret the secret
         * @return this builder
         * @throws NullPointerException if {@code secret} is null
         */
        public Builder secret(OtpSecret secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Sets the issuer, the service name apps show; optional but recommended, since apps
         * group and label accounts by it. Checked by {@link #build()}.
         *
         * @param issuer the name: not blank, no ':', no leading or trailing whitespace, no
         *     hidden character (see {@link OtpAuthUri}); {@code null} for none
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /**
         * Sets the account name; required. Checked by {@link #build()}.
         *
         * @param account the name, for example an email address: not blank, no ':', no leading
         *     or trailing whitespace, no hidden character (see {@link OtpAuthUri})
         * @return this builder
         * @throws NullPointerException if {@code account} is null
         */
        public Builder account(String account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /**
         * Makes a TOTP URI of a generator; the default is {@code Totp.builder().build()} (SHA1,
         * 6 digits, 30 seconds), the only parameters every app honours.
         *
         * @param totp the generator whose algorithm, digits and period the app must use; its T0
         *     must be the Unix epoch, since URIs cannot carry another
         * @return this builder
         * @throws NullPointerException if {@code totp} is null
         * @throws IllegalArgumentException if the generator's T0 is not the Unix epoch
         */
        public Builder totp(Totp totp) {
            Objects.requireNonNull(totp, "totp");
            if (!totp.t0().equals(Instant.EPOCH)) {
                throw new IllegalArgumentException("otpauth URIs cannot carry a T0 other than the Unix epoch, was "
                        + totp.t0());
            }
            this.totp = totp;
            this.hotp = null;
            this.counter = 0;
            return this;
        }

        /**
         * Makes an HOTP URI of a generator, whose app starts at a counter.
         *
         * @param hotp the generator whose algorithm and digits the app must use
         * @param counter the initial counter, 0 or more
         * @return this builder
         * @throws NullPointerException if {@code hotp} is null
         * @throws IllegalArgumentException if {@code counter} is negative
         */
        public Builder hotp(Hotp hotp, long counter) {
            Objects.requireNonNull(hotp, "hotp");
            Hotp.requireCounter(counter);
            this.totp = null;
            this.hotp = hotp;
            this.counter = counter;
            return this;
        }

        /**
         * Builds the URI.
         *
         * @return the URI
         * @throws IllegalStateException if the secret or the account is not set
         * @throws IllegalArgumentException if the issuer or account is blank, contains ':' or a
         *     hidden character (the message names the field, the character's place counted from
         *     1 and its code point as {@code U+XXXX}, never the value) or has leading or trailing
         *     whitespace
         */
        public OtpAuthUri build() {
            if (secret == null) {
                throw new IllegalStateException("secret is required");
            }
            if (account == null) {
                throw new IllegalStateException("account is required");
            }
            requireLabelPart("account", account);
            if (issuer != null) {
                requireLabelPart("issuer", issuer);
            }
            return new OtpAuthUri(this);
        }

        private static void requireLabelPart(String name, String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            requireDisplayable(name, value);
            int colon = value.indexOf(':');
            if (colon >= 0) {
                throw new IllegalArgumentException(name + " must not contain ':' (character " + characterNumber(value, colon)
                        + "), which separates issuer and account in the label");
            }
            if (!value.equals(value.strip())) {
                throw new IllegalArgumentException(name + " must not start or end with whitespace");
            }
        }
    }

    /**
     * Refuses the characters that can make an app show other text than the one sent: control,
     * format (bidi controls, zero-width characters), line and paragraph separators, lone
     * surrogates, private-use and unassigned code points. The message names the code point and
     * its place, never the value, which in a malformed URI may run on into the secret.
     */
    private static void requireDisplayable(String name, String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (VisibleText.isHidden(codePoint)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s must not contain U+%04X (character %d): control, format (bidi, zero-width), separator,"
                                + " surrogate, private-use and unassigned characters can make an app show other text",
                        name, codePoint, characterNumber(value, i)));
            }
            i += Character.charCount(codePoint);
        }
    }

    /** The place of the char at {@code index} in {@code value}, in code points counted from 1. */
    private static int characterNumber(String value, int index) {
        return value.codePointCount(0, index) + 1;
    }

    /**
     * Reads one URI. Each refusal names the part at fault and its position in the text as
     * given, counted from 1, and never quotes the text: in a malformed URI any part may run on
     * into the secret.
     */
    private static final class Parser {
        /** The parameters read; the others are ignored. */
        private static final List<String> KNOWN_PARAMETERS =
                List.of("secret", "issuer", "algorithm", "digits", "period", "counter");
        private static final String PREFIX = SCHEME + "://";

        private final String text;
        /** Where the URI starts and ends in {@code text}, surrounding whitespace aside. */
        private final int start;
        private final int end;
        private final Map<String, Span> parameters = new HashMap<>();

        /** Chars {@code start} (inclusive) to {@code end} (exclusive) of the text. */
        private record Span(int start, int end) {
            boolean isEmpty() {
                return start == end;
            }
        }

        Parser(String text) {
            this.text = text;
            this.start = text.length() - text.stripLeading().length();
            this.end = Math.max(start, text.stripTrailing().length());
        }

        OtpAuthUri parse() {
            if (end - start > MAX_LENGTH) {
                throw refused("it is longer than " + MAX_LENGTH + " characters");
            }
            if (!text.regionMatches(true, start, PREFIX, 0, PREFIX.length())) {
                throw refused("it does not start with otpauth://");
            }
            int fragment = text.indexOf('#', start);
            if (fragment >= 0) {
                throw refused("it has a fragment ('#' at position " + position(fragment)
                        + "), which otpauth URIs do not use");
            }
            int typeStart = start + PREFIX.length();
            int typeEnd = indexOf("/?", typeStart, end);
            if (typeEnd == end || text.charAt(typeEnd) != '/') {
                throw refused("it has no label: expected otpauth://totp/ISSUER:ACCOUNT?secret=...");
            }
            Type type = parseType(new Span(typeStart, typeEnd));
            int queryStart = indexOf("?", typeEnd, end);
            if (queryStart == end) {
                throw refused("it has no parameters: the secret parameter is required");
            }
            Builder builder = builder();
            String labelIssuer = parseLabel(new Span(typeEnd + 1, queryStart), builder);
            readParameters(new Span(queryStart + 1, end));
            builder.issuer(parseIssuer(labelIssuer)).secret(parseSecret());
            applyCodeParameters(type, builder);
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw refused(e.getMessage());
            }
        }

        /** The first index from {@code from} before {@code to} of any of {@code chars}, else {@code to}. */
        private int indexOf(String chars, int from, int to) {
            for (int i = from; i < to; i++) {
                if (chars.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return to;
        }

        private Type parseType(Span host) {
            for (Type type : Type.values()) {
                if (host.end - host.start == type.host().length()
                        && text.regionMatches(true, host.start, type.host(), 0, type.host().length())) {
                    return type;
                }
            }
            throw refused("its type (position " + position(host.start) + ") must be totp or hotp");
        }

        /** Sets the account and returns the issuer prefix of the label, or null if none. */
        private String parseLabel(Span encoded, Builder builder) {
            String label = decode(encoded, false, "the label");
            int colon = label.indexOf(':');
            if (colon != label.lastIndexOf(':')) {
                throw refused("its label has more than one ':'; expected ISSUER:ACCOUNT");
            }
            String issuer = colon < 0 ? null : label.substring(0, colon);
            String account = label.substring(colon + 1);
            // Checked before strip() could remove a control character from either end.
            requireDisplayableIn("the account in the label", account);
            if (account.isBlank()) {
                throw refused("its label has no account name");
            }
            if (issuer != null) {
                requireDisplayableIn("the issuer in the label", issuer);
                if (issuer.isBlank()) {
                    throw refused("its label has an empty issuer before ':'");
                }
            }
            builder.account(account.strip());
            return issuer == null ? null : issuer.strip();
        }

        /** Splits the query at '&' and keeps the known parameters, names decoded as RFC 3986 says. */
        private void readParameters(Span query) {
            int pairStart = query.start;
            while (pairStart <= query.end) {
                int pairEnd = indexOf("&", pairStart, query.end);
                int equals = indexOf("=", pairStart, pairEnd);
                String name = knownName(decode(new Span(pairStart, equals), true, "a parameter name"));
                if (name != null) {
                    Span value = new Span(Math.min(equals + 1, pairEnd), pairEnd);
                    if (parameters.putIfAbsent(name, value) != null) {
                        throw refused("parameter " + name + " appears more than once (again at position "
                                + position(pairStart) + "), which makes it ambiguous");
                    }
                }
                pairStart = pairEnd + 1;
            }
        }

        /**
         * The known parameter a decoded name stands for, or null. Names match in any case, also
         * as Java's case-insensitive comparisons and case mappings see them ("\u017Fecret",
         * "i\u00DFuer"), so that no application reading such a name finds a parameter this parser
         * ignored.
         */
        private static String knownName(String name) {
            for (String known : KNOWN_PARAMETERS) {
                if (known.equalsIgnoreCase(name) || known.equalsIgnoreCase(name.toUpperCase(Locale.ROOT))
                        || known.equalsIgnoreCase(name.toLowerCase(Locale.ROOT))) {
                    return known;
                }
            }
            return null;
        }

        private String parseIssuer(String labelIssuer) {
            Span encoded = parameters.get("issuer");
            if (encoded == null) {
                return labelIssuer;
            }
            String issuer = decode(encoded, true, "the issuer parameter");
            requireDisplayableIn("the issuer parameter", issuer);
            if (issuer.isBlank()) {
                return labelIssuer;
            }
            if (labelIssuer != null && !labelIssuer.equals(issuer.strip())) {
                throw refused("the issuer parameter (value at position " + position(encoded.start)
                        + ") differs from the issuer in the label");
            }
            return issuer.strip();
        }

        private OtpSecret parseSecret() {
            Span encoded = parameters.get("secret");
            if (encoded == null || encoded.isEmpty()) {
                throw refused("the secret parameter is missing or empty");
            }
            String base32 = decode(encoded, true, "the secret parameter");
            try {
                return OtpSecret.fromBase32Legacy(base32);
            } catch (IllegalArgumentException e) {
                // OtpSecret's messages give positions and lengths only, never the secret.
                throw refused("the secret is not valid Base32: " + e.getMessage());
            }
        }

        /**
         * The generator: a {@link Totp} of the algorithm, digits and period, or a {@link Hotp}
         * of the algorithm and digits with the counter. The values are checked here, where the
         * refusal can name their position; the generator builders then find nothing wrong.
         */
        private void applyCodeParameters(Type type, Builder builder) {
            if (type == Type.HOTP) {
                Hotp hotp = readAlgorithmAndDigits(Hotp.builder()).build();
                if (!parameters.containsKey("counter")) {
                    throw refused("an hotp URI needs a counter parameter");
                }
                builder.hotp(hotp, parseNumber("counter", 0, Long.MAX_VALUE));
            } else {
                Totp.Builder totp = readAlgorithmAndDigits(Totp.builder());
                if (parameters.containsKey("period")) {
                    totp.period(Duration.ofSeconds(parseNumber("period", 1, Totp.MAX_PERIOD.getSeconds())));
                }
                builder.totp(totp.build());
            }
        }

        /** Sets the algorithm and digits the URI gives on a generator builder; absent ones keep its default. */
        private <B extends GeneratorBuilder<B>> B readAlgorithmAndDigits(B generator) {
            if (parameters.containsKey("algorithm")) {
                Span value = parameters.get("algorithm");
                generator.algorithm(HmacAlgorithm.fromUriName(decode(value, true, "parameter algorithm"))
                        .orElseThrow(() -> refused("parameter algorithm (value at position " + position(value.start)
                                + ") must be SHA1, SHA256 or SHA512")));
            }
            if (parameters.containsKey("digits")) {
                generator.digits((int) parseNumber("digits", Hotp.MIN_DIGITS, Hotp.MAX_DIGITS));
            }
            return generator;
        }

        private long parseNumber(String name, long min, long max) {
            Span span = parameters.get(name);
            String value = decode(span, true, "parameter " + name);
            boolean digitsOnly = !value.isEmpty() && value.length() <= MAX_NUMBER_LENGTH
                    && value.chars().allMatch(c -> c >= '0' && c <= '9');
            long number = -1;
            try {
                if (digitsOnly) {
                    number = Long.parseLong(value);
                }
            } catch (NumberFormatException beyondLong) {
                // Nineteen digits can exceed Long.MAX_VALUE; refused below like any other.
            }
            if (number < min || number > max) {
                throw refused("parameter " + name + " (value at position " + position(span.start)
                        + ") must be a whole number from " + min + " to " + max);
            }
            return number;
        }

        /** Percent-decodes part of the text; a refusal gives the position in the whole text. */
        private String decode(Span span, boolean plusIsSpace, String what) {
            try {
                return PercentCodec.decode(text, span.start, span.end, plusIsSpace, what);
            } catch (IllegalArgumentException e) {
                throw refused(e.getMessage());
            }
        }

        private static void requireDisplayableIn(String name, String value) {
            try {
                requireDisplayable(name, value);
            } catch (IllegalArgumentException e) {
                throw refused(e.getMessage());
            }
        }

        /** The position of an index of the text, counted from 1 as people count. */
        private static int position(int index) {
            return index + 1;
        }

        private static IllegalArgumentException refused(String why) {
            return new IllegalArgumentException("not a usable otpauth URI: " + why);
        }
    }
}
