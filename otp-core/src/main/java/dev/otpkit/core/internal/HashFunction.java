package dev.otpkit.core.internal;

import dev.otpkit.core.HmacAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash function under each {@link HmacAlgorithm}, with what HMAC (RFC 2104) needs to know
 * of it: the JDK's name for its digest, its output length and its block length. Kept here
 * rather than on the public enum, which users read for the {@code otpauth://} name alone.
 */
enum HashFunction {
    SHA_1("SHA-1", 20, 64),
    SHA_256("SHA-256", 32, 64),
    SHA_512("SHA-512", 64, 128);

    /** The JDK's standard {@link MessageDigest} name. */
    private final String digestName;
    /** Bytes of output (L in RFC 2104). */
    final int digestLength;
    /** Bytes of one input block (B in RFC 2104): keys longer than this are hashed first. */
    final int blockLength;

    HashFunction(String digestName, int digestLength, int blockLength) {
        this.digestName = digestName;
        this.digestLength = digestLength;
        this.blockLength = blockLength;
    }

    static HashFunction of(HmacAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SHA_1;
            case SHA256 -> SHA_256;
            case SHA512 -> SHA_512;
        };
    }

    /** The longest output of all, so that one buffer fits every digest. */
    static int maxDigestLength() {
        int longest = 0;
        for (HashFunction hash : values()) {
            longest = Math.max(longest, hash.digestLength);
        }
        return longest;
    }

    /** A new digest in its initial state; looks up the provider, so not for the hot path. */
    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(digestName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + digestName, e);
        }
    }
}
