package dev.otpkit.backup;

import dev.otpkit.core.StoreFullException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded in-memory {@link BackupCodeStore}: a concurrent map of immutable lists, where each
 * change swaps a whole list under the map's per-key lock, so readers always see one complete
 * set. Made by {@link BackupCodeStore.InMemoryBuilder}.
 *
 * <p>It holds the sets of at most {@code maxEntries} accounts. When full it refuses a new
 * account with a {@link StoreFullException} rather than evict another account's set, since an
 * evicted set would silently lock its owner out of recovery; sets never expire, so the exception
 * has no retry time. An account whose set is replaced keeps its place; an account whose last
 * code is used or revoked frees its place.
 */
final class InMemoryBackupCodeStore implements BackupCodeStore {
    /** How {@link StoreFullException} names this store. */
    private static final String NAME = "the in-memory BackupCodeStore";

    private final ConcurrentMap<String, List<String>> sets = new ConcurrentHashMap<>();
    private final int maxEntries;
    /**
     * Places taken, reserved before a new account's set is put and released after an emptied
     * account's set is gone, so it is never below the map's size and the bound holds under
     * concurrency.
     */
    private final AtomicInteger taken = new AtomicInteger();

    /** Makes an empty store holding at most {@code maxEntries} accounts' sets, checked by the builder. */
    InMemoryBackupCodeStore(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreFullException if the account has no set yet and the store already holds the
     *     sets of {@code maxEntries} accounts; nothing is stored then
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

    /** How many accounts have a set here, from 0 to {@code maxEntries}; for tests of the bound. */
    int accounts() {
        return sets.size();
    }

    /**
     * Describes the store by its size; no account or hash is shown.
     *
     * @return for example {@code "InMemoryBackupCodeStore[3 of at most 100000 accounts]"}
     */
    @Override
    public String toString() {
        return "InMemoryBackupCodeStore[" + sets.size() + " of at most " + maxEntries + " accounts]";
    }

    private void reservePlace() {
        while (true) {
            int current = taken.get();
            if (current >= maxEntries) {
                throw new StoreFullException(NAME, maxEntries);
            }
            if (taken.compareAndSet(current, current + 1)) {
                return;
            }
        }
    }
}
