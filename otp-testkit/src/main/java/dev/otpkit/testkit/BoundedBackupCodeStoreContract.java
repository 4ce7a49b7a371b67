package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.core.StoreFullException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link BackupCodeStore} with a bound, such as otp-backup's in-memory store:
 * every test of {@link BackupCodeStoreContract}, and those of the bound. Extend this class
 * instead of {@link BackupCodeStoreContract} and make {@link #newStore(int)} return your store
 * holding the sets of at most the given number of accounts.
 *
 * <pre>{@code
 * class MyCacheBackupCodeStoreTest extends BoundedBackupCodeStoreContract {
 *     @Override
 *     protected BackupCodeStore newStore(int maxEntries) {
 *         return new MyCacheBackupCodeStore(maxEntries);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered besides: {@link StoreFullException} for a new account's set when full, storing
 * nothing for it and keeping every set; held accounts' sets still replaced; room made by
 * accounts whose codes are all gone, and none taken by an empty set; reads, removes and
 * emptying needing no room; exactly the bound of 32 concurrent new accounts admitted.
 */
// "exports": the factory names BackupCodeStore of a module required "static" only (see
// BackupCodeStoreContract).
@SuppressWarnings("exports")
public abstract class BoundedBackupCodeStoreContract extends BackupCodeStoreContract {
    /** For subclasses. */
    protected BoundedBackupCodeStoreContract() {
    }

    /**
     * Makes the store under test. Called once by each test, which owns the store; it must hold
     * no hash yet.
     *
     * @param maxEntries the most accounts whose sets the store may hold at once, 1 or more:
     *     1,000 for the tests that are not about the bound, 2 or 8 for those that are
     * @return a new, empty store
     */
    protected abstract BackupCodeStore newStore(int maxEntries);

    /**
     * Makes the store for the tests that are not about the bound: {@link #newStore(int)} with
     * room for the sets of 1,000 accounts.
     *
     * @return a new, empty store
     */
    @Override
    protected final BackupCodeStore newStore() {
        return newStore(ROOMY);
    }

    /** A store with room for two accounts, holding a set for Alice and for Bob. */
    private BackupCodeStore fullStore(List<String> alices, List<String> bobs) {
        BackupCodeStore store = newStore(SMALL_BOUND);
        store.replace("alice", alices);
        store.replace("bob", bobs);
        return store;
    }

    /**
     * A full store refuses a set for a new account with {@link StoreFullException} and stores
     * nothing for it, keeping every set it holds.
     */
    @Test
    public void refusesANewAccountWhenFullAndKeepsEverySet() {
        List<String> alices = set(3);
        List<String> bobs = set(3);
        BackupCodeStore store = fullStore(alices, bobs);
        assertFull(() -> store.replace("carol-refused", set(3)), "carol-refused");
        assertSet(List.of(), store, "carol-refused");
        assertSet(alices, store, "alice");
        assertSet(bobs, store, "bob");
    }

    /** A full store still replaces the set of an account it holds: that needs no new entry. */
    @Test
    public void replacesAHeldAccountsSetWhenFull() {
        BackupCodeStore store = fullStore(set(3), set(3));
        List<String> newer = set(3);
        store.replace("alice", newer);
        assertSet(newer, store, "alice");
    }

    /**
     * An account whose last code is used takes no room: a full store takes a new account then,
     * and not before.
     */
    @Test
    public void makesRoomWhenAnAccountsLastCodeIsRemoved() {
        List<String> alices = set(2);
        BackupCodeStore store = fullStore(alices, set(3));
        assertTrue(store.remove("alice", alices.get(0)));
        assertFull(() -> store.replace("carol-refused", set(3)), "carol-refused");
        assertTrue(store.remove("alice", alices.get(1)));
        assertTakesANewAccount(store);
    }

    /** An account whose set was replaced by an empty one takes no room, nor does an empty set. */
    @Test
    public void makesRoomWhenASetIsEmptied() {
        BackupCodeStore store = fullStore(set(3), set(3));
        store.replace("alice", List.of());
        store.replace("dave", List.of());
        assertTakesANewAccount(store);
    }

    private void assertTakesANewAccount(BackupCodeStore store) {
        List<String> carols = set(3);
        store.replace("carol", carols);
        assertSet(carols, store, "carol");
    }

    /** Reads, removes and emptying add nothing: a full store answers them for an account it does not hold. */
    @Test
    public void readsRemovesAndEmptyingNeedNoRoom() {
        BackupCodeStore store = fullStore(set(3), set(3));
        assertSet(List.of(), store, "carol");
        assertFalse(store.remove("carol", hash()));
        store.replace("carol", List.of());
        assertSet(List.of(), store, "carol");
    }

    /**
     * Of 32 threads each giving a set to a new account of a store with room for 8, exactly 8 are
     * stored and the others refused with {@link StoreFullException}.
     */
    @Test
    public void admitsExactlyTheBoundOfConcurrentNewAccounts() {
        BackupCodeStore store = newStore(RACE_BOUND);
        List<List<String>> sets = IntStream.range(0, RACERS).mapToObj(i -> set(2)).toList();
        List<Integer> admitted = assertRaceFillsExactlyTheBound(racer -> store.replace("racer-" + racer, sets.get(racer)));
        for (int racer : admitted) {
            assertSet(sets.get(racer), store, "racer-" + racer);
        }
    }
}
