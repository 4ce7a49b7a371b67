package dev.otpkit.core;

import dev.otpkit.core.internal.CodeInput;
import java.util.Objects;

/**
 * Checks HOTP codes against the counter the server expects next, looking a few counters
 * ahead for button presses that never reached the server (RFC 4226 section 7.4). Immutable
 * and thread-safe.
 *
 * <p>After a valid result, store {@link Verification#nextCounter()} for the account, so that
 * neither the accepted code nor an older one is accepted again.
 *
 * <pre>{@code
 * HotpVerifier verifier = HotpVerifier.builder(Hotp.builder().build()).build();
 * Verification result = verifier.verify(secret, code, storedCounter);
 * if (result.isValid()) {
 *     storedCounter = result.nextCounter();
 * }
 * }</pre>
 */
public final class HotpVerifier {
    /** Look-ahead used unless set: 5 counters beyond the expected one. */
    public static final int DEFAULT_LOOK_AHEAD = 5;
    /** Largest look-ahead allowed: 50. */
    public static final int MAX_LOOK_AHEAD = 50;

    private final Hotp hotp;
    private final int lookAhead;

    private HotpVerifier(Builder builder) {
        this.hotp = builder.hotp;
        this.lookAhead = builder.lookAhead;
    }

    /**
     * Starts a builder with a look-ahead of {@value #DEFAULT_LOOK_AHEAD}.
     *
     * @param hotp the code parameters to verify against
     * @return a new builder
     * @throws NullPointerException if {@code hotp} is null
     */
    public static Builder builder(Hotp hotp) {
        return new Builder(Objects.requireNonNull(hotp, "hotp"));
    }

    /**
     * Checks a code against the expected counter and the look-ahead window after it, in
     * constant time over the whole window.
     *
     * @param secret the account's secret
     * @param code the code as typed; any content, including {@code null}
     * @param expectedCounter the counter stored for the account, 0 or more
     * @return {@link Verification.Status#VALID} with the matched counter (drift = matched -
     *     expected), {@link Verification.Status#INVALID} or {@link Verification.Status#MALFORMED}
     * @throws NullPointerException if {@code secret} is null
     * @throws IllegalArgumentException if {@code expectedCounter} is negative
     */
    public Verification verify(OtpSecret secret, CharSequence code, long expectedCounter) {
        Objects.requireNonNull(secret, "secret");
        Hotp.requireCounter(expectedCounter);
        int given = CodeInput.parse(code, hotp.digits());
        if (given == CodeInput.MALFORMED) {
            return Verification.malformed();
        }
        long last = expectedCounter > Long.MAX_VALUE - lookAhead ? Long.MAX_VALUE : expectedCounter + lookAhead;
        long matched = hotp.find(secret, given, expectedCounter, last);
        return matched < 0 ? Verification.invalid()
                : Verification.valid(matched, (int) (matched - expectedCounter));
    }

    /**
     * Returns the code parameters.
     *
     * @return the HOTP generator this verifier checks against
     */
    public Hotp hotp() {
        return hotp;
    }

    /**
     * Describes the verifier.
     *
     * @return for example {@code "HotpVerifier[Hotp[SHA1, 6 digits], look-ahead 5]"}
     */
    @Override
    public String toString() {
        return "HotpVerifier[" + hotp + ", look-ahead " + lookAhead + "]";
    }

    /** Builds {@link HotpVerifier} instances; not thread-safe. */
    public static final class Builder {
        private final Hotp hotp;
        private int lookAhead = DEFAULT_LOOK_AHEAD;

        private Builder(Hotp hotp) {
            this.hotp = hotp;
        }

        /**
         * Sets how many counters beyond the expected one are also accepted; default
         * {@value HotpVerifier#DEFAULT_LOOK_AHEAD}. Checked by {@link #build()}.
         *
         * @param counters 0 to 50
         * @return this builder
         */
        public Builder lookAhead(int counters) {
            this.lookAhead = counters;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException if the look-ahead is not 0 to 50
         */
        public HotpVerifier build() {
            if (lookAhead < 0 || lookAhead > MAX_LOOK_AHEAD) {
                throw new IllegalArgumentException("lookAhead must be 0 to " + MAX_LOOK_AHEAD + ", was " + lookAhead);
            }
            return new HotpVerifier(this);
        }
    }
}
