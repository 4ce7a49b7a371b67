package dev.otpkit.core.internal;

import dev.otpkit.core.HmacAlgorithm;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An HMAC key (RFC 2104) ready to authenticate 8-byte counters. Immutable and thread-safe.
 *
 * <p>Every algorithm is computed the same way, with the JDK's {@link MessageDigest}: the JVM
 * runs its compression function with the processor's SHA instructions where it has them, and
 * otpkit carries no hash function of its own to audit. Each thread keeps one digest per hash
 * function and its buffers ({@link Scratch}), so computing a code looks up no provider and
 * allocates nothing. The price is that the pad blocks are hashed again on each call: the JDK
 * resumes a prepared digest state only by cloning it, which allocates.
 */
public final class HmacKey {
    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5C;

    private final HashFunction hash;
    /** The key block XOR ipad, and XOR opad: the first block of the inner and the outer hash. */
    private final byte[] innerPadBlock;
    private final byte[] outerPadBlock;

    private HmacKey(HashFunction hash, byte[] innerPadBlock, byte[] outerPadBlock) {
        this.hash = hash;
        this.innerPadBlock = innerPadBlock;
        this.outerPadBlock = outerPadBlock;
    }

    /**
     * Prepares an HMAC key.
     *
     * @param algorithm the hash function
     * @param key the raw key, of any length (0 included); not kept, may be wiped by the caller
     *     afterwards
     * @return the prepared key
     * @throws NullPointerException if {@code algorithm} or {@code key} is null
     */
    public static HmacKey create(HmacAlgorithm algorithm, byte[] key) {
        HashFunction hash = HashFunction.of(algorithm);
        byte[] block = keyBlock(hash, key);
        try {
            return new HmacKey(hash, xor(block, INNER_PAD), xor(block, OUTER_PAD));
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
        int offset = hmac[hash.digestLength - 1] & 0x0F;
        return (hmac[offset] & 0x7F) << 24
                | (hmac[offset + 1] & 0xFF) << 16
                | (hmac[offset + 2] & 0xFF) << 8
                | (hmac[offset + 3] & 0xFF);
    }

    /**
     * Computes the full HMAC(key, counter), for tests; allocates its result, so it is not for
     * the hot path.
     *
     * @param counter the moving factor, hashed as 8 big-endian bytes
     * @return the HMAC: 20, 32 or 64 bytes (the hash function's digest length)
     */
    byte[] hmac(long counter) {
        return Arrays.copyOf(compute(counter, Scratch.get()), hash.digestLength);
    }

    /**
     * Returns HMAC(key, counter) in the first digest-length bytes of the scratch output:
     * H(opad block || H(ipad block || counter)), fed to this thread's digest piece by piece so
     * that nothing is allocated.
     */
    private byte[] compute(long counter, Scratch scratch) {
        MessageDigest digest = scratch.digest(hash);
        byte[] message = scratch.counter;
        byte[] out = scratch.output;
        putLong(message, 0, counter);
        digest.update(innerPadBlock);
        digest.update(message);
        finish(digest, out);
        digest.update(outerPadBlock);
        digest.update(out, 0, hash.digestLength);
        finish(digest, out);
        return out;
    }

    /** Writes the digest into {@code out} and resets it for the next use. */
    private void finish(MessageDigest digest, byte[] out) {
        try {
            digest.digest(out, 0, hash.digestLength);
        } catch (DigestException e) {
            throw new IllegalStateException("the scratch output is smaller than a " + hash + " digest", e);
        }
    }

    /** The key as one block: padded with zeros, or hashed first if longer than a block. */
    private static byte[] keyBlock(HashFunction hash, byte[] key) {
        byte[] block = new byte[hash.blockLength];
        if (key.length > block.length) {
            byte[] hashed = hash.newDigest().digest(key);
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

    /** Writes {@code value} as 8 big-endian bytes at {@code offset}. */
    private static void putLong(byte[] out, int offset, long value) {
        for (int i = offset + Long.BYTES - 1; i >= offset; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
    }
}
