package dev.otpkit.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.backup.Race;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory store's bound: it refuses new accounts when full and never evicts a set. */
class InMemoryBackupCodeStoreTest {
    private static final List<String> SET = List.of("$argon2id$hash-1", "$argon2id$hash-2");
    private static final int THREADS = 8;

    @Test
    void refusesANewAccountWhenFullAndKeepsEverySetItHolds() {
        InMemoryBackupCodeStore store = new InMemoryBackupCodeStore(3);
        for (String account : List.of("alice", "bob", "carol")) {
            store.replace(account, SET);
        }

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.replace("dave", SET));

        assertTrue(e.getMessage().contains("full") && e.getMessage().contains("3 accounts"), e.getMessage());
        assertFalse(e.getMessage().contains("dave") || e.getMessage().contains("hash"), e.getMessage());
        assertEquals(List.of(), store.hashes("dave"));
        for (String account : List.of("alice", "bob", "carol")) {
            assertEquals(SET, store.hashes(account), account + "'s set must survive");
        }
        assertEquals(3, store.accounts());
    }

    @Test
    void replacingTheSetOfAnAccountItHoldsWorksWhenFull() {
        InMemoryBackupCodeStore store = new InMemoryBackupCodeStore(1);
        store.replace("alice", SET);

        store.replace("alice", List.of("$argon2id$new"));

        assertEquals(List.of("$argon2id$new"), store.hashes("alice"));
    }

    @Test
    void anAccountFreesItsPlaceWhenItsLastCodeIsUsedOrItsSetRevoked() {
        InMemoryBackupCodeStore store = new InMemoryBackupCodeStore(2);
        store.replace("alice", SET);
        store.replace("bob", SET);
        assertThrows(IllegalStateException.class, () -> store.replace("carol", SET));

        assertTrue(store.remove("alice", SET.get(0)));
        assertThrows(IllegalStateException.class, () -> store.replace("carol", SET),
                "alice still has a code");
        assertTrue(store.remove("alice", SET.get(1)));
        store.replace("carol", SET);

        store.replace("bob", List.of());
        store.replace("dave", SET);
        assertEquals(2, store.accounts());
        store.replace("nobody", List.of());
        assertEquals(2, store.accounts());
    }

    @Test
    void removesOnlyAHashThatIsStillThere() {
        InMemoryBackupCodeStore store = new InMemoryBackupCodeStore(3);
        store.replace("alice", SET);

        assertFalse(store.remove("alice", "$argon2id$hash-3"));
        assertFalse(store.remove("bob", SET.get(0)));
        assertTrue(store.remove("alice", SET.get(0)));
        assertFalse(store.remove("alice", SET.get(0)), "already removed");

        assertEquals(List.of(SET.get(1)), store.hashes("alice"));
    }

    @Test
    void describesItselfBySizeWithoutAnyHash() {
        InMemoryBackupCodeStore store = new InMemoryBackupCodeStore(3);
        store.replace("alice", SET);

        assertEquals("InMemoryBackupCodeStore[1 of at most 3 accounts]", store.toString());
    }

    @Test
    void refusesABoundBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackupCodeStore.inMemory(0));

        assertEquals("maxAccounts must be at least 1, was 0", e.getMessage());
    }

    @Test
    void defaultStoreIsBoundedToTheDocumentedNumberOfAccounts() {
        BackupCodeStore store = BackupCodeStore.inMemory();
        for (int i = 0; i < BackupCodeStore.DEFAULT_MAX_ACCOUNTS; i++) {
            store.replace("user-" + i, SET);
        }

        assertThrows(IllegalStateException.class, () -> store.replace("one-more", SET));
        assertEquals(BackupCodeStore.DEFAULT_MAX_ACCOUNTS, ((InMemoryBackupCodeStore) store).accounts());
    }

    @Test
    void concurrentNewAccountsFillTheBoundExactly() throws Exception {
        int bound = 100;
        int perThread = 500;
        InMemoryBackupCodeStore store = new InMemoryBackupCodeStore(bound);
        AtomicInteger next = new AtomicInteger();

        List<Integer> accepted = Race.run(THREADS, () -> {
            int count = 0;
            for (int i = 0; i < perThread; i++) {
                try {
                    store.replace("user-" + next.getAndIncrement(), SET);
                    count++;
                } catch (IllegalStateException full) {
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
        InMemoryBackupCodeStore store = new InMemoryBackupCodeStore(bound);
        AtomicInteger thread = new AtomicInteger();
        AtomicInteger mostSeen = new AtomicInteger();

        Race.run(THREADS, () -> {
            int me = thread.getAndIncrement();
            for (int i = 0; i < 2_000; i++) {
                String account = "user-" + me + "-" + i % 5;
                try {
                    store.replace(account, SET);
                } catch (IllegalStateException full) {
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
        assertThrows(IllegalStateException.class, () -> store.replace("one-more", SET));
    }
}
