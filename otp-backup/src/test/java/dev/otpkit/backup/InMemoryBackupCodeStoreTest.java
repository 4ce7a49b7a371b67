package dev.otpkit.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.StoreFullException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's bound: it refuses new accounts when full and never evicts a set. Reads
 * the number of accounts held through the package-private {@code accounts()}. What every
 * {@link BackupCodeStore} must do, this one included, is otp-testkit's
 * {@code BackupCodeStoreContract}, which runs there (otp-backup cannot depend on the kit).
 */
class InMemoryBackupCodeStoreTest {
    private static final List<String> SET = List.of("$argon2id$hash-1", "$argon2id$hash-2");
    private static final int THREADS = 8;

    private static InMemoryBackupCodeStore bounded(int maxEntries) {
        return (InMemoryBackupCodeStore) BackupCodeStore.inMemoryBuilder().maxEntries(maxEntries).build();
    }

    @Test
    void refusesANewAccountWhenFullAndKeepsEverySetItHolds() {
        InMemoryBackupCodeStore store = bounded(3);
        for (String account : List.of("alice", "bob", "carol")) {
            store.replace(account, SET);
        }

        StoreFullException e = assertThrows(StoreFullException.class, () -> store.replace("dave", SET));

        assertEquals("the in-memory BackupCodeStore is full (maxEntries 3) and every entry still matters",
                e.getMessage(), "names the store and its bound, no account and no hash");
        assertEquals(Optional.empty(), e.retryAfter(), "sets do not expire: no time to tell");
        assertEquals(List.of(), store.hashes("dave"));
        for (String account : List.of("alice", "bob", "carol")) {
            assertEquals(SET, store.hashes(account), account + "'s set must survive");
        }
        assertEquals(3, store.accounts());
    }

    @Test
    void describesItselfBySizeWithoutAnyHash() {
        InMemoryBackupCodeStore store = bounded(3);
        store.replace("alice", SET);

        assertEquals("InMemoryBackupCodeStore[1 of at most 3 accounts]", store.toString());
    }

    @Test
    void refusesABoundBelowOneAtOnce() {
        BackupCodeStore.InMemoryBuilder builder = BackupCodeStore.inMemoryBuilder();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.maxEntries(0));

        assertEquals("maxEntries must be at least 1, was 0", e.getMessage());
    }

    @Test
    void defaultStoreIsBoundedToTheOneDocumentedBoundOfEveryInMemoryStore() {
        InMemoryBackupCodeStore store = (InMemoryBackupCodeStore) BackupCodeStore.inMemory();
        for (int i = 0; i < 100_000; i++) {
            store.replace("user-" + i, SET);
        }

        assertThrows(StoreFullException.class, () -> store.replace("one-more", SET));
        assertEquals(100_000, store.accounts());
        assertEquals("InMemoryBackupCodeStore[100000 of at most 100000 accounts]", store.toString());
    }

    @Test
    void eachBuildMakesANewEmptyStore() {
        BackupCodeStore.InMemoryBuilder builder = BackupCodeStore.inMemoryBuilder().maxEntries(1);
        BackupCodeStore first = builder.build();
        first.replace("alice", SET);

        BackupCodeStore second = builder.build();

        assertEquals(List.of(), second.hashes("alice"));
        second.replace("bob", SET);
        assertEquals(SET, first.hashes("alice"));
    }

    @Test
    void concurrentNewAccountsFillTheBoundExactly() throws Exception {
        int bound = 100;
        int perThread = 500;
        InMemoryBackupCodeStore store = bounded(bound);
        AtomicInteger next = new AtomicInteger();

        List<Integer> accepted = Race.run(THREADS, () -> {
            int count = 0;
            for (int i = 0; i < perThread; i++) {
                try {
                    store.replace("user-" + next.getAndIncrement(), SET);
                    count++;
                } catch (StoreFullException full) {
                    // expected once the bound is reached
                }
            }
            return count;
        });

        assertEquals(bound, accepted.stream().mapToInt(Integer::intValue).sum());
        assertEquals(bound, store.accounts());
    }

    @Test
    void accountsComingAndGoingConcurrentlyNeverExceedTheBoundNorLeakPlaces() throws Exception {
        int bound = 20;
        InMemoryBackupCodeStore store = bounded(bound);
        AtomicInteger thread = new AtomicInteger();
        AtomicInteger mostSeen = new AtomicInteger();

        Race.run(THREADS, () -> {
            int me = thread.getAndIncrement();
            for (int i = 0; i < 2_000; i++) {
                String account = "user-" + me + "-" + i % 5;
                try {
                    store.replace(account, SET);
                } catch (StoreFullException full) {
                    continue;
                }
                mostSeen.accumulateAndGet(store.accounts(), Math::max);
                if (i % 2 == 0) {
                    store.replace(account, List.of());
                } else {
                    store.remove(account, SET.get(0));
                    store.remove(account, SET.get(1));
                }
            }
            return null;
        });

        assertTrue(mostSeen.get() <= bound, "held " + mostSeen.get() + " accounts, bound " + bound);
        assertEquals(0, store.accounts());
        for (int i = 0; i < bound; i++) {
            store.replace("after-" + i, SET);
        }
        assertThrows(StoreFullException.class, () -> store.replace("one-more", SET));
    }
}
