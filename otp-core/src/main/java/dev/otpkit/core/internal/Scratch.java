package dev.otpkit.core.internal;

import java.security.MessageDigest;

/**
 * Per-thread work space for {@link HmacKey}, so that computing a code allocates nothing and
 * looks up no provider: one {@link MessageDigest} per hash function, made on first use, and the
 * buffers for the counter and the digests.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    /** The counter as 8 big-endian bytes. */
    final byte[] counter = new byte[Long.BYTES];
    /** The inner digest, then the HMAC. */
    final byte[] output = new byte[HashFunction.maxDigestLength()];
    private final MessageDigest[] digests = new MessageDigest[HashFunction.values().length];

    private Scratch() {
    }

    static Scratch get() {
        return PER_THREAD.get();
    }

    /** This thread's digest for {@code hash}, in its initial state. */
    MessageDigest digest(HashFunction hash) {
        MessageDigest digest = digests[hash.ordinal()];
        if (digest == null) {
            digest = hash.newDigest();
            digests[hash.ordinal()] = digest;
        }
        return digest;
    }
}
