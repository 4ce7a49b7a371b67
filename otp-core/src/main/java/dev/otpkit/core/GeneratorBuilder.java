package dev.otpkit.core;

import java.util.Objects;

/**
 * The settings {@link Hotp.Builder} and {@link Totp.Builder} share, the algorithm and the code
 * length, written and checked in this one place: a TOTP generator is an HOTP generator over time
 * steps, so both build their {@link Hotp} here. Package-private like the JDK's
 * {@code AbstractStringBuilder}; users see the setters on the two public builders.
 *
 * @param <B> the public builder, returned by the setters so calls chain
 */
abstract class GeneratorBuilder<B extends GeneratorBuilder<B>> {
    private HmacAlgorithm algorithm = HmacAlgorithm.SHA1;
    private int digits = Hotp.MIN_DIGITS;

    GeneratorBuilder() {
    }

    /**
     * Sets the hash function; default {@link HmacAlgorithm#SHA1}.
     *
     * @param algorithm the algorithm
     * @return this builder
     * @throws NullPointerException if {@code algorithm} is null
     */
    public B algorithm(HmacAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return self();
    }

    /**
     * Sets the code length; default 6. Checked when the generator is built.
     *
     * @param digits 6, 7 or 8
     * @return this builder
     */
    public B digits(int digits) {
        this.digits = digits;
        return self();
    }

    /** This builder as its public type. */
    abstract B self();

    /**
     * Builds the HOTP generator of the algorithm and digits set.
     *
     * @throws IllegalArgumentException if digits is not 6 to 8
     */
    final Hotp buildHotp() {
        if (digits < Hotp.MIN_DIGITS || digits > Hotp.MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be " + Hotp.MIN_DIGITS + " to " + Hotp.MAX_DIGITS
                    + ", was " + digits);
        }
        return new Hotp(algorithm, digits);
    }
}
