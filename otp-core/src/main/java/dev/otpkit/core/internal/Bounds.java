package dev.otpkit.core.internal;

/** Limits shared by the in-memory stores of every otpkit module. */
public final class Bounds {
    /**
     * Entries every in-memory store holds at most unless set: 100,000 accounts (or pairs of
     * account and authenticator, or of account and scope).
     */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private Bounds() {
    }

    /**
     * Checks a store builder's bound.
     *
     * @param maxEntries the bound to check
     * @return {@code maxEntries}
     * @throws IllegalArgumentException if it is below 1
     */
    public static int requireMaxEntries(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        return maxEntries;
    }
}
