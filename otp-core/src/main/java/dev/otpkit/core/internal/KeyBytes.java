package dev.otpkit.core.internal;

/** Checks on key bytes given by the application. */
public final class KeyBytes {
    private KeyBytes() {
    }

    /**
     * Tells whether a key is all zero bytes: a placeholder such as {@code new byte[32]} that was
     * never filled from a random source. Reads every byte, whatever it finds.
     *
     * @param key the key
     * @return {@code true} if every byte is zero
     */
    public static boolean isAllZeros(byte[] key) {
        int bits = 0;
        for (byte b : key) {
            bits |= b;
        }
        return bits == 0;
    }
}
