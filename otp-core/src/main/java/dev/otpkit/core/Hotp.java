package dev.otpkit.core;

import dev.otpkit.core.internal.CodeFormat;
import dev.otpkit.core.internal.HmacKey;
import java.util.Objects;

/**
 * HOTP code generation (RFC 4226): an HMAC of a counter, dynamically truncated to 6, 7 or 8
 * decimal digits. An immutable, thread-safe value: build one and share it; two generators are
 * equal when their algorithm and digits are.
 *
 * <pre>{@code
 * Hotp hotp = Hotp.builder().algorithm(HmacAlgorithm.SHA1).digits(6).build();
 * String code = hotp.generate(secret, 42);
 * }</pre>
 */
public final class Hotp {
    /** Fewest digits a code may have: 6 (RFC 4226, R4). */
    public static final int MIN_DIGITS = 6;
    /** Most digits a code may have: 8. */
    public static final int MAX_DIGITS = 8;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final HmacAlgorithm algorithm;
    private final int digits;
    private final int modulus;

    /** Called only by {@link GeneratorBuilder#buildHotp()}, which checks the arguments. */
    Hotp(HmacAlgorithm algorithm, int digits) {
        this.algorithm = algorithm;
        this.digits = digits;
        this.modulus = POWERS_OF_TEN[digits];
    }

    /**
     * Starts a builder with the RFC 4226 defaults: SHA-1 and 6 digits.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the code for a counter value.
     *
     * @param secret the shared secret
     * @param counter the counter, 0 or more
     * @return the code, exactly {@link #digits()} ASCII digits, leading zeros kept
     * @throws NullPointerException if {@code secret} is null
     * @throws IllegalArgumentException if {@code counter} is negative
     */
    public String generate(OtpSecret secret, long counter) {
        requireCounter(counter);
        return CodeFormat.format(value(Objects.requireNonNull(secret, "secret"), counter), digits);
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

    /** The code for a counter as a number below 10^digits; the hot path, allocation-free. */
    private int value(OtpSecret secret, long counter) {
        return secret.hmacKey(algorithm).truncate(counter) % modulus;
    }

    /**
     * Finds which counter from {@code first} to {@code last} (inclusive, both 0 or more) has
     * the code {@code given}, in constant time: every counter is computed and compared without
     * an early exit or a data-dependent branch, so the time taken says nothing about which
     * counter, if any, matched. If several match, the highest wins.
     *
     * @return the matching counter, or -1 if none matches
     */
    long find(OtpSecret secret, int given, long first, long last) {
        HmacKey key = secret.hmacKey(algorithm);
        long matched = -1;
        // Counted rather than "counter <= last", which never ends when last is Long.MAX_VALUE.
        for (long i = 0, span = last - first; i <= span; i++) {
            long counter = first + i;
            long sameMask = sameMask(key.truncate(counter) % modulus, given);
            matched = (matched & ~sameMask) | (counter & sameMask);
        }
        return matched;
    }

    /**
     * Finds the counter from {@code first} to {@code last} (inclusive, both 0 or more, with
     * {@code last} below {@link Long#MAX_VALUE}) whose code is {@code firstCode} and whose
     * successor's code is {@code secondCode} (RFC 4226 section 7.4 resynchronisation), in
     * constant time as {@link #find} does. If several match, the highest wins.
     *
     * @return the counter of {@code secondCode}, or -1 if no pair matches
     */
    long findPair(OtpSecret secret, int firstCode, int secondCode, long first, long last) {
        HmacKey key = secret.hmacKey(algorithm);
        long matched = -1;
        long previousSameMask = sameMask(key.truncate(first) % modulus, firstCode);
        for (long i = 1, span = last - first; i <= span + 1; i++) {
            long counter = first + i;
            int code = key.truncate(counter) % modulus;
            long pairMask = previousSameMask & sameMask(code, secondCode);
            matched = (matched & ~pairMask) | (counter & pairMask);
            previousSameMask = sameMask(code, firstCode);
        }
        return matched;
    }

    /** All ones when {@code a == b}, else zero, without a branch. */
    private static long sameMask(int a, int b) {
        int difference = a ^ b;
        return ((difference | -difference) >>> 31) - 1L;
    }

    static void requireCounter(long counter) {
        if (counter < 0) {
            throw new IllegalArgumentException("counter must be 0 or more, was " + counter);
        }
    }

    /**
     * Compares generators by value.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an {@code Hotp} with the same algorithm and digits
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Hotp that && algorithm == that.algorithm && digits == that.digits;
    }

    /**
     * Hashes the algorithm and digits.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(algorithm, digits);
    }

    /**
     * Describes the parameters.
     *
     * @return for example {@code "Hotp[SHA1, 6 digits]"}
     */
    @Override
    public String toString() {
        return "Hotp[" + algorithm + ", " + digits + " digits]";
    }

    /** Builds {@link Hotp} instances; not thread-safe. */
    public static final class Builder extends GeneratorBuilder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Builds the generator.
         *
         * @return the generator
         * @throws IllegalArgumentException if digits is not 6 to 8
         */
        public Hotp build() {
            return buildHotp();
        }
    }
}
