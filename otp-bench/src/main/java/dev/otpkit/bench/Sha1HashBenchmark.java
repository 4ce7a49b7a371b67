package dev.otpkit.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why otpkit hashes with the JDK's {@link MessageDigest}: the three ways to compute one half of
 * an HMAC-SHA-1 (a pad block, then a short message), each a candidate for otpkit's engine.
 * <ul>
 * <li>{@link #javaCompression()}: a compression function written in Java, run once from a
 *     state prepared in advance (the pad block hashed once per key): one compression, no
 *     allocation;</li>
 * <li>{@link #jdkPadBlockAgain()}: the JDK's digest, fed the pad block and the message: two
 *     compressions, which the JVM runs with the processor's SHA instructions where it has
 *     them, no allocation (otpkit's choice);</li>
 * <li>{@link #jdkClonedState()}: the JDK's digest cloned from a state prepared in advance: one
 *     compression, but each clone allocates.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class Sha1HashBenchmark {
    private static final int[] INITIAL_STATE = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    private static final int BLOCK_BYTES = 64;
    private static final int DIGEST_BYTES = 20;

    private final byte[] padBlock = new byte[BLOCK_BYTES];
    private final byte[] message = new byte[Long.BYTES];
    private final byte[] digest = new byte[DIGEST_BYTES];
    private final int[] preparedState = new int[5];
    private final int[] schedule = new int[80];
    private final int[] state = new int[5];
    private MessageDigest jdk;
    private MessageDigest jdkPrepared;
    private long counter;

    /** Made by JMH, once per trial (or per thread, for thread-scoped state). */
    public Sha1HashBenchmark() {
    }

    /**
     * Prepares the pad block's state both ways.
     *
     * @throws NoSuchAlgorithmException never: every Java platform has SHA-1
     */
    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        for (int i = 0; i < BLOCK_BYTES; i++) {
            padBlock[i] = (byte) (0x36 ^ i);
        }
        jdk = MessageDigest.getInstance("SHA-1");
        jdkPrepared = MessageDigest.getInstance("SHA-1");
        jdkPrepared.update(padBlock);
        for (int i = 0; i < 16; i++) {
            schedule[i] = (padBlock[4 * i] & 0xFF) << 24 | (padBlock[4 * i + 1] & 0xFF) << 16
                    | (padBlock[4 * i + 2] & 0xFF) << 8 | (padBlock[4 * i + 3] & 0xFF);
        }
        compress(INITIAL_STATE, schedule, preparedState);
    }

    /**
     * One compression in Java of the padded message block from the prepared state.
     *
     * @return a word of the result
     */
    @Benchmark
    public int javaCompression() {
        long value = counter++;
        schedule[0] = (int) (value >>> 32);
        schedule[1] = (int) value;
        schedule[2] = 0x80000000;
        Arrays.fill(schedule, 3, 15, 0);
        schedule[15] = (BLOCK_BYTES + Long.BYTES) * 8;
        compress(preparedState, schedule, state);
        return state[0];
    }

    /**
     * The JDK's digest of the pad block and the message.
     *
     * @return a byte of the digest
     * @throws DigestException never: the output has room for the digest
     */
    @Benchmark
    public byte jdkPadBlockAgain() throws DigestException {
        putCounter();
        jdk.update(padBlock);
        jdk.update(message);
        jdk.digest(digest, 0, DIGEST_BYTES);
        return digest[0];
    }

    /**
     * The JDK's digest of the message, from a clone of the prepared state.
     *
     * @return a byte of the digest
     * @throws DigestException never: the output has room for the digest
     * @throws CloneNotSupportedException never: the JDK's SHA-1 can be cloned
     */
    @Benchmark
    public byte jdkClonedState() throws DigestException, CloneNotSupportedException {
        putCounter();
        MessageDigest clone = (MessageDigest) jdkPrepared.clone();
        clone.update(message);
        clone.digest(digest, 0, DIGEST_BYTES);
        return digest[0];
    }

    private void putCounter() {
        long value = counter++;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            message[i] = (byte) value;
            value >>>= 8;
        }
    }

    /** FIPS 180-4 section 6.1.2: hashes the block in {@code w[0..15]} onto {@code from}, into {@code to}. */
    private static void compress(int[] from, int[] w, int[] to) {
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = from[0];
        int b = from[1];
        int c = from[2];
        int d = from[3];
        int e = from[4];
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
        to[0] = from[0] + a;
        to[1] = from[1] + b;
        to[2] = from[2] + c;
        to[3] = from[3] + d;
        to[4] = from[4] + e;
    }
}
