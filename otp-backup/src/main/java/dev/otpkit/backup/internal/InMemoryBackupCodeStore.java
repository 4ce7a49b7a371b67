package dev.otpkit.backup.internal;

import dev.otpkit.backup.BackupCodeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link BackupCodeStore} in a concurrent map of immutable lists: each change swaps a whole
 * list under the map's per-key lock, so readers always see one complete set.
 *
 * <p>Bounded: it holds the sets of at most {@code maxAccounts} accounts. When full it refuses
 * a new account with an {@link IllegalStateException} rather than evict another account's set,
 * since an evicted set would silently lock its owner out of recovery. An account whose set is
 * replaced keeps its place; an account whose last code is used or revoked frees its place.
 */
public final class InMemoryBackupCodeStore implements BackupCodeStore {
    private final ConcurrentMap<String, List<String>> sets = new ConcurrentHashMap<>();
    private final int maxAccounts;
    /**
     * Places taken, reserved before a new account's set is put and released after an emptied
     * account's set is gone, so it is never below the map's size and the bound holds under
     * concurrency.
     */
    private final AtomicInteger taken = new AtomicInteger();

    /**
     * Makes an empty store.
     *
     * @param maxAccounts the most accounts whose sets it holds at once, 1 or more
     * @throws IllegalArgumentException if {@code maxAccounts} is less than 1
     */
    public InMemoryBackupCodeStore(int maxAccounts) {
        if (maxAccounts < 1) {
            throw new IllegalArgumentException("maxAccounts must be at least 1, was " + maxAccounts);
        }
        this.maxAccounts = maxAccounts;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the account has no set yet and the store already holds
     *     the sets of {@code maxAccounts} accounts; nothing is stored then
     */
    @Override
    public void replace(String accountId, List<String> hashes) {
        Objects.requireNonNull(accountId, "accountId");
        List<String> set = List.copyOf(hashes);
        if (set.isEmpty()) {
            if (sets.remove(accountId) != null) {
                taken.decrementAndGet();
            }
        } else {
            sets.compute(accountId, (account, old) -> {
                if (old == null) {
                    reservePlace();
                }
                return set;
            });
        }
    }

    @Override
    public List<String> hashes(String accountId) {
        return sets.getOrDefault(Objects.requireNonNull(accountId, "accountId"), List.of());
    }

    @Override
    public boolean remove(String accountId, String hash) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(hash, "hash");
        boolean[] removed = {false};
        boolean[] emptied = {false};
        sets.computeIfPresent(accountId, (account, set) -> {
            int index = set.indexOf(hash);
            if (index < 0) {
                return set;
            }
            removed[0] = true;
            List<String> rest = new ArrayList<>(set);
            rest.remove(index);
            emptied[0] = rest.isEmpty();
            return emptied[0] ? null : List.copyOf(rest);
        });
        if (emptied[0]) {
            taken.decrementAndGet();
        }
        return removed[0];
    }

    /**
     * Returns how many accounts have a set here.
     *
     * @return the number of accounts, from 0 to {@code maxAccounts}
     */
    public int accounts() {
        return sets.size();
    }

    /**
     * Describes the store by its size; no hash is shown.
     *
     * @return for example {@code "InMemoryBackupCodeStore[3 of at most 10000 accounts]"}
     */
    @Override
    public String toString() {
        return "InMemoryBackupCodeStore[" + sets.size() + " of at most " + maxAccounts + " accounts]";
    }

    private void reservePlace() {
        while (true) {
            int current = taken.get();
            if (current >= maxAccounts) {
                throw new IllegalStateException("the in-memory backup code store is full: it holds the sets of "
                        + maxAccounts + " accounts, its maximum; revoke unused sets, raise the bound with"
                        + " BackupCodeStore.inMemory(maxAccounts), or back BackupCodes with a database"
                        + " through your own BackupCodeStore");
            }
            if (taken.compareAndSet(current, current + 1)) {
                return;
            }
        }
    }
}
