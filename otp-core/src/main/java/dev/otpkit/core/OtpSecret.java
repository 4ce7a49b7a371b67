package dev.otpkit.core;

import dev.otpkit.core.internal.Base32;
import dev.otpkit.core.internal.HmacKey;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A shared OTP secret (the HMAC key of RFC 4226). Immutable and thread-safe.
 *
 * <p>A secret is never printed: {@link #toString()} shows only its length. Its Base32 form
 * ({@link #toBase32()}) and its raw bytes ({@link #revealBytes()}) are given only when asked
 * for by name. New secrets are at least 128 bits (RFC 4226 section 4, R6) and 160 by default;
 * shorter secrets, as older systems issued, can be imported only through the methods named
 * {@code ...Legacy}. No secret is longer than {@value #MAX_BITS} bits, however it is made, so
 * that every secret reads back from its Base32 form.
 *
 * <p>The secret prepares its HMAC pad blocks per algorithm on first use, so reusing one
 * {@code OtpSecret} instance across verifications is the fast path: verifying then allocates
 * nothing.
 */
public final class OtpSecret {
    /** Bits of a secret made by {@link #generate()}: 160, the length RFC 4226 recommends. */
    public static final int DEFAULT_BITS = 160;
    /** Fewest bits a secret may have outside the legacy path: 128 (RFC 4226, R6). */
    public static final int MIN_BITS = 128;
    /** Most bits {@link #generate(int)} makes: 1024. */
    public static final int MAX_GENERATED_BITS = 1024;
    /**
     * Most bits any secret may have: 8192 (1024 bytes), far beyond any real one (an HMAC key
     * longer than the hash's block, 64 or 128 bytes, is hashed down anyway); in Base32, 1639
     * characters of data.
     */
    public static final int MAX_BITS = 8192;
    /**
     * Longest Base32 text the {@code fromBase32} methods read, in chars, separators and padding
     * included: 4096. Checked before the text is read, so that a huge text of spaces is refused
     * at once.
     */
    public static final int MAX_BASE32_LENGTH = 4096;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    /** Prepared HMAC keys by {@link HmacAlgorithm#ordinal()}; racy but safe: each is immutable. */
    private final HmacKey[] hmacKeys = new HmacKey[HmacAlgorithm.values().length];

    private OtpSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Makes a new random 160-bit secret from {@link SecureRandom}.
     *
     * @return the new secret
     */
    public static OtpSecret generate() {
        return generate(DEFAULT_BITS);
    }

    /**
     * Makes a new random secret from {@link SecureRandom}.
     *
     * @param bits the length in bits: a multiple of 8 from 128 to 1024
     * @return the new secret
     * @throws IllegalArgumentException if {@code bits} is out of range or not a multiple of 8
     */
    public static OtpSecret generate(int bits) {
        if (bits < MIN_BITS || bits > MAX_GENERATED_BITS || bits % 8 != 0) {
            throw new IllegalArgumentException("secret length must be a multiple of 8 from "
                    + MIN_BITS + " to " + MAX_GENERATED_BITS + " bits, was " + bits);
        }
        byte[] key = new byte[bits / 8];
        RANDOM.nextBytes(key);
        return new OtpSecret(key);
    }

    /**
     * Reads a Base32 secret (RFC 4648), as shown to users and stored in {@code otpauth://} URIs.
     * Case, spaces, tabs, '-' separators and '=' padding are ignored.
     *
     * @param base32 the secret text, at most {@value #MAX_BASE32_LENGTH} chars
     * @return the secret
     * @throws NullPointerException if {@code base32} is null
     * @throws IllegalArgumentException if the text is longer than {@value #MAX_BASE32_LENGTH}
     *     chars, is not Base32 (the message gives the position, counted from 1, never the text),
     *     or the secret is shorter than 128 or longer than {@value #MAX_BITS} bits
     */
    public static OtpSecret fromBase32(CharSequence base32) {
        return fromKey(decode(base32), MIN_BITS);
    }

    /**
     * Reads a Base32 secret of any non-zero length, including the 80-bit secrets that older
     * systems issued. Prefer {@link #fromBase32(CharSequence)}; use this only to import
     * existing enrolments that cannot be renewed yet.
     *
     * @param base32 the secret text, at most {@value #MAX_BASE32_LENGTH} chars
     * @return the secret
     * @throws NullPointerException if {@code base32} is null
     * @throws IllegalArgumentException if the text is longer than {@value #MAX_BASE32_LENGTH}
     *     chars, is not Base32, holds no whole byte or more than {@value #MAX_BITS} bits
     */
    public static OtpSecret fromBase32Legacy(CharSequence base32) {
        return fromKey(decode(base32), Byte.SIZE);
    }

    /**
     * Wraps raw key bytes; the array is copied.
     *
     * @param bytes the key, 16 to 1024 bytes (128 to {@value #MAX_BITS} bits)
     * @return the secret
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the key is shorter than 128 or longer than
     *     {@value #MAX_BITS} bits
     */
    public static OtpSecret fromBytes(byte[] bytes) {
        return fromKey(Objects.requireNonNull(bytes, "bytes").clone(), MIN_BITS);
    }

    /**
     * Wraps raw key bytes of any non-zero length; see {@link #fromBase32Legacy(CharSequence)}.
     *
     * @param bytes the key, 1 to 1024 bytes; copied
     * @return the secret
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if {@code bytes} is empty or longer than
     *     {@value #MAX_BITS} bits
     */
    public static OtpSecret fromBytesLegacy(byte[] bytes) {
        return fromKey(Objects.requireNonNull(bytes, "bytes").clone(), Byte.SIZE);
    }

    /**
     * Returns the secret as upper-case Base32 without padding, the form authenticator apps
     * accept for manual entry and {@code otpauth://} URIs carry. Treat the result as key material.
     *
     * @return the Base32 text
     */
    public String toBase32() {
        return Base32.encode(key);
    }

    /**
     * Returns a copy of the raw key bytes. Treat the result as key material and wipe it after use.
     *
     * @return a new array holding the key
     */
    public byte[] revealBytes() {
        return key.clone();
    }

    /**
     * Returns the length of the key.
     *
     * @return the length in bits, a multiple of 8
     */
    public int bitLength() {
        return key.length * 8;
    }

    /** Returns the HMAC key for one algorithm, prepared on first use. */
    HmacKey hmacKey(HmacAlgorithm algorithm) {
        HmacKey prepared = hmacKeys[algorithm.ordinal()];
        if (prepared == null) {
            prepared = HmacKey.create(algorithm, key);
            hmacKeys[algorithm.ordinal()] = prepared;
        }
        return prepared;
    }

    /**
     * Compares key material in constant time.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an {@code OtpSecret} with the same key bytes
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof OtpSecret && MessageDigest.isEqual(key, ((OtpSecret) other).key);
    }

    /**
     * Returns a hash code that depends on the key length only, so that it reveals nothing of
     * the key.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return key.length;
    }

    /**
     * Describes the secret without its key material.
     *
     * @return for example {@code "OtpSecret[160 bits]"}
     */
    @Override
    public String toString() {
        return "OtpSecret[" + bitLength() + " bits]";
    }

    private static byte[] decode(CharSequence base32) {
        // The cap on the whole text comes first: Base32 skips separators without counting them.
        if (Objects.requireNonNull(base32, "base32").length() > MAX_BASE32_LENGTH) {
            throw new IllegalArgumentException("Base32 secret text must be at most " + MAX_BASE32_LENGTH
                    + " characters, separators and padding included");
        }
        return Base32.decode(base32, MAX_BITS / Byte.SIZE);
    }

    /** Wraps a key that nothing else holds, wiping it if its length is refused. */
    private static OtpSecret fromKey(byte[] key, int minBits) {
        long bits = (long) key.length * Byte.SIZE;
        if (bits < minBits || bits > MAX_BITS) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("secret has " + bits + " bits, allowed are " + minBits + " to "
                    + MAX_BITS + " bits" + (bits < MIN_BITS && minBits == MIN_BITS
                            ? "; use the ...Legacy method to import an older, shorter secret" : ""));
        }
        return new OtpSecret(key);
    }
}
