package dev.otpkit.core;

import dev.otpkit.core.internal.PercentCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * <p>Nothing here prints the secret: {@link #toString()} omits it and no exception message
 * quotes it. Only {@link #toUriString()}, which the caller asks for by name, carries it.
 */
public final class OtpAuthUri {
    /** Longest URI {@link #parse(String)} reads, in chars: 4096, far beyond any real one. */
    public static final int MAX_LENGTH = 4096;

    private static final String SCHEME = "otpauth";
    private static final HmacAlgorithm DEFAULT_ALGORITHM = HmacAlgorithm.SHA1;
    private static final int DEFAULT_DIGITS = Hotp.MIN_DIGITS;
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
    private final HmacAlgorithm algorithm;
    private final int digits;
    private final Duration period;
    private final long counter;

    private OtpAuthUri(Builder builder) {
        this.type = builder.type;
        this.issuer = builder.issuer;
        this.account = builder.account;
        this.secret = builder.secret;
        this.algorithm = builder.algorithm;
        this.digits = builder.digits;
        this.period = builder.period;
        this.counter = builder.counter;
    }

    /**
     * Starts a builder for a TOTP URI with the defaults SHA1, 6 digits and 30 seconds; set the
     * secret and the account, and preferably the issuer.
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
     * percent-encoded (an escape is '%' and two ASCII hex digits) or raw; '+' in a parameter
     * value read as a space, as form encoders write it (a '+' in the label is itself); unknown
     * parameters (such as {@code image})
     * ignored, as are {@code period} on an HOTP URI and {@code counter} on a TOTP one;
     * surrounding whitespace ignored.
     *
     * @param uri the URI text, at most {@value #MAX_LENGTH} chars
     * @return the parsed URI
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if the text is not a usable {@code otpauth} URI; the
     *     message says what is wrong and never contains the secret
     */
    public static OtpAuthUri parse(String uri) {
        return new Parser(Objects.requireNonNull(uri, "uri").strip()).parse();
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
        if (algorithm != DEFAULT_ALGORITHM) {
            uri.append("&algorithm=").append(algorithm.uriName());
        }
        if (digits != DEFAULT_DIGITS) {
            uri.append("&digits=").append(digits);
        }
        if (type == Type.TOTP && !period.equals(Totp.DEFAULT_PERIOD)) {
            uri.append("&period=").append(period.getSeconds());
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
     * Returns the hash function.
     *
     * @return the HMAC algorithm
     */
    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Returns the code length.
     *
     * @return the number of digits, 6 to 8
     */
    public int digits() {
        return digits;
    }

    /**
     * Returns the TOTP time step; for an HOTP URI, the unused default.
     *
     * @return the period, a whole number of seconds, at least 1
     */
    public Duration period() {
        return period;
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
     * Makes the TOTP generator these parameters describe.
     *
     * @return the generator, with T0 at the Unix epoch
     * @throws IllegalStateException if this is an HOTP URI
     */
    public Totp totp() {
        requireType(Type.TOTP, "TOTP generator");
        return Totp.builder().algorithm(algorithm).digits(digits).period(period).build();
    }

    /**
     * Makes the HOTP generator these parameters describe.
     *
     * @return the generator
     * @throws IllegalStateException if this is a TOTP URI
     */
    public Hotp hotp() {
        requireType(Type.HOTP, "HOTP generator");
        return Hotp.builder().algorithm(algorithm).digits(digits).build();
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
                && algorithm == that.algorithm && digits == that.digits && period.equals(that.period)
                && counter == that.counter && secret.equals(that.secret);
    }

    /**
     * Hashes the fields; the secret contributes only its length.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(type, issuer, account, secret, algorithm, digits, period, counter);
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
                + ", account " + account + ", " + algorithm + ", " + digits + " digits"
                + (type == Type.TOTP ? ", " + period.getSeconds() + " s" : ", counter " + counter) + "]";
    }

    /** Builds {@link OtpAuthUri} instances; not thread-safe. */
    public static final class Builder {
        private Type type = Type.TOTP;
        private String issuer;
        private String account;
        private OtpSecret secret;
        private HmacAlgorithm algorithm = DEFAULT_ALGORITHM;
        private int digits = DEFAULT_DIGITS;
        private Duration period = Totp.DEFAULT_PERIOD;
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
         * @param issuer the name: not blank, no ':', no leading or trailing whitespace;
         *     {@code null} for none
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
         *     or trailing whitespace
         * @return this builder
         * @throws NullPointerException if {@code account} is null
         */
        public Builder account(String account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /**
         * Makes a TOTP URI (the default).
         *
         * @return this builder
         */
        public Builder totp() {
            this.type = Type.TOTP;
            return this;
        }

        /**
         * Makes an HOTP URI whose app starts at a counter. Checked by {@link #build()}.
         *
         * @param counter the initial counter, 0 or more
         * @return this builder
         */
        public Builder hotp(long counter) {
            this.type = Type.HOTP;
            this.counter = counter;
            return this;
        }

        /**
         * Sets the hash function; default {@link HmacAlgorithm#SHA1}, the only one every app
         * honours.
         *
         * @param algorithm the algorithm
         * @return this builder
         * @throws NullPointerException if {@code algorithm} is null
         */
        public Builder algorithm(HmacAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Sets the code length; default 6. Checked by {@link #build()}.
         *
         * @param digits 6, 7 or 8
         * @return this builder
         */
        public Builder digits(int digits) {
            this.digits = digits;
            return this;
        }

        /**
         * Sets the TOTP time step; default 30 seconds. Checked by {@link #build()}.
         *
         * @param period a whole number of seconds, at least 1; TOTP only
         * @return this builder
         * @throws NullPointerException if {@code period} is null
         */
        public Builder period(Duration period) {
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * Copies the algorithm, digits and period of a TOTP generator, and makes a TOTP URI.
         *
         * @param totp the generator whose parameters the app must use; its T0 must be the epoch,
         *     since URIs cannot carry another
         * @return this builder
         * @throws NullPointerException if {@code totp} is null
         * @throws IllegalArgumentException if the generator's T0 is not the Unix epoch
         */
        public Builder parameters(Totp totp) {
            if (!totp.t0().equals(Instant.EPOCH)) {
                throw new IllegalArgumentException("otpauth URIs cannot carry a T0 other than the Unix epoch, was "
                        + totp.t0());
            }
            return totp().algorithm(totp.algorithm()).digits(totp.digits()).period(totp.period());
        }

        /**
         * Builds the URI.
         *
         * @return the URI
         * @throws IllegalStateException if the secret or the account is not set
         * @throws IllegalArgumentException if the issuer or account is blank, contains ':' or
         *     has leading or trailing whitespace, if digits is not 6 to 8, if the period is not
         *     a whole number of seconds of at least 1, if an HOTP URI has a period other than
         *     the default or a negative counter
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
            // Totp's builder checks digits and period and says what is allowed.
            Totp.builder().digits(digits).period(period).build();
            if (type == Type.HOTP) {
                Hotp.requireCounter(counter);
                if (!period.equals(Totp.DEFAULT_PERIOD)) {
                    throw new IllegalArgumentException("period applies to TOTP only, an HOTP URI has none");
                }
            }
            return new OtpAuthUri(this);
        }

        private static void requireLabelPart(String name, String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            if (value.indexOf(':') >= 0) {
                throw new IllegalArgumentException(name + " must not contain ':', which separates issuer and"
                        + " account in the label, was \"" + value + "\"");
            }
            if (!value.equals(value.strip())) {
                throw new IllegalArgumentException(name + " must not start or end with whitespace, was \""
                        + value + "\"");
            }
        }
    }

    /** Reads one URI; each refusal names the part at fault and never quotes the secret. */
    private static final class Parser {
        private final String text;
        private final Map<String, String> parameters = new HashMap<>();

        Parser(String text) {
            this.text = text;
        }

        OtpAuthUri parse() {
            if (text.length() > MAX_LENGTH) {
                throw refused("it is longer than " + MAX_LENGTH + " characters");
            }
            int schemeEnd = text.indexOf("://");
            if (schemeEnd < 0 || !text.substring(0, schemeEnd).equalsIgnoreCase(SCHEME)) {
                throw refused("it does not start with otpauth://");
            }
            if (text.indexOf('#') >= 0) {
                throw refused("it has a fragment ('#'), which otpauth URIs do not use");
            }
            int typeStart = schemeEnd + 3;
            int labelStart = text.indexOf('/', typeStart);
            if (labelStart < 0) {
                throw refused("it has no label: expected otpauth://totp/ISSUER:ACCOUNT?secret=...");
            }
            Type type = parseType(text.substring(typeStart, labelStart));
            int queryStart = text.indexOf('?', labelStart);
            if (queryStart < 0) {
                throw refused("it has no parameters: the secret parameter is required");
            }
            Builder builder = builder();
            String labelIssuer = parseLabel(text.substring(labelStart + 1, queryStart), builder);
            readParameters(text.substring(queryStart + 1));
            builder.issuer(parseIssuer(labelIssuer)).secret(parseSecret());
            applyCodeParameters(type, builder);
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw refused(e.getMessage());
            }
        }

        /** Algorithm, digits, and the period of TOTP or the counter of HOTP. */
        private void applyCodeParameters(Type type, Builder builder) {
            String algorithm = parameters.get("algorithm");
            if (algorithm != null) {
                builder.algorithm(HmacAlgorithm.fromUriName(algorithm).orElseThrow(() ->
                        refused("algorithm \"" + algorithm + "\" is not SHA1, SHA256 or SHA512")));
            }
            if (parameters.containsKey("digits")) {
                builder.digits((int) parseNumber("digits", Hotp.MIN_DIGITS, Hotp.MAX_DIGITS));
            }
            if (type == Type.HOTP) {
                if (!parameters.containsKey("counter")) {
                    throw refused("an hotp URI needs a counter parameter");
                }
                builder.hotp(parseNumber("counter", 0, Long.MAX_VALUE));
            } else if (parameters.containsKey("period")) {
                builder.period(Duration.ofSeconds(parseNumber("period", 1, Integer.MAX_VALUE)));
            }
        }

        private Type parseType(String host) {
            for (Type type : Type.values()) {
                if (type.host().equalsIgnoreCase(host)) {
                    return type;
                }
            }
            throw refused("its type is \"" + host + "\", expected totp or hotp");
        }

        /** Sets the account and returns the issuer prefix of the label, or null if none. */
        private String parseLabel(String encoded, Builder builder) {
            String label = PercentCodec.decode(encoded, false, "otpauth URI label");
            int colon = label.indexOf(':');
            if (colon != label.lastIndexOf(':')) {
                throw refused("its label has more than one ':'; expected ISSUER:ACCOUNT");
            }
            String issuer = colon < 0 ? null : label.substring(0, colon).strip();
            String account = label.substring(colon + 1).strip();
            if (account.isEmpty()) {
                throw refused("its label has no account name");
            }
            if (issuer != null && issuer.isEmpty()) {
                throw refused("its label has an empty issuer before ':'");
            }
            builder.account(account);
            return issuer;
        }

        private void readParameters(String query) {
            for (String pair : query.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = (equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                if (parameters.containsKey(name)) {
                    throw refused("parameter " + name + " appears more than once");
                }
                parameters.put(name, value);
            }
        }

        private String parseIssuer(String labelIssuer) {
            String encoded = parameters.get("issuer");
            if (encoded == null) {
                return labelIssuer;
            }
            String issuer = PercentCodec.decode(encoded, true, "otpauth URI issuer parameter").strip();
            if (issuer.isEmpty()) {
                return labelIssuer;
            }
            if (labelIssuer != null && !labelIssuer.equals(issuer)) {
                throw refused("the issuer parameter \"" + issuer + "\" differs from the label's issuer \""
                        + labelIssuer + "\"");
            }
            return issuer;
        }

        private OtpSecret parseSecret() {
            String encoded = parameters.get("secret");
            if (encoded == null || encoded.isEmpty()) {
                throw refused("the secret parameter is missing or empty");
            }
            String base32 = PercentCodec.decode(encoded, true, "otpauth URI secret");
            try {
                return OtpSecret.fromBase32Legacy(base32);
            } catch (IllegalArgumentException e) {
                // Base32's messages give positions only, never the secret.
                throw refused("the secret is not valid Base32: " + e.getMessage());
            }
        }

        private long parseNumber(String name, long min, long max) {
            String value = parameters.get(name);
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
                throw refused("parameter " + name + " must be a whole number from " + min + " to " + max
                        + ", was \"" + (value.length() > MAX_NUMBER_LENGTH ? value.substring(0, MAX_NUMBER_LENGTH)
                                + "..." : value) + "\"");
            }
            return number;
        }

        private static IllegalArgumentException refused(String why) {
            return new IllegalArgumentException("not a usable otpauth URI: " + why);
        }
    }
}
