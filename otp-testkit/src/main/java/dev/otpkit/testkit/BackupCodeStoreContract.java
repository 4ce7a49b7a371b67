package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.backup.BackupCodeStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BackupCodeStore} (module otp-backup), as its javadoc states it: extend
 * this class in your tests and make {@link #newStore()} return your store, and every test
 * below runs against it. Each test name says the behaviour it checks. The kit's dependency on
 * otp-backup is optional: a project that uses this class has otp-backup already.
 *
 * <pre>{@code
 * class JdbcBackupCodeStoreTest extends BackupCodeStoreContract {
 *     @Override
 *     protected BackupCodeStore newStore() {
 *         truncateTables();                       // each test starts from an empty store
 *         return new MyJdbcBackupCodeStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered: a set read back as it was given, in any order; a replaced set gone at once and
 * whole; an empty set removing every code; compare-and-remove of one hash, once; a snapshot
 * that later changes do not touch; accounts kept apart, whatever characters their ids hold;
 * null arguments and elements refused; among 32 threads, exactly one successful remove of a
 * hash, no removal of distinct hashes lost, no reader seeing a mix of two sets, and one whole
 * set left by concurrent replacements. A store with a bound extends
 * {@link BoundedBackupCodeStoreContract} instead, which adds the tests of the bound.
 */
// "exports": the factory names BackupCodeStore of a module required "static" only, so that a
// TOTP-only user of the kit needs neither otp-backup nor BouncyCastle (module-info.java says why
// it is not "transitive").
@SuppressWarnings("exports")
public abstract class BackupCodeStoreContract extends StoreContract {
    /** Numbers the hashes a test makes, so each differs from every other. */
    private final AtomicInteger hashes = new AtomicInteger();

    /** For subclasses. */
    protected BackupCodeStoreContract() {
    }

    /**
     * Makes the store under test. Called once by each test, which owns the store; it must hold
     * no hash yet (for a database store: empty its table here).
     *
     * @return a new, empty store
     */
    protected abstract BackupCodeStore newStore();

    private BackupCodeStore store() {
        return newStore();
    }

    /** A PHC string of an Argon2id hash, like otp-backup's, different from every other of the test. */
    String hash() {
        byte[] salt = Arrays.copyOf(Integer.toString(hashes.incrementAndGet()).getBytes(StandardCharsets.US_ASCII), 16);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=19456,t=2,p=1$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(Arrays.copyOf(salt, 32));
    }

    /** A set of {@code size} new hashes. */
    List<String> set(int size) {
        return IntStream.range(0, size).mapToObj(i -> hash()).toList();
    }

    /** Checks that the account's hashes are {@code expected}, in any order. */
    static void assertSet(List<String> expected, BackupCodeStore store, String accountId) {
        List<String> actual = store.hashes(accountId);
        assertNotNull(actual, "hashes never answers null");
        assertEquals(sorted(expected), sorted(actual), () -> "the hashes of " + Ids.show(accountId));
    }

    private static List<String> sorted(List<String> hashes) {
        List<String> sorted = new ArrayList<>(hashes);
        Collections.sort(sorted);
        return sorted;
    }

    /** An account's hashes are read back as they were given, in any order. */
    @Test
    public void returnsTheSetItWasGiven() {
        BackupCodeStore store = store();
        List<String> set = set(10);
        store.replace("alice", set);
        assertSet(set, store, "alice");
    }

    /** An account without codes has an empty list of hashes, never null. */
    @Test
    public void answersAnEmptyListForAnAccountWithoutCodes() {
        assertSet(List.of(), store(), "alice");
    }

    /** A new set replaces the old one whole: none of the old hashes is left or removable. */
    @Test
    public void replaceSwapsTheWholeSet() {
        BackupCodeStore store = store();
        List<String> old = set(10);
        List<String> current = set(10);
        store.replace("alice", old);
        store.replace("alice", current);
        assertSet(current, store, "alice");
        for (String hash : old) {
            assertFalse(store.remove("alice", hash), "a hash of the replaced set");
        }
    }

    /** Replacing with an empty set removes every code of the account. */
    @Test
    public void replaceWithAnEmptySetRemovesEveryCode() {
        BackupCodeStore store = store();
        List<String> set = set(3);
        store.replace("alice", set);
        store.replace("alice", List.of());
        assertSet(List.of(), store, "alice");
        assertFalse(store.remove("alice", set.get(0)));
    }

    /** Removing a hash answers true once and leaves the rest of the set. */
    @Test
    public void removesAHashOnlyOnce() {
        BackupCodeStore store = store();
        List<String> set = set(3);
        store.replace("alice", set);
        assertTrue(store.remove("alice", set.get(1)));
        assertSet(List.of(set.get(0), set.get(2)), store, "alice");
        assertFalse(store.remove("alice", set.get(1)), "removed already");
    }

    /** Removing a hash the account does not have answers false and changes nothing. */
    @Test
    public void answersFalseForAHashNotInTheSet() {
        BackupCodeStore store = store();
        List<String> set = set(3);
        store.replace("alice", set);
        assertFalse(store.remove("alice", hash()), "a hash never stored");
        assertFalse(store.remove("bob", set.get(0)), "alice's hash under another account");
        assertFalse(store.remove("alice", set.get(0).toUpperCase(Locale.ROOT)), "the hash in upper case");
        assertFalse(store.remove("alice", set.get(0) + " "), "the hash with a trailing space");
        assertSet(set, store, "alice");
    }

    /** Each account has its own set, even where two sets hold the same string. */
    @Test
    public void keepsAccountsApart() {
        BackupCodeStore store = store();
        List<String> shared = set(2);
        store.replace("alice", shared);
        store.replace("bob", shared);
        assertTrue(store.remove("alice", shared.get(0)));
        assertSet(shared, store, "bob");
        store.replace("bob", List.of());
        assertSet(List.of(shared.get(1)), store, "alice");
    }

    /**
     * Account ids are compared as they are: empty, blanks, separators, case,
     * accents, trailing spaces, characters outside the Basic Multilingual Plane and SQL
     * wildcards each name an account of their own.
     */
    @Test
    public void keepsUnusualAccountIdsApart() {
        BackupCodeStore store = store();
        List<List<String>> sets = new ArrayList<>();
        for (String id : Ids.UNUSUAL) {
            List<String> set = set(2);
            sets.add(set);
            store.replace(id, set);
        }
        for (int i = 0; i < Ids.UNUSUAL.size(); i++) {
            assertSet(sets.get(i), store, Ids.UNUSUAL.get(i));
        }
    }

    /**
     * Ids at and beyond the limits: each id of up to 255 chars of well-formed Unicode without
     * U+0000 (of one, three and four bytes in UTF-8) is kept exactly; a longer one, or one with
     * U+0000 or an unpaired surrogate, is kept exactly too or refused with
     * {@link IllegalArgumentException}, never cut short, changed or taken for another, as an account id and as a hash.
     */
    @Test
    public void keepsHardAccountIdsAndHashesExactlyOrRefusesThem() {
        BackupCodeStore store = store();
        Map<String, List<String>> sets = new HashMap<>();
        assertKeepsHardIdsExactlyOrRefusesThem(id -> store.replace(id, sets.computeIfAbsent(id, unused -> set(2))),
                id -> assertSet(sets.get(id), store, id), id -> {
                    assertFalse(store.remove(id, sets.get(id).get(0)), () -> Ids.show(id) + " was refused");
                    assertSet(List.of(), store, id);
                });
        Map<String, String> accounts = new HashMap<>();
        assertKeepsHardIdsExactlyOrRefusesThem(
                hash -> store.replace(accounts.computeIfAbsent(hash, unused -> "carol-" + accounts.size()), List.of(hash)),
                hash -> assertSet(List.of(hash), store, accounts.get(hash)),
                hash -> assertSet(List.of(), store, accounts.get(hash)));
    }

    /** The hashes read are a snapshot: a later remove does not change them. */
    @Test
    public void returnsASnapshot() {
        BackupCodeStore store = store();
        List<String> set = set(3);
        store.replace("alice", set);
        List<String> before = store.hashes("alice");
        assertTrue(store.remove("alice", set.get(0)));
        assertEquals(sorted(set), sorted(before), "the hashes read before the remove");
    }

    /** The store keeps the set it was given, whatever the caller does to its list afterwards. */
    @Test
    public void keepsTheSetWhenTheCallerChangesItsList() {
        BackupCodeStore store = store();
        List<String> set = set(3);
        List<String> callers = new ArrayList<>(set);
        store.replace("alice", callers);
        callers.clear();
        callers.add(hash());
        assertSet(set, store, "alice");
    }

    /** The account, the list and each of its elements are required. */
    @Test
    public void replaceRefusesNullArgumentsAndElements() {
        BackupCodeStore store = store();
        assertThrows(NullPointerException.class, () -> store.replace(null, set(1)));
        assertThrows(NullPointerException.class, () -> store.replace("alice", null));
        List<String> withNull = new ArrayList<>(set(2));
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> store.replace("alice", withNull));
    }

    /** {@code hashes} and {@code remove} require every argument. */
    @Test
    public void readsAndRemovesRefuseNullArguments() {
        BackupCodeStore store = store();
        assertThrows(NullPointerException.class, () -> store.hashes(null));
        assertThrows(NullPointerException.class, () -> store.remove(null, hash()));
        assertThrows(NullPointerException.class, () -> store.remove("alice", null));
    }

    /**
     * Of 32 threads removing the same hash at once, exactly one gets {@code true}; five races,
     * each on an account of its own.
     */
    @Test
    public void letsExactlyOneOfConcurrentRemovesOfAHashSucceed() {
        BackupCodeStore store = store();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String account = "alice-" + round;
            List<String> set = set(10);
            store.replace(account, set);
            List<Boolean> removed = Race.run(RACERS, () -> store.remove(account, set.get(3)));
            assertEquals(1, Collections.frequency(removed, true), "removes that succeeded of " + RACERS);
            assertEquals(9, store.hashes(account).size());
        }
    }

    /**
     * 32 threads each removing a different hash of one set at once all succeed, and the set ends
     * empty: no removal is lost to another.
     */
    @Test
    public void losesNoneOfConcurrentRemovesOfDifferentHashes() {
        BackupCodeStore store = store();
        List<String> set = set(RACERS);
        store.replace("alice", set);
        AtomicInteger next = new AtomicInteger();
        List<Boolean> removed = Race.run(RACERS, () -> store.remove("alice", set.get(next.getAndIncrement())));
        assertEquals(RACERS, Collections.frequency(removed, true), "removes that succeeded");
        assertSet(List.of(), store, "alice");
    }

    /**
     * While one thread replaces an account's set again and again, 31 threads reading it see one
     * whole set or the other, never a mix, a part or nothing.
     */
    @Test
    public void neverShowsAMixOfTwoSetsWhileReplacing() {
        BackupCodeStore store = store();
        List<String> first = sorted(set(10));
        List<String> second = sorted(set(10));
        store.replace("alice", first);
        assertReadersSeeOnlyWholeStates(() -> {
            for (int i = 0; i < 200; i++) {
                store.replace("alice", i % 2 == 0 ? second : first);
            }
        }, () -> {
            List<String> seen = sorted(store.hashes("alice"));
            return seen.equals(first) || seen.equals(second) ? null : "the hashes " + seen;
        });
    }

    /**
     * Of 32 threads each replacing one account's set with a set of its own at once, one wins
     * whole: the account ends with exactly one of the 32 sets, never a mix; five races, each on
     * an account of its own.
     */
    @Test
    public void leavesOneWholeSetOfConcurrentReplacements() {
        BackupCodeStore store = store();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String account = "alice-" + round;
            List<List<String>> sets = IntStream.range(0, RACERS).mapToObj(i -> sorted(set(3))).toList();
            AtomicInteger next = new AtomicInteger();
            Race.run(RACERS, () -> {
                store.replace(account, sets.get(next.getAndIncrement()));
                return null;
            });
            List<String> left = sorted(store.hashes(account));
            assertTrue(sets.contains(left), () -> account + " holds " + left + ", none of the " + RACERS
                    + " sets given at once, whole");
        }
    }
}
