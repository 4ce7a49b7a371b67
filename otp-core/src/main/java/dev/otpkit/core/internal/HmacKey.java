package dev.otpkit.core.internal;

import dev.otpkit.core.HmacAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * An HMAC key whose inner and outer pad blocks (RFC 2104) are already hashed, so that an
 * HMAC of an 8-byte counter costs exactly two compression-function calls, no JCA look-up
 * and no allocation. Immutable and thread-safe; per-call work space is thread-local.
 */
public abstract class HmacKey {
    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5C;
    /** Bytes of the RFC 4226 counter message. */
    static final int COUNTER_BYTES = 8;

    private final int digestLength;

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
            switch (algorithm) {
                case SHA1:
                    return new Sha1HmacKey(innerBlock, outerBlock);
                case SHA256:
                    return new Sha256HmacKey(innerBlock, outerBlock);
                case SHA512:
                    return new Sha512HmacKey(innerBlock, outerBlock);
                default:
                    throw new AssertionError(algorithm);
            }
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
        Scratch scratch = Scratch.get();
        digest(counter, scratch);
        int offset = digestByte(scratch, digestLength - 1) & 0x0F;
        return (digestByte(scratch, offset) & 0x7F) << 24
                | (digestByte(scratch, offset + 1) & 0xFF) << 16
                | (digestByte(scratch, offset + 2) & 0xFF) << 8
                | (digestByte(scratch, offset + 3) & 0xFF);
    }

    /**
     * Computes the full HMAC(key, counter); allocates its result, so it is not for the hot path.
     *
     * @param counter the moving factor, hashed as 8 big-endian bytes
     * @return the HMAC, {@link HmacAlgorithm#digestLength()} bytes
     */
    public final byte[] hmac(long counter) {
        Scratch scratch = Scratch.get();
        digest(counter, scratch);
        byte[] out = new byte[digestLength];
        for (int i = 0; i < digestLength; i++) {
            out[i] = (byte) digestByte(scratch, i);
        }
        return out;
    }

    /** Leaves HMAC(key, counter) in the scratch space. */
    abstract void digest(long counter, Scratch scratch);

    /** Reads byte {@code index} of the digest that {@link #digest} left in the scratch space. */
    abstract int digestByte(Scratch scratch, int index);

    private static byte[] keyBlock(HmacAlgorithm algorithm, byte[] key) {
        byte[] block = new byte[algorithm.blockLength()];
        if (key.length > block.length) {
            byte[] hashed = hash(algorithm, key);
            System.arraycopy(hashed, 0, block, 0, hashed.length);
            Arrays.fill(hashed, (byte) 0);
        } else {
            System.arraycopy(key, 0, block, 0, key.length);
        }
        return block;
    }

    private static byte[] hash(HmacAlgorithm algorithm, byte[] key) {
        String name = "SHA-" + algorithm.uriName().substring(3);
        try {
            return MessageDigest.getInstance(name).digest(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + name, e);
        }
    }

    private static byte[] xor(byte[] block, byte pad) {
        byte[] out = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            out[i] = (byte) (block[i] ^ pad);
        }
        return out;
    }

    /**
     * Fills {@code w[0..15]} with the one block that follows the inner pad block: the
     * counter, the 0x80 padding byte, zeros and the message length in bits.
     */
    static void counterBlock(int[] w, long counter, int lengthBits) {
        w[0] = (int) (counter >>> 32);
        w[1] = (int) counter;
        w[2] = 0x80000000;
        Arrays.fill(w, 3, 15, 0);
        w[15] = lengthBits;
    }

    /** Fills {@code w[0..15]} with the block that follows the outer pad block: the inner digest, padded. */
    static void digestBlock(int[] w, int[] digest, int digestWords, int lengthBits) {
        System.arraycopy(digest, 0, w, 0, digestWords);
        w[digestWords] = 0x80000000;
        Arrays.fill(w, digestWords + 1, 15, 0);
        w[15] = lengthBits;
    }

    /** As {@link #counterBlock(int[], long, int)} for 64-bit words; word 14 is the zero high half of the length. */
    static void counterBlock(long[] w, long counter, long lengthBits) {
        w[0] = counter;
        w[1] = 0x8000000000000000L;
        Arrays.fill(w, 2, 15, 0L);
        w[15] = lengthBits;
    }

    /** As {@link #digestBlock(int[], int[], int, int)} for 64-bit words. */
    static void digestBlock(long[] w, long[] digest, int digestWords, long lengthBits) {
        System.arraycopy(digest, 0, w, 0, digestWords);
        w[digestWords] = 0x8000000000000000L;
        Arrays.fill(w, digestWords + 1, 15, 0L);
        w[15] = lengthBits;
    }

    /** Reads big-endian 32-bit words. */
    static void readInts(byte[] bytes, int[] words) {
        for (int i = 0; i < bytes.length / 4; i++) {
            words[i] = (bytes[4 * i] & 0xFF) << 24 | (bytes[4 * i + 1] & 0xFF) << 16
                    | (bytes[4 * i + 2] & 0xFF) << 8 | (bytes[4 * i + 3] & 0xFF);
        }
    }

    /** Reads big-endian 64-bit words. */
    static void readLongs(byte[] bytes, long[] words) {
        for (int i = 0; i < bytes.length / 8; i++) {
            long word = 0;
            for (int j = 0; j < 8; j++) {
                word = (word << 8) | (bytes[8 * i + j] & 0xFF);
            }
            words[i] = word;
        }
    }

    /** Byte {@code index} of big-endian 32-bit words. */
    static int byteOfInts(int[] words, int index) {
        return (words[index >> 2] >>> (24 - ((index & 3) << 3))) & 0xFF;
    }

    /** Byte {@code index} of big-endian 64-bit words. */
    static int byteOfLongs(long[] words, int index) {
        return (int) (words[index >> 3] >>> (56 - ((index & 7) << 3))) & 0xFF;
    }
}
