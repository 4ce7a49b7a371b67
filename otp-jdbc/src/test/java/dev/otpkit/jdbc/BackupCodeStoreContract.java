package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.backup.BackupCodeStore;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BackupCodeStore} must do: the SPI's javadoc as tests. Each test uses
 * accounts of its own. To be replaced or joined by otp-testkit's {@code BackupCodeStoreContract}.
 */
abstract class BackupCodeStoreContract {
    /** A store; accounts from {@link TestDatabase#account()} have no codes in it. */
    abstract BackupCodeStore store();

    static List<String> set(String name, int count) {
        return IntStream.range(0, count).mapToObj(i -> "$argon2id$v=19$m=19456,t=2,p=1$" + name + i + "$hash")
                .collect(Collectors.toList());
    }

    @Test
    void keepsTheSetItWasGiven() {
        BackupCodeStore store = store();
        String account = TestDatabase.account();
        assertEquals(List.of(), store.hashes(account));
        store.replace(account, set("a", 10));
        assertEquals(new HashSet<>(set("a", 10)), new HashSet<>(store.hashes(account)));
    }

    @Test
    void replaceLeavesNoHashOfTheOldSet() {
        BackupCodeStore store = store();
        String account = TestDatabase.account();
        store.replace(account, set("a", 10));
        store.replace(account, set("b", 3));
        assertEquals(new HashSet<>(set("b", 3)), new HashSet<>(store.hashes(account)));
        assertFalse(store.remove(account, set("a", 1).get(0)));
        store.replace(account, List.of());
        assertEquals(List.of(), store.hashes(account));
    }

    @Test
    void removeTakesAHashOnceAndOnlyFromItsAccount() {
        BackupCodeStore store = store();
        String account = TestDatabase.account();
        String other = TestDatabase.account();
        store.replace(account, set("a", 3));
        store.replace(other, set("a", 3));
        String hash = set("a", 1).get(0);
        assertFalse(store.remove(account, hash.toUpperCase(java.util.Locale.ROOT)));
        assertFalse(store.remove(account, hash + " "));
        assertTrue(store.remove(account, hash));
        assertFalse(store.remove(account, hash));
        assertEquals(2, store.hashes(account).size());
        assertEquals(3, store.hashes(other).size());
    }

    @Test
    void exactlyOneOfRacingRemovesOfAHashSucceeds() {
        BackupCodeStore store = store();
        for (int round = 0; round < 5; round++) {
            String account = TestDatabase.account();
            store.replace(account, set("a", 10));
            List<Boolean> removed = Race.runAll(32, () -> store.remove(account, set("a", 1).get(0)));
            assertEquals(1, Collections.frequency(removed, true));
            assertEquals(9, store.hashes(account).size());
        }
    }

    @Test
    void racingReplacementsNeverMixTheirSets() {
        BackupCodeStore store = store();
        for (int round = 0; round < 5; round++) {
            String account = TestDatabase.account();
            store.replace(account, set("old", 10));
            List<List<String>> seen = Race.run(16, i -> () -> {
                if (i % 2 == 0) {
                    store.replace(account, set("s" + i + "-", 10));
                    return List.<String>of();
                }
                return store.hashes(account);
            });
            Set<Set<String>> sets = IntStream.range(0, 16).filter(i -> i % 2 == 0)
                    .mapToObj(i -> new HashSet<>(set("s" + i + "-", 10))).collect(Collectors.toSet());
            sets.add(new HashSet<>(set("old", 10)));
            assertTrue(sets.contains(new HashSet<>(store.hashes(account))), "the final set is one whole set");
            for (List<String> read : seen) {
                assertTrue(read.isEmpty() || sets.contains(new HashSet<>(read)), "a reader sees one whole set");
            }
        }
    }

    @Test
    void refusesNullArguments() {
        BackupCodeStore store = store();
        assertThrows(NullPointerException.class, () -> store.replace(null, List.of()));
        assertThrows(NullPointerException.class, () -> store.replace("a", null));
        assertThrows(NullPointerException.class, () -> store.replace("a", java.util.Arrays.asList("h", null)));
        assertThrows(NullPointerException.class, () -> store.hashes(null));
        assertThrows(NullPointerException.class, () -> store.remove("a", null));
    }
}
