package dev.otpkit.core.internal;

import java.math.BigInteger;

/**
 * The SHA-512 constants of FIPS 180-4 sections 4.2.3 and 5.3.5, derived from their definition
 * (fractional bits of square and cube roots of the first primes) rather than copied as 88 hex
 * literals; tests compare every resulting HMAC with the JDK's.
 */
final class ShaConstants {
    private ShaConstants() {
    }

    /** First 64 fractional bits of the square roots of the first 8 primes. */
    static long[] sha512InitialState() {
        return toLongs(fractionalRootBits(2, 8, 64));
    }

    /** First 64 fractional bits of the cube roots of the first 80 primes. */
    static long[] sha512RoundConstants() {
        return toLongs(fractionalRootBits(3, 80, 64));
    }

    /**
     * For each of the first {@code count} primes p, the low {@code bits} bits of
     * floor(root(p) * 2^bits), which are the first fractional bits of the root.
     */
    private static BigInteger[] fractionalRootBits(int degree, int count, int bits) {
        BigInteger[] result = new BigInteger[count];
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        int prime = 1;
        for (int i = 0; i < count; i++) {
            prime = nextPrime(prime);
            BigInteger scaled = BigInteger.valueOf(prime).shiftLeft(bits * degree);
            result[i] = integerRoot(scaled, degree).and(mask);
        }
        return result;
    }

    /** floor(n^(1/degree)) by Newton's method on integers. */
    private static BigInteger integerRoot(BigInteger n, int degree) {
        if (degree == 2) {
            return n.sqrt();
        }
        BigInteger k = BigInteger.valueOf(degree);
        BigInteger kMinusOne = BigInteger.valueOf(degree - 1L);
        BigInteger x = BigInteger.ONE.shiftLeft(n.bitLength() / degree + 1);
        while (true) {
            BigInteger next = kMinusOne.multiply(x).add(n.divide(x.pow(degree - 1))).divide(k);
            if (next.compareTo(x) >= 0) {
                return x;
            }
            x = next;
        }
    }

    private static int nextPrime(int after) {
        int candidate = after + 1;
        while (!BigInteger.valueOf(candidate).isProbablePrime(32)) {
            candidate++;
        }
        return candidate;
    }

    private static long[] toLongs(BigInteger[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].longValue();
        }
        return out;
    }
}
