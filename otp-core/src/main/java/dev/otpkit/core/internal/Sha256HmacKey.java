package dev.otpkit.core.internal;

/** HMAC-SHA-256 (FIPS 180-4 section 6.2) over a counter, with pre-hashed pad blocks. */
final class Sha256HmacKey extends HmacKey {
    private static final int[] INITIAL_STATE = ShaConstants.sha256InitialState();
    private static final int[] K = ShaConstants.sha256RoundConstants();
    private static final int BLOCK_BITS = 512;
    private static final int DIGEST_WORDS = 8;
    private static final int WORD_BYTES = 4;
    private static final int INNER_LENGTH_BITS = BLOCK_BITS + COUNTER_BYTES * 8;
    private static final int OUTER_LENGTH_BITS = BLOCK_BITS + DIGEST_WORDS * 32;

    private final int[] innerState = new int[DIGEST_WORDS];
    private final int[] outerState = new int[DIGEST_WORDS];

    Sha256HmacKey(byte[] innerBlock, byte[] outerBlock) {
        super(DIGEST_WORDS * WORD_BYTES);
        int[] schedule = new int[64];
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
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int t = 0; t < 64; t++) {
            int sigma1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int choose = (e & f) ^ (~e & g);
            int t1 = h + sigma1 + choose + K[t] + w[t];
            int sigma0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int majority = (a & b) ^ (a & c) ^ (b & c);
            int t2 = sigma0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        out[0] = state[0] + a;
        out[1] = state[1] + b;
        out[2] = state[2] + c;
        out[3] = state[3] + d;
        out[4] = state[4] + e;
        out[5] = state[5] + f;
        out[6] = state[6] + g;
        out[7] = state[7] + h;
    }
}
