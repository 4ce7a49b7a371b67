package dev.otpkit.backup.internal;

import dev.otpkit.backup.BackupCodeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link BackupCodeStore} in a concurrent map of immutable lists: each change swaps a whole
 * list under the map's per-key lock, so readers always see one complete set.
 */
public final class InMemoryBackupCodeStore implements BackupCodeStore {
    private final ConcurrentMap<String, List<String>> sets = new ConcurrentHashMap<>();

    /** Makes an empty store. */
    public InMemoryBackupCodeStore() {
    }

    @Override
    public void replace(String accountId, List<String> hashes) {
        Objects.requireNonNull(accountId, "accountId");
        List<String> set = List.copyOf(hashes);
        if (set.isEmpty()) {
            sets.remove(accountId);
        } else {
            sets.put(accountId, set);
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
        sets.computeIfPresent(accountId, (account, set) -> {
            int index = set.indexOf(hash);
            if (index < 0) {
                return set;
            }
            removed[0] = true;
            List<String> rest = new ArrayList<>(set);
            rest.remove(index);
            return rest.isEmpty() ? null : List.copyOf(rest);
        });
        return removed[0];
    }

    /**
     * Describes the store by its size; no hash is shown.
     *
     * @return for example {@code "InMemoryBackupCodeStore[3 accounts]"}
     */
    @Override
    public String toString() {
        return "InMemoryBackupCodeStore[" + sets.size() + " accounts]";
    }
}
