package dev.otpkit.core.internal;

import dev.otpkit.core.HmacAlgorithm;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An HMAC key (RFC 2104) ready to authenticate 8-byte counters. Immutable and thread-safe.
 *
 * <p>The hashing is the JDK's own {@link MessageDigest}, because the JVM replaces its
 * compression function with the processor's SHA instructions where they exist, and that beats
 * any compression function written in Java several times over (otp-bench measured it). Each
 * thread keeps one digest per algorithm, so no call looks up a provider or allocates. The price
 * is that the pad blocks are hashed again on each call: a prepared digest state could only be
 * re-used by cloning it, which allocates, and cloning measured no faster in a window.
 */
public final class HmacKey {
    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5C;

    private final HmacAlgorithm algorithm;
    private final int digestLength;
    private final byte[] innerPadBlock;
    private final byte[] outerPadBlock;

    private HmacKey(HmacAlgorithm algorithm, byte[] keyBlock) {
        this.algorithm = algorithm;
        this.digestLength = algorithm.digestLength();
        this.innerPadBlock = xor(keyBlock, INNER_PAD);
        this.outerPadBlock = xor(keyBlock, OUTER_PAD);
    }

    /**
     * Prepares an HMAC key.
     *
     * @param algorithm the hash function
     * @param key the raw key; not kept, may be wiped by the caller afterwards
     * @return the prepared key
     */
    public static HmacKey create(HmacAlgorithm algorithm, byte[] key) {
        byte[] block = keyBlock(algorithm, key);
        try {
            return new HmacKey(algorithm, block);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /**
     * Computes HMAC(key, counter) and applies RFC 4226 dynamic truncation (section 5.3).
     *
     * @param counter the moving factor, hashed as 8 big-endian bytes
     * @return the 31-bit truncated value, before reduction modulo 10^digits
     */
    public int truncate(long counter) {
        byte[] hmac = compute(counter, Scratch.get());
        int offset = hmac[digestLength - 1] & 0x0F;
        return (hmac[offset] & 0x7F) << 24
                | (hmac[offset + 1] & 0xFF) << 16
                | (hmac[offset + 2] & 0xFF) << 8
                | (hmac[offset + 3] & 0xFF);
    }

    /**
     * Computes the full HMAC(key, counter); allocates its result, so it is not for the hot path.
     *
     * @param counter the moving factor, hashed as 8 big-endian bytes
     * @return the HMAC, {@link HmacAlgorithm#digestLength()} bytes
     */
    public byte[] hmac(long counter) {
        return Arrays.copyOf(compute(counter, Scratch.get()), digestLength);
    }

    /** Returns HMAC(key, counter) in the first {@code digestLength} bytes of a scratch array. */
    private byte[] compute(long counter, Scratch scratch) {
        MessageDigest digest = scratch.digest(algorithm);
        byte[] message = scratch.counter;
        byte[] out = scratch.output;
        for (int i = message.length - 1; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        digest.update(innerPadBlock);
        digest.update(message);
        finish(digest, out);
        digest.update(outerPadBlock);
        digest.update(out, 0, digestLength);
        finish(digest, out);
        return out;
    }

    /** Writes the digest into {@code out} and resets it for the next use. */
    private void finish(MessageDigest digest, byte[] out) {
        try {
            digest.digest(out, 0, digestLength);
        } catch (DigestException e) {
            throw new IllegalStateException("the scratch output is smaller than a " + algorithm + " digest", e);
        }
    }

    /** The key as one block: padded with zeros, or hashed first if longer than a block. */
    private static byte[] keyBlock(HmacAlgorithm algorithm, byte[] key) {
        byte[] block = new byte[algorithm.blockLength()];
        if (key.length > block.length) {
            byte[] hashed = Scratch.newDigest(algorithm).digest(key);
            System.arraycopy(hashed, 0, block, 0, hashed.length);
            Arrays.fill(hashed, (byte) 0);
        } else {
            System.arraycopy(key, 0, block, 0, key.length);
        }
        return block;
    }

    private static byte[] xor(byte[] block, byte pad) {
        byte[] out = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            out[i] = (byte) (block[i] ^ pad);
        }
        return out;
    }
}
