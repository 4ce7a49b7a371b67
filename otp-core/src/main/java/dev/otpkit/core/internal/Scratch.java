package dev.otpkit.core.internal;

import dev.otpkit.core.HmacAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Per-thread work space for {@link HmacKey}, so that computing a code allocates nothing and
 * looks up no provider: one {@link MessageDigest} per algorithm, made on first use, and the
 * buffers for the counter, the digests and SHA-512's words.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);
    private static final HmacAlgorithm[] ALGORITHMS = HmacAlgorithm.values();
    /** Longest digest of the supported algorithms: SHA-512's 64 bytes. */
    private static final int MAX_DIGEST_LENGTH = 64;

    /** The counter as 8 big-endian bytes. */
    final byte[] counter = new byte[Long.BYTES];
    /** The inner digest, then the HMAC. */
    final byte[] output = new byte[MAX_DIGEST_LENGTH];
    /** SHA-512's message schedule (80 words) and digest (8 words), for {@link Sha512HmacKey}. */
    final long[] schedule = new long[80];
    final long[] words = new long[8];
    private final MessageDigest[] digests = new MessageDigest[ALGORITHMS.length];

    private Scratch() {
    }

    static Scratch get() {
        return PER_THREAD.get();
    }

    /** This thread's digest for {@code algorithm}, in its initial state. */
    MessageDigest digest(HmacAlgorithm algorithm) {
        MessageDigest digest = digests[algorithm.ordinal()];
        if (digest == null) {
            digest = newDigest(algorithm);
            digests[algorithm.ordinal()] = digest;
        }
        return digest;
    }

    static MessageDigest newDigest(HmacAlgorithm algorithm) {
        String name = "SHA-" + algorithm.uriName().substring("SHA".length());
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + name, e);
        }
    }
}
