package dev.otpkit.core.internal;

/** HMAC-SHA-1 (FIPS 180-4 section 6.1) over a counter, with pre-hashed pad blocks. */
final class Sha1HmacKey extends HmacKey {
    private static final int[] INITIAL_STATE = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    private static final int BLOCK_BITS = 512;
    private static final int DIGEST_WORDS = 5;
    private static final int WORD_BYTES = 4;
    /** Message length in bits of the inner hash (pad block + counter) and the outer one. */
    private static final int INNER_LENGTH_BITS = BLOCK_BITS + COUNTER_BYTES * 8;
    private static final int OUTER_LENGTH_BITS = BLOCK_BITS + DIGEST_WORDS * 32;

    private final int[] innerState = new int[DIGEST_WORDS];
    private final int[] outerState = new int[DIGEST_WORDS];

    Sha1HmacKey(byte[] innerBlock, byte[] outerBlock) {
        super(DIGEST_WORDS * WORD_BYTES);
        int[] schedule = new int[80];
        readInts(innerBlock, schedule);
        compress(INITIAL_STATE, schedule, innerState);
        readInts(outerBlock, schedule);
        compress(INITIAL_STATE, schedule, outerState);
    }

    @Override
    void digest(long counter, Scratch scratch) {
        int[] w = scratch.intSchedule;
        int[] digest = scratch.intDigest;
        counterBlock(w, counter, INNER_LENGTH_BITS);
        compress(innerState, w, digest);
        digestBlock(w, digest, DIGEST_WORDS, OUTER_LENGTH_BITS);
        compress(outerState, w, digest);
    }

    @Override
    int digestByte(Scratch scratch, int index) {
        return byteOfInts(scratch.intDigest, index);
    }

    /** Hashes the block in {@code w[0..15]} onto {@code state}, writing the result to {@code out}. */
    private static void compress(int[] state, int[] w, int[] out) {
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        for (int t = 0; t < 80; t++) {
            int f;
            int k;
            if (t < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (t < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = temp;
        }
        out[0] = state[0] + a;
        out[1] = state[1] + b;
        out[2] = state[2] + c;
        out[3] = state[3] + d;
        out[4] = state[4] + e;
    }
}
