package dev.otpkit.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Measures the retained heap of the in-memory {@link AttemptLimiter} and {@link ReplayGuard}
 * holding one million accounts: the source of the memory figures in their Javadoc and in the
 * README. Not a test (it needs about 1 GB of heap and a few seconds); run it by hand as
 * CONTRIBUTING.md says, with the serial collector so that "used after a full GC" is exact.
 *
 * <p>Each store is filled with one entry per account, ids of 20 ASCII characters made before
 * and kept apart, so the store's own cost (entries, map nodes, table) and the ids' cost are
 * printed separately.
 */
public final class MemoryFootprint {
    private static final int ACCOUNTS = 1_000_000;
    private static final int DEFAULT_BOUND = 100_000;
    private static final double MB = 1_000_000.0;

    private MemoryFootprint() {
    }

    /**
     * Fills each store and prints bytes per account.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while letting the collector settle
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.printf("%s %s, max heap %d MB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() / 1_000_000);
        String[] ids = new String[ACCOUNTS];
        long emptyArray = usedAfterGc();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids[i] = String.format("account-%012d", i); // 20 ASCII characters
        }
        long withIds = usedAfterGc();
        double idBytes = (double) (withIds - emptyArray) / ACCOUNTS;
        System.out.printf("id string of %d characters: %.1f bytes%n", ids[0].length(), idBytes);

        AttemptLimiter limiter = AttemptLimiter.inMemoryBuilder().maxEntries(ACCOUNTS).build();
        for (String id : ids) {
            limiter.beginAttempt(id);
        }
        report("AttemptLimiter", usedAfterGc() - withIds, idBytes, limiter);
        limiter = null;

        ReplayGuard guard = ReplayGuard.inMemoryBuilder().maxEntries(ACCOUNTS).build();
        Instant keepUntil = Instant.now().plus(Duration.ofHours(1));
        for (String id : ids) {
            guard.tryAccept(id, ReplayGuard.ACCOUNT_AUTHENTICATOR, 1, keepUntil);
        }
        report("ReplayGuard", usedAfterGc() - withIds, idBytes, guard);
        guard = null;

        System.out.println(ids[ACCOUNTS - 1].length() == 20 ? "done" : "unexpected id length");
    }

    private static void report(String store, long bytes, double idBytes, Object keptAlive) {
        double perAccount = (double) bytes / ACCOUNTS;
        System.out.printf("%s: %.1f bytes per account without its id, %.1f with it;"
                + " %.0f MB for %,d accounts, %.1f MB at the default bound of %,d (%s)%n",
                store, perAccount, perAccount + idBytes, (perAccount + idBytes) * ACCOUNTS / MB, ACCOUNTS,
                (perAccount + idBytes) * DEFAULT_BOUND / MB, DEFAULT_BOUND, keptAlive);
    }

    /** Heap in use after the collector has run until it frees nothing more. */
    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(50);
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
