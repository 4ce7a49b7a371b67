package dev.otpkit.core.internal;

import java.util.function.LongSupplier;

/**
 * Draws uniform numbers below a bound from random bits, without the modulo bias of
 * {@code random % bound}: candidates are cut to the fewest bits that cover the bound, and
 * those at or above the bound are thrown away and drawn again (rejection sampling).
 */
public final class UniformSampling {
    private UniformSampling() {
    }

    /**
     * Returns a number from 0 (inclusive) to {@code bound} (exclusive), each equally likely if
     * {@code randomBits} gives uniform 64-bit values.
     *
     * @param bound the exclusive upper bound, 1 or more
     * @param randomBits the source of uniform 64-bit values, such as {@code SecureRandom::nextLong}
     * @return the number
     * @throws IllegalArgumentException if {@code bound} is less than 1
     */
    public static long below(long bound, LongSupplier randomBits) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be 1 or more, was " + bound);
        }
        int bits = 64 - Long.numberOfLeadingZeros(bound - 1);
        if (bits == 0) {
            return 0;
        }
        // 2^bits is below 2 * bound, so fewer than half of the candidates are rejected.
        long candidate;
        do {
            candidate = randomBits.getAsLong() >>> (64 - bits);
        } while (candidate >= bound);
        return candidate;
    }
}
