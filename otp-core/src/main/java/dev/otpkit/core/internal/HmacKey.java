package dev.otpkit.core.internal;

import dev.otpkit.core.HmacAlgorithm;
import java.util.Arrays;

/**
 * An HMAC key (RFC 2104) ready to authenticate 8-byte counters. Immutable and thread-safe;
 * per-call work space is thread-local, so computing a code allocates nothing.
 *
 * <p>Each algorithm is computed the way that measured fastest in otp-bench: SHA-1 and SHA-256
 * with the JDK's digest, whose compression function the JVM runs with the processor's SHA
 * instructions ({@link DigestHmacKey}); SHA-512 with a compression function in Java from pad
 * blocks hashed once per key ({@link Sha512HmacKey}), which beat the JDK's digest by about a
 * fifth.
 */
public abstract class HmacKey {
    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5C;

    /** Bytes of the HMAC: the hash function's digest length. */
    final int digestLength;

    HmacKey(int digestLength) {
        this.digestLength = digestLength;
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
        byte[] innerBlock = xor(block, INNER_PAD);
        byte[] outerBlock = xor(block, OUTER_PAD);
        try {
            return algorithm == HmacAlgorithm.SHA512
                    ? new Sha512HmacKey(innerBlock, outerBlock)
                    : new DigestHmacKey(algorithm, innerBlock, outerBlock);
        } finally {
            Arrays.fill(block, (byte) 0);
            Arrays.fill(innerBlock, (byte) 0);
            Arrays.fill(outerBlock, (byte) 0);
        }
    }

    /**
     * Computes HMAC(key, counter) and applies RFC 4226 dynamic truncation (section 5.3).
     *
     * @param counter the moving factor, hashed as 8 big-endian bytes
     * @return the 31-bit truncated value, before reduction modulo 10^digits
     */
    public final int truncate(long counter) {
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
    public final byte[] hmac(long counter) {
        return Arrays.copyOf(compute(counter, Scratch.get()), digestLength);
    }

    /** Returns HMAC(key, counter) in the first {@code digestLength} bytes of a scratch array. */
    abstract byte[] compute(long counter, Scratch scratch);

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

    /** Writes {@code value} as 8 big-endian bytes at {@code offset}. */
    static void putLong(byte[] out, int offset, long value) {
        for (int i = offset + Long.BYTES - 1; i >= offset; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
    }
}
