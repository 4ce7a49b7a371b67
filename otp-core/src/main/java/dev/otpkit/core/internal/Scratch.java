package dev.otpkit.core.internal;

/**
 * Per-thread work space for the hash functions, so that computing a code allocates nothing.
 * Sized for the largest user: 80 message-schedule words (SHA-1, SHA-512) and an 8-word digest.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    final int[] intSchedule = new int[80];
    final int[] intDigest = new int[8];
    final long[] longSchedule = new long[80];
    final long[] longDigest = new long[8];

    private Scratch() {
    }

    static Scratch get() {
        return PER_THREAD.get();
    }
}
